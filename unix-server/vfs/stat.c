/*
 * stat.c: fstat, newfstatat and statx, filling Linux's x86-64 struct
 * stat and struct statx from the tmpfs's attributes.
 *
 * statx reports what this file system has whatever the mask asks
 * (Linux returns what the file system filled, requested or not): the
 * basic stats and the mount id, no birth time (the tmpfs keeps none).
 * stx_attributes_mask is what Linux 6.x's tmpfs reports, and the root
 * carries STATX_ATTR_MOUNT_ROOT. A pipe has no node: its attributes
 * are pipe.c's, found by fstat and by AT_EMPTY_PATH on its fd.
 */
#include "vfs_internal.h"

#define STAT_FLAGS (LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_NO_AUTOMOUNT | LINUX_AT_EMPTY_PATH)
#define STATX_FLAGS (STAT_FLAGS | LINUX_AT_STATX_SYNC_TYPE)
#define STATX_RESULT (LINUX_STATX_BASIC_STATS | LINUX_STATX_MNT_ID)
#define STATX_ATTRS_KNOWN (LINUX_STATX_ATTR_IMMUTABLE | LINUX_STATX_ATTR_APPEND | \
			   LINUX_STATX_ATTR_NODUMP | LINUX_STATX_ATTR_AUTOMOUNT | \
			   LINUX_STATX_ATTR_MOUNT_ROOT | LINUX_STATX_ATTR_DAX)

static struct linux_timespec timespec(struct tmpfs_time t)
{
	struct linux_timespec ts = { t.sec, t.nsec };

	return ts;
}

static void fill_stat(const struct tmpfs_stat *ts, struct linux_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = ts->dev;
	st->st_ino = ts->ino;
	st->st_nlink = ts->nlink;
	st->st_mode = ts->mode;
	st->st_uid = ts->uid;
	st->st_gid = ts->gid;
	st->st_rdev = ts->rdev;
	st->st_size = ts->size;
	st->st_blksize = ts->blksize;
	st->st_blocks = ts->blocks;
	st->st_atim = timespec(ts->atime);
	st->st_mtim = timespec(ts->mtime);
	st->st_ctim = timespec(ts->ctime);
}

static struct linux_statx_timestamp stamp(struct tmpfs_time t)
{
	struct linux_statx_timestamp s = { t.sec, t.nsec, 0 };

	return s;
}

static void fill_statx(const struct tmpfs_stat *ts, uint64_t attributes, uint64_t mnt_id,
		       struct linux_statx *stx)
{
	memset(stx, 0, sizeof(*stx));
	stx->stx_mask = STATX_RESULT;
	stx->stx_blksize = (uint32_t)ts->blksize;
	stx->stx_attributes = attributes;
	stx->stx_attributes_mask = STATX_ATTRS_KNOWN;
	stx->stx_nlink = (uint32_t)ts->nlink;
	stx->stx_uid = ts->uid;
	stx->stx_gid = ts->gid;
	stx->stx_mode = (uint16_t)ts->mode;
	stx->stx_ino = ts->ino;
	stx->stx_size = (uint64_t)ts->size;
	stx->stx_blocks = (uint64_t)ts->blocks;
	stx->stx_atime = stamp(ts->atime);
	stx->stx_mtime = stamp(ts->mtime);
	stx->stx_ctime = stamp(ts->ctime);
	stx->stx_rdev_major = linux_dev_major(ts->rdev);
	stx->stx_rdev_minor = linux_dev_minor(ts->rdev);
	stx->stx_dev_major = linux_dev_major(ts->dev);
	stx->stx_dev_minor = linux_dev_minor(ts->dev);
	stx->stx_mnt_id = mnt_id;
}

static void node_stat(struct vfs *v, const struct tmpfs_node *n, struct linux_stat *st)
{
	struct tmpfs_stat ts;

	tmpfs_stat(&v->fs, n, &ts);
	fill_stat(&ts, st);
}

static void node_statx(struct vfs *v, const struct tmpfs_node *n, struct linux_statx *stx)
{
	struct tmpfs_stat ts;

	tmpfs_stat(&v->fs, n, &ts);
	fill_statx(&ts, n == v->fs.root ? LINUX_STATX_ATTR_MOUNT_ROOT : 0, v->mnt_id, stx);
}

/* fstat works on O_PATH descriptors too, as Linux's. */
int vfs_fstat(struct vfs_proc *p, int fd, struct linux_stat *st)
{
	struct vfs_file *f = vfs_fd_file(p, fd);
	struct tmpfs_stat ts;

	if (f && vfs_file_is_pipe(f)) {
		vfs_pipe_stat(f, &ts);
		fill_stat(&ts, st);
		return 0;
	}
	if (!f || !f->node)
		return -UX_EBADF;
	node_stat(p->vfs, f->node, st);
	return 0;
}

int vfs_newfstatat(struct vfs_proc *p, int dirfd, const char *path, struct linux_stat *st,
		   unsigned flags)
{
	struct tmpfs_node *n;
	int err;

	if (flags & ~STAT_FLAGS)
		return -UX_EINVAL;
	if (vfs_empty_path_pipe(p, dirfd, path, flags))
		return vfs_fstat(p, dirfd, st);
	err = vfs_walk(p, dirfd, path, flags, &n);
	if (err)
		return err;
	node_stat(p->vfs, n, st);
	return 0;
}

int vfs_statx(struct vfs_proc *p, int dirfd, const char *path, unsigned flags, unsigned mask,
	      struct linux_statx *stx)
{
	struct tmpfs_node *n;
	struct vfs_file *f;
	struct tmpfs_stat ts;
	int err;

	if ((flags & ~STATX_FLAGS) ||
	    (flags & LINUX_AT_STATX_SYNC_TYPE) == LINUX_AT_STATX_SYNC_TYPE)
		return -UX_EINVAL;
	if (mask & LINUX_STATX__RESERVED)
		return -UX_EINVAL;
	f = vfs_empty_path_pipe(p, dirfd, path, flags);
	if (f) {
		vfs_pipe_stat(f, &ts);
		fill_statx(&ts, 0, VFS_PIPE_MNT_ID, stx);
		return 0;
	}
	err = vfs_walk(p, dirfd, path, flags, &n);
	if (err)
		return err;
	node_statx(p->vfs, n, stx);
	return 0;
}
