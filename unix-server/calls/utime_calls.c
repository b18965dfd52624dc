/*
 * utime_calls.c: utimensat and the older calls that set a file's times,
 * utimes, utime and futimesat, all made the one VFS operation
 * (vfs_utimensat) the way Linux's fs/utimes.c makes them do_utimes:
 * a timeval's microseconds are checked (0..999999, else -EINVAL) before
 * the path is looked at and become nanoseconds; a utimbuf has whole
 * seconds; a NULL pointer means "now" for both. The times travel as
 * the row's first input and the path as its second, so a bad times
 * pointer is EFAULT before the path is read, as Linux copies them first.
 */
#include "call.h"
#include "files.h"
#include "server/process.h"

struct linux_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

struct linux_utimbuf {
	int64_t actime;
	int64_t modtime;
};

_Static_assert(sizeof(struct linux_timeval[2]) == UX_SIZEOF_TIMES, "timeval[2]");
_Static_assert(sizeof(struct linux_timespec[2]) == UX_SIZEOF_TIMES, "timespec[2]");
_Static_assert(sizeof(struct linux_utimbuf) == UX_SIZEOF_UTIMBUF, "utimbuf");

static struct vfs_proc *files(struct ux_call *c)
{
	return c->proc->files;
}

int64_t ux_sys_utimensat(struct ux_call *c)
{
	struct linux_timespec ts[2];

	if (c->in[0])
		__builtin_memcpy(ts, c->in[0], sizeof(ts));
	return vfs_utimensat(files(c), arg_int(c->arg[0]), call_path(c, 1), c->in[0] ? ts : NULL,
			     (unsigned)c->arg[3]);
}

/* futimesat and utimes: timevals, or NULL for now. */
static int64_t timeval_times(struct ux_call *c, int dirfd, const char *path)
{
	struct linux_timeval tv[2];
	struct linux_timespec ts[2];

	if (!c->in[0])
		return vfs_utimensat(files(c), dirfd, path, NULL, 0);
	__builtin_memcpy(tv, c->in[0], sizeof(tv));
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return -UX_EINVAL;
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return vfs_utimensat(files(c), dirfd, path, ts, 0);
}

int64_t ux_sys_futimesat(struct ux_call *c)
{
	return timeval_times(c, arg_int(c->arg[0]), call_path(c, 1));
}

int64_t ux_sys_utimes(struct ux_call *c)
{
	return timeval_times(c, LINUX_AT_FDCWD, call_path(c, 1));
}

int64_t ux_sys_utime(struct ux_call *c)
{
	struct linux_utimbuf ub;
	struct linux_timespec ts[2];

	if (!c->in[0])
		return vfs_utimensat(files(c), LINUX_AT_FDCWD, call_path(c, 1), NULL, 0);
	__builtin_memcpy(&ub, c->in[0], sizeof(ub));
	ts[0] = (struct linux_timespec){ ub.actime, 0 };
	ts[1] = (struct linux_timespec){ ub.modtime, 0 };
	return vfs_utimensat(files(c), LINUX_AT_FDCWD, call_path(c, 1), ts, 0);
}
