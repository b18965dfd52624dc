/*
 * utimes.c: utimensat, the one operation behind utimes, utime and
 * futimesat too (their handlers turn timevals and utimbufs into
 * timespecs first). Linux's order: both times UTIME_OMIT succeeds
 * before anything is looked at; then the flags; a NULL path with a
 * dirfd names the descriptor itself (futimens: no flags, no O_PATH
 * descriptor); then the path; then the nanoseconds (-EINVAL); then who
 * may: explicit times need the owner or root (-EPERM), "now" for both
 * the owner, root or write permission (-EACCES). ctime becomes now.
 */
#include "vfs_internal.h"

static bool nsec_valid(int64_t nsec)
{
	return nsec == LINUX_UTIME_NOW || nsec == LINUX_UTIME_OMIT ||
	       (nsec >= 0 && nsec <= 999999999);
}

static bool both_are(const struct linux_timespec *times, int64_t nsec)
{
	return times[0].tv_nsec == nsec && times[1].tv_nsec == nsec;
}

/* times as the tmpfs takes them: NULL stays, TMPFS_TIME_NOW is now. */
static const struct tmpfs_time *tmpfs_time(const struct linux_timespec *times, int i,
					   struct tmpfs_time *t)
{
	if (!times) {
		t->nsec = TMPFS_TIME_NOW;
		return t;
	}
	if (times[i].tv_nsec == LINUX_UTIME_OMIT)
		return NULL;
	t->sec = times[i].tv_sec;
	t->nsec = times[i].tv_nsec == LINUX_UTIME_NOW ? TMPFS_TIME_NOW : (uint32_t)times[i].tv_nsec;
	return t;
}

static int may_set_times(struct vfs_proc *p, uint32_t uid, const struct tmpfs_node *n,
			 bool to_now)
{
	if (p->cred.euid == 0 || p->cred.euid == uid)
		return 0;
	if (!to_now || !n)
		return -UX_EPERM;
	return vfs_permission(p->cred.euid, p->cred.egid, n, VFS_MAY_WRITE);
}

static uint32_t pipe_uid(const struct vfs_file *f)
{
	struct tmpfs_stat st;

	vfs_pipe_stat(f, &st);
	return st.uid;
}

/* n, or the pipe f when n is NULL. */
static int set_times(struct vfs_proc *p, struct tmpfs_node *n, struct vfs_file *f,
		     const struct linux_timespec *times)
{
	struct tmpfs_time at, mt;
	const struct tmpfs_time *a, *m;
	int err;

	if (times && (!nsec_valid(times[0].tv_nsec) || !nsec_valid(times[1].tv_nsec)))
		return -UX_EINVAL;
	if (times && both_are(times, LINUX_UTIME_NOW))
		times = NULL;
	err = may_set_times(p, n ? n->uid : pipe_uid(f), n, !times);
	if (err)
		return err;
	a = tmpfs_time(times, 0, &at);
	m = tmpfs_time(times, 1, &mt);
	if (!n)
		return vfs_pipe_set_times(p, f, a, m);
	tmpfs_set_times(&p->vfs->fs, n, a, m);
	return 0;
}

static int fd_set_times(struct vfs_proc *p, int fd, const struct linux_timespec *times,
			unsigned flags)
{
	struct vfs_file *f;

	if (flags)
		return -UX_EINVAL;
	f = vfs_fd_file_io(p, fd);
	if (!f)
		return -UX_EBADF;
	return set_times(p, f->node, f, times);
}

int vfs_utimensat(struct vfs_proc *p, int dirfd, const char *path,
		  const struct linux_timespec *times, unsigned flags)
{
	struct tmpfs_node *n;
	struct vfs_file *f;
	int err;

	if (times && both_are(times, LINUX_UTIME_OMIT))
		return 0;
	if (!path && dirfd != LINUX_AT_FDCWD)
		return fd_set_times(p, dirfd, times, flags);
	if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	if (!path)
		return -UX_EFAULT;
	f = vfs_empty_path_pipe(p, dirfd, path, flags);
	if (f)
		return set_times(p, NULL, f, times);
	err = vfs_walk(p, dirfd, path, flags, &n);
	return err ? err : set_times(p, n, NULL, times);
}
