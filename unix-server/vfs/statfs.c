/*
 * statfs.c: statfs and fstatfs. Every node is in the one tmpfs, so the
 * answer is a tmpfs's (TMPFS_MAGIC, 4096-byte blocks, names of 255
 * bytes, counts from tmpfs_statfs); a pipe's is Linux's pipefs (its
 * magic, no counts, as simple_statfs). f_fsid is made from the device
 * number (Linux's tmpfs makes it from a random UUID per mount).
 */
#include "vfs_internal.h"

#define PAGE 4096

static void fill(struct linux_statfs *sf, int64_t type)
{
	memset(sf, 0, sizeof(*sf));
	sf->f_type = type;
	sf->f_bsize = PAGE;
	sf->f_frsize = PAGE;
	sf->f_namelen = TMPFS_NAME_MAX;
	sf->f_flags = LINUX_ST_VALID;
}

static void tmpfs_answer(struct vfs *v, struct linux_statfs *sf)
{
	struct tmpfs_statfs ts;

	fill(sf, LINUX_TMPFS_MAGIC);
	tmpfs_statfs(&v->fs, &ts);
	sf->f_blocks = ts.blocks;
	sf->f_bfree = ts.bfree;
	sf->f_bavail = ts.bfree;
	sf->f_files = ts.files;
	sf->f_ffree = ts.ffree;
	sf->f_fsid[0] = (int32_t)(uint32_t)v->fs.dev;
	sf->f_fsid[1] = (int32_t)(uint32_t)(v->fs.dev >> 32);
	sf->f_flags |= LINUX_ST_RELATIME;
}

int vfs_statfs(struct vfs_proc *p, const char *path, struct linux_statfs *sf)
{
	struct tmpfs_node *n;
	int err = vfs_walk(p, LINUX_AT_FDCWD, path, 0, &n);

	if (err)
		return err;
	tmpfs_answer(p->vfs, sf);
	return 0;
}

/* O_PATH descriptors too, as Linux's. */
int vfs_fstatfs(struct vfs_proc *p, int fd, struct linux_statfs *sf)
{
	struct vfs_file *f = vfs_fd_file(p, fd);

	if (!f)
		return -UX_EBADF;
	if (vfs_file_is_pipe(f))
		fill(sf, LINUX_PIPEFS_MAGIC);
	else
		tmpfs_answer(p->vfs, sf);
	return 0;
}
