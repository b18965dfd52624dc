/*
 * proc.c: the file system state of a process: credentials, cwd, umask,
 * RLIMIT_NOFILE and the descriptor table, with its lifetime (init,
 * fork, exit; exec is in fdtable.c) and the calls that change it:
 * chdir, fchdir, umask.
 */
#include "vfs_internal.h"

int vfs_proc_init(struct vfs_proc *p, struct vfs *v)
{
	memset(p, 0, sizeof(*p));
	p->vfs = v;
	p->umask = 022;
	p->nofile = VFS_NOFILE_DEFAULT;
	p->fds = vfs_fdtable_new(v, NULL);
	if (!p->fds)
		return -UX_ENOMEM;
	p->cwd = v->fs.root;
	tmpfs_node_get(p->cwd);
	return 0;
}

int vfs_proc_fork(struct vfs_proc *child, const struct vfs_proc *parent)
{
	struct vfs_fdtable *fds = vfs_fdtable_new(parent->vfs, parent->fds);

	if (!fds)
		return -UX_ENOMEM;
	*child = *parent;
	child->fds = fds;
	tmpfs_node_get(child->cwd);
	return 0;
}

void vfs_proc_release(struct vfs_proc *p)
{
	vfs_fdtable_free(p->vfs, p->fds);
	p->fds = NULL;
	tmpfs_node_put(&p->vfs->fs, p->cwd);
	p->cwd = NULL;
}

uint32_t vfs_umask(struct vfs_proc *p, uint32_t mask)
{
	uint32_t old = p->umask;

	p->umask = mask & 0777;
	return old;
}

static int set_cwd(struct vfs_proc *p, struct tmpfs_node *n)
{
	int err;

	if (!tmpfs_is_dir(n))
		return -UX_ENOTDIR;
	err = vfs_permission(p->cred.euid, p->cred.egid, n, VFS_MAY_EXEC);
	if (err)
		return err;
	tmpfs_node_get(n);
	tmpfs_node_put(&p->vfs->fs, p->cwd);
	p->cwd = n;
	return 0;
}

int vfs_chdir(struct vfs_proc *p, const char *path)
{
	struct tmpfs_node *n;
	int err = vfs_walk(p, LINUX_AT_FDCWD, path, 0, &n);

	return err ? err : set_cwd(p, n);
}

/* O_PATH descriptors will do, as in Linux. */
int vfs_fchdir(struct vfs_proc *p, int fd)
{
	struct vfs_file *f = vfs_fd_file(p, fd);

	if (!f)
		return -UX_EBADF;
	if (!f->node)
		return -UX_ENOTDIR;
	return set_cwd(p, f->node);
}
