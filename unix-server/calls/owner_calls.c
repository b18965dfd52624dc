/*
 * owner_calls.c: chown, fchown, lchown and fchownat. The old path
 * forms are fchownat with AT_FDCWD (lchown with AT_SYMLINK_NOFOLLOW),
 * as in Linux; ids are 32-bit, (uid_t)-1 keeping one.
 */
#include "call.h"
#include "files.h"
#include "server/process.h"

int64_t ux_sys_chown(struct ux_call *c)
{
	return vfs_fchownat(c->proc->files, LINUX_AT_FDCWD, call_path(c, 0), (uint32_t)c->arg[1],
			    (uint32_t)c->arg[2], 0);
}

int64_t ux_sys_lchown(struct ux_call *c)
{
	return vfs_fchownat(c->proc->files, LINUX_AT_FDCWD, call_path(c, 0), (uint32_t)c->arg[1],
			    (uint32_t)c->arg[2], LINUX_AT_SYMLINK_NOFOLLOW);
}

int64_t ux_sys_fchownat(struct ux_call *c)
{
	return vfs_fchownat(c->proc->files, arg_int(c->arg[0]), call_path(c, 0),
			    (uint32_t)c->arg[2], (uint32_t)c->arg[3], (unsigned)c->arg[4]);
}

int64_t ux_sys_fchown(struct ux_call *c)
{
	return vfs_fchown(c->proc->files, arg_int(c->arg[0]), (uint32_t)c->arg[1],
			  (uint32_t)c->arg[2]);
}
