/*
 * attr.c: the calls that read or change one node's attributes or
 * contents by path or descriptor: faccessat2, readlinkat, truncate,
 * ftruncate, fchmodat, fchmod (a pipe's mode is pipe.c's).
 */
#include "vfs_internal.h"

/* faccessat checks the real ids unless AT_EACCESS; F_OK only asks that the path resolves. */
int vfs_faccessat2(struct vfs_proc *p, int dirfd, const char *path, unsigned mode,
		   unsigned flags)
{
	struct tmpfs_node *n;
	int err;

	_Static_assert(LINUX_R_OK == VFS_MAY_READ && LINUX_W_OK == VFS_MAY_WRITE &&
		       LINUX_X_OK == VFS_MAY_EXEC, "access modes are permission masks");
	if (mode & ~(unsigned)(LINUX_R_OK | LINUX_W_OK | LINUX_X_OK))
		return -UX_EINVAL;
	if (flags & ~(LINUX_AT_EACCESS | LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	err = vfs_walk(p, dirfd, path, flags & ~LINUX_AT_EACCESS, &n);
	if (err || mode == LINUX_F_OK)
		return err;
	if (flags & LINUX_AT_EACCESS)
		return vfs_permission(p->cred.euid, p->cred.egid, n, (int)mode);
	return vfs_permission(p->cred.uid, p->cred.gid, n, (int)mode);
}

/* An empty path reads dirfd's own link (an O_PATH|O_NOFOLLOW descriptor). */
int vfs_readlinkat(struct vfs_proc *p, int dirfd, const char *path, char *buf, int64_t bufsiz)
{
	struct tmpfs_node *n;
	int err;

	if (bufsiz <= 0)
		return -UX_EINVAL;
	err = vfs_walk(p, dirfd, path, LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH, &n);
	if (err)
		return err;
	if (!tmpfs_is_symlink(n))
		return path[0] ? -UX_EINVAL : -UX_ENOENT;
	return tmpfs_readlink(n, buf, bufsiz > TMPFS_PATH_MAX ? TMPFS_PATH_MAX : (size_t)bufsiz);
}

int vfs_truncate(struct vfs_proc *p, const char *path, int64_t length)
{
	struct tmpfs_node *n;
	int err;

	if (length < 0)
		return -UX_EINVAL;
	err = vfs_walk(p, LINUX_AT_FDCWD, path, 0, &n);
	if (err)
		return err;
	if (tmpfs_is_dir(n))
		return -UX_EISDIR;
	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	err = vfs_permission(p->cred.euid, p->cred.egid, n, VFS_MAY_WRITE);
	if (err)
		return err;
	return tmpfs_truncate(&p->vfs->fs, n, (uint64_t)length);
}

/* Linux's ftruncate wants a regular file open for writing, else -EINVAL. */
int vfs_ftruncate(struct vfs_proc *p, int fd, int64_t length)
{
	struct vfs_file *f;

	if (length < 0)
		return -UX_EINVAL;
	f = vfs_fd_file_io(p, fd);
	if (!f)
		return -UX_EBADF;
	if (!f->node || !tmpfs_is_reg(f->node) || !vfs_file_writable(f))
		return -UX_EINVAL;
	return tmpfs_truncate(&p->vfs->fs, f->node, (uint64_t)length);
}

/* Symlinks have no mode of their own on Linux: -EOPNOTSUPP. */
static int chmod_node(struct vfs_proc *p, struct tmpfs_node *n, uint32_t mode)
{
	if (tmpfs_is_symlink(n))
		return -UX_EOPNOTSUPP;
	if (p->cred.euid != 0 && p->cred.euid != n->uid)
		return -UX_EPERM;
	n->mode = (n->mode & TMPFS_S_IFMT) | (mode & 07777);
	vfs_now(p->vfs, &n->ctime);
	return 0;
}

int vfs_fchmodat(struct vfs_proc *p, int dirfd, const char *path, uint32_t mode, unsigned flags)
{
	struct tmpfs_node *n;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	err = vfs_walk(p, dirfd, path, flags, &n);
	return err ? err : chmod_node(p, n, mode);
}

int vfs_fchmod(struct vfs_proc *p, int fd, uint32_t mode)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	if (f && vfs_file_is_pipe(f))
		return vfs_pipe_chmod(p, f, mode);
	if (!f || !f->node)
		return -UX_EBADF;
	return chmod_node(p, f->node, mode);
}
