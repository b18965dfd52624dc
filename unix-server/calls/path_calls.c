/*
 * path_calls.c: calls that name a file by path: open, openat, the stat
 * family, access, getcwd, chdir, mkdir, unlink, rmdir, rename, link,
 * symlink, readlink, truncate and chmod, old and *at forms (the old
 * ones are the *at ones with AT_FDCWD, as in Linux).
 */
#include "call.h"
#include "files.h"
#include "server/process.h"

#define FDCWD LINUX_AT_FDCWD

static struct vfs_proc *files(struct ux_call *c)
{
	return c->proc->files;
}

int64_t ux_sys_open(struct ux_call *c)
{
	return vfs_openat(files(c), FDCWD, call_path(c, 0), (uint32_t)c->arg[1],
			  (uint32_t)c->arg[2]);
}

int64_t ux_sys_openat(struct ux_call *c)
{
	return vfs_openat(files(c), arg_int(c->arg[0]), call_path(c, 0), (uint32_t)c->arg[2],
			  (uint32_t)c->arg[3]);
}

static int64_t stat_at(struct ux_call *c, int dirfd, unsigned flags)
{
	struct linux_stat st;
	int r = vfs_newfstatat(files(c), dirfd, call_path(c, 0), &st, flags);

	return r < 0 ? r : call_put(c, &st, sizeof(st));
}

int64_t ux_sys_stat(struct ux_call *c)
{
	return stat_at(c, FDCWD, 0);
}

int64_t ux_sys_lstat(struct ux_call *c)
{
	return stat_at(c, FDCWD, LINUX_AT_SYMLINK_NOFOLLOW);
}

int64_t ux_sys_newfstatat(struct ux_call *c)
{
	return stat_at(c, arg_int(c->arg[0]), (unsigned)c->arg[3]);
}

int64_t ux_sys_statx(struct ux_call *c)
{
	struct linux_statx stx;
	int r = vfs_statx(files(c), arg_int(c->arg[0]), call_path(c, 0), (unsigned)c->arg[2],
			  (unsigned)c->arg[3], &stx);

	return r < 0 ? r : call_put(c, &stx, sizeof(stx));
}

int64_t ux_sys_access(struct ux_call *c)
{
	return vfs_faccessat2(files(c), FDCWD, call_path(c, 0), (unsigned)c->arg[1], 0);
}

int64_t ux_sys_faccessat(struct ux_call *c)
{
	return vfs_faccessat2(files(c), arg_int(c->arg[0]), call_path(c, 0), (unsigned)c->arg[2],
			      0);
}

int64_t ux_sys_faccessat2(struct ux_call *c)
{
	return vfs_faccessat2(files(c), arg_int(c->arg[0]), call_path(c, 0), (unsigned)c->arg[2],
			      (unsigned)c->arg[3]);
}

int64_t ux_sys_getcwd(struct ux_call *c)
{
	return call_out_filled(c, vfs_getcwd(files(c), (char *)c->out,
					     call_out_room(c, c->arg[1])));
}

int64_t ux_sys_chdir(struct ux_call *c)
{
	return vfs_chdir(files(c), call_path(c, 0));
}

int64_t ux_sys_mkdir(struct ux_call *c)
{
	return vfs_mkdirat(files(c), FDCWD, call_path(c, 0), (uint32_t)c->arg[1]);
}

int64_t ux_sys_mkdirat(struct ux_call *c)
{
	return vfs_mkdirat(files(c), arg_int(c->arg[0]), call_path(c, 0), (uint32_t)c->arg[2]);
}

int64_t ux_sys_unlink(struct ux_call *c)
{
	return vfs_unlinkat(files(c), FDCWD, call_path(c, 0), 0);
}

int64_t ux_sys_unlinkat(struct ux_call *c)
{
	return vfs_unlinkat(files(c), arg_int(c->arg[0]), call_path(c, 0), (unsigned)c->arg[2]);
}

int64_t ux_sys_rmdir(struct ux_call *c)
{
	return vfs_unlinkat(files(c), FDCWD, call_path(c, 0), LINUX_AT_REMOVEDIR);
}

int64_t ux_sys_rename(struct ux_call *c)
{
	return vfs_renameat2(files(c), FDCWD, call_path(c, 0), FDCWD, call_path(c, 1), 0);
}

int64_t ux_sys_renameat(struct ux_call *c)
{
	return vfs_renameat2(files(c), arg_int(c->arg[0]), call_path(c, 0), arg_int(c->arg[2]),
			     call_path(c, 1), 0);
}

int64_t ux_sys_renameat2(struct ux_call *c)
{
	return vfs_renameat2(files(c), arg_int(c->arg[0]), call_path(c, 0), arg_int(c->arg[2]),
			     call_path(c, 1), (unsigned)c->arg[4]);
}

int64_t ux_sys_link(struct ux_call *c)
{
	return vfs_linkat(files(c), FDCWD, call_path(c, 0), FDCWD, call_path(c, 1), 0);
}

int64_t ux_sys_linkat(struct ux_call *c)
{
	return vfs_linkat(files(c), arg_int(c->arg[0]), call_path(c, 0), arg_int(c->arg[2]),
			  call_path(c, 1), (unsigned)c->arg[4]);
}

int64_t ux_sys_symlink(struct ux_call *c)
{
	return vfs_symlinkat(files(c), call_path(c, 0), FDCWD, call_path(c, 1));
}

int64_t ux_sys_symlinkat(struct ux_call *c)
{
	return vfs_symlinkat(files(c), call_path(c, 0), arg_int(c->arg[1]), call_path(c, 1));
}

static int64_t readlink_at(struct ux_call *c, int dirfd, int64_t bufsiz)
{
	if (bufsiz > (int64_t)c->out_cap && bufsiz > 0)
		bufsiz = c->out_cap;
	return call_out_filled(c, vfs_readlinkat(files(c), dirfd, call_path(c, 0),
						 (char *)c->out, bufsiz));
}

int64_t ux_sys_readlink(struct ux_call *c)
{
	return readlink_at(c, FDCWD, (int64_t)(int32_t)c->arg[2]);
}

int64_t ux_sys_readlinkat(struct ux_call *c)
{
	return readlink_at(c, arg_int(c->arg[0]), (int64_t)(int32_t)c->arg[3]);
}

int64_t ux_sys_truncate(struct ux_call *c)
{
	return vfs_truncate(files(c), call_path(c, 0), (int64_t)c->arg[1]);
}

int64_t ux_sys_chmod(struct ux_call *c)
{
	return vfs_fchmodat(files(c), FDCWD, call_path(c, 0), (uint32_t)c->arg[1], 0);
}

int64_t ux_sys_fchmodat(struct ux_call *c)
{
	return vfs_fchmodat(files(c), arg_int(c->arg[0]), call_path(c, 0), (uint32_t)c->arg[2],
			    0);
}
