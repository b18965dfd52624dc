/*
 * dup.c: the system calls that copy and adjust descriptors: dup, dup2,
 * dup3, fcntl (F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL,
 * F_SETFL, F_GETOWN; F_GETPIPE_SZ and F_SETPIPE_SZ are pipe.c's). A copy shares
 * the open file description (position, status flags); FD_CLOEXEC
 * belongs to the descriptor and is never copied.
 */
#include "vfs_internal.h"

/* The status flags F_SETFL may change; the rest of its argument is ignored. */
#define SETFL_MASK (LINUX_O_APPEND | LINUX_O_ASYNC | LINUX_O_DIRECT | LINUX_O_NOATIME | \
		    LINUX_O_NONBLOCK)

static int dup_from(struct vfs_proc *p, struct vfs_file *f, uint32_t min, uint32_t fd_flags)
{
	int fd = vfs_fd_reserve(p, min);

	if (fd < 0)
		return fd;
	vfs_file_get(f);
	vfs_fd_set(p, fd, f, fd_flags);
	return fd;
}

int vfs_dup(struct vfs_proc *p, int fd)
{
	struct vfs_file *f = vfs_fd_file(p, fd);

	return f ? dup_from(p, f, 0, 0) : -UX_EBADF;
}

int vfs_dup3(struct vfs_proc *p, int oldfd, int newfd, uint32_t flags)
{
	struct vfs_file *f;
	int err;

	if (flags & ~LINUX_O_CLOEXEC)
		return -UX_EINVAL;
	if (oldfd == newfd)
		return -UX_EINVAL;
	if (newfd < 0 || (uint32_t)newfd >= p->nofile)
		return -UX_EBADF;
	f = vfs_fd_file(p, oldfd);
	if (!f)
		return -UX_EBADF;
	err = vfs_fd_grow(p, (uint32_t)newfd);
	if (err)
		return err;
	vfs_file_get(f);
	vfs_fd_set(p, newfd, f, flags & LINUX_O_CLOEXEC ? LINUX_FD_CLOEXEC : 0);
	return newfd;
}

int vfs_dup2(struct vfs_proc *p, int oldfd, int newfd)
{
	if (oldfd == newfd)
		return vfs_fd_file(p, oldfd) ? newfd : -UX_EBADF;
	return vfs_dup3(p, oldfd, newfd, 0);
}

/* What an O_PATH descriptor allows; everything else is -EBADF on it. */
static bool path_fd_allows(unsigned cmd)
{
	return cmd == LINUX_F_DUPFD || cmd == LINUX_F_DUPFD_CLOEXEC || cmd == LINUX_F_GETFD ||
	       cmd == LINUX_F_SETFD || cmd == LINUX_F_GETFL;
}

int64_t vfs_fcntl(struct vfs_proc *p, int fd, unsigned cmd, uint64_t arg)
{
	struct vfs_fd *slot = vfs_fd_slot(p, fd);
	struct vfs_file *f;

	if (!slot)
		return -UX_EBADF;
	f = slot->file;
	if (vfs_file_is_path(f) && !path_fd_allows(cmd))
		return -UX_EBADF;
	switch (cmd) {
	case LINUX_F_DUPFD:
	case LINUX_F_DUPFD_CLOEXEC:
		if (arg >= p->nofile)
			return -UX_EINVAL;
		return dup_from(p, f, (uint32_t)arg,
				cmd == LINUX_F_DUPFD_CLOEXEC ? LINUX_FD_CLOEXEC : 0);
	case LINUX_F_GETFD:
		return slot->flags;
	case LINUX_F_SETFD:
		slot->flags = (uint32_t)arg & LINUX_FD_CLOEXEC;
		return 0;
	case LINUX_F_GETFL:
		return f->flags;
	case LINUX_F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | ((uint32_t)arg & SETFL_MASK);
		return 0;
	case LINUX_F_GETOWN:
		return 0;       /* no file has an owner: nothing sends SIGIO yet */
	case LINUX_F_SETPIPE_SZ:
	case LINUX_F_GETPIPE_SZ:
		return vfs_pipe_fcntl(p, f, cmd, arg);
	default:
		return -UX_EINVAL;
	}
}
