/*
 * fs_calls.c: calls about the file system as a whole or a file's
 * storage: statfs, fstatfs, fsync, fdatasync, syncfs, sync, fadvise64
 * and fallocate. Everything is in memory: the sync calls only check their
 * descriptor, and fadvise64 its arguments (vfs/sync.c); fallocate
 * reserves or zeroes file memory (vfs/fallocate.c).
 */
#include "call.h"
#include "files.h"
#include "server/process.h"

_Static_assert(sizeof(struct linux_statfs) == UX_SIZEOF_STATFS, "struct statfs");

int64_t ux_sys_statfs(struct ux_call *c)
{
	struct linux_statfs sf;
	int r = vfs_statfs(c->proc->files, call_path(c, 0), &sf);

	return r < 0 ? r : call_put(c, &sf, sizeof(sf));
}

int64_t ux_sys_fstatfs(struct ux_call *c)
{
	struct linux_statfs sf;
	int r = vfs_fstatfs(c->proc->files, arg_int(c->arg[0]), &sf);

	return r < 0 ? r : call_put(c, &sf, sizeof(sf));
}

int64_t ux_sys_fsync(struct ux_call *c)
{
	return vfs_fsync(c->proc->files, arg_int(c->arg[0]));
}

int64_t ux_sys_fdatasync(struct ux_call *c)
{
	return vfs_fsync(c->proc->files, arg_int(c->arg[0]));
}

int64_t ux_sys_syncfs(struct ux_call *c)
{
	return vfs_syncfs(c->proc->files, arg_int(c->arg[0]));
}

int64_t ux_sys_sync(struct ux_call *c)
{
	(void)c;
	return 0;
}

int64_t ux_sys_fallocate(struct ux_call *c)
{
	return vfs_fallocate(c->proc->files, arg_int(c->arg[0]), arg_int(c->arg[1]),
			     (int64_t)c->arg[2], (int64_t)c->arg[3]);
}

/* x86-64's fadvise64(fd, offset, len, advice): len is a size_t that
 * Linux takes as a loff_t, so one past LLONG_MAX is negative. */
int64_t ux_sys_fadvise64(struct ux_call *c)
{
	return vfs_fadvise64(c->proc->files, arg_int(c->arg[0]), (int64_t)c->arg[1],
			     (int64_t)c->arg[2], arg_int(c->arg[3]));
}
