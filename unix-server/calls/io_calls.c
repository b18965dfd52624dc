/*
 * io_calls.c: calls on open descriptors: read, write, pread64, pwrite64,
 * lseek, close, ioctl, getdents64, fcntl, dup, dup2, dup3, ftruncate,
 * fchmod, fchdir, fstat. Data moves through the request and the reply
 * (the emulator splits large transfers, ux/rpc.h).
 */
#include "call.h"
#include "files.h"
#include "server/process.h"
#include "server/server.h"
#include "ux/ioctl.h"

int64_t ux_sys_read(struct ux_call *c)
{
	struct vfs_wait wait = { .since_ns = c->since_ns };
	int64_t r = vfs_read_call(c->proc->files, arg_int(c->arg[0]), c->out,
				  call_out_room(c, c->arg[2]), &wait);

	c->timed = wait.timed;
	return call_out_filled(c, r);
}

int64_t ux_sys_write(struct ux_call *c)
{
	return vfs_write(c->proc->files, arg_int(c->arg[0]), c->in[0], c->in_len[0]);
}

int64_t ux_sys_pread64(struct ux_call *c)
{
	return call_out_filled(c, vfs_pread64(c->proc->files, arg_int(c->arg[0]), c->out,
					      call_out_room(c, c->arg[2]), (int64_t)c->arg[3]));
}

int64_t ux_sys_pwrite64(struct ux_call *c)
{
	return vfs_pwrite64(c->proc->files, arg_int(c->arg[0]), c->in[0], c->in_len[0],
			    (int64_t)c->arg[3]);
}

int64_t ux_sys_lseek(struct ux_call *c)
{
	return vfs_lseek(c->proc->files, arg_int(c->arg[0]), (int64_t)c->arg[1],
			 arg_int(c->arg[2]));
}

int64_t ux_sys_close(struct ux_call *c)
{
	return vfs_close(c->proc->files, arg_int(c->arg[0]));
}

/* A pointer command with a NULL argument: what Linux answers before it
 * would copy (a bad fd, a file that is no terminal, else the fault). */
static int64_t null_argument(struct process *p, int fd)
{
	struct vfs_file *f;
	int r = vfs_fget(p->files, fd, &f);

	if (r < 0)
		return r;
	r = f->ops && f->ops->ioctl ? -UX_EFAULT : -UX_ENOTTY;
	vfs_file_put(&server.vfs, f);
	return r;
}

/* Pointer commands (ux/ioctl.h) carry their argument in and out of buf;
 * the server's copy is as long as the longer direction. */
int64_t ux_sys_ioctl(struct ux_call *c)
{
	uint32_t in, out;
	uint8_t buf[64];
	bool known = ux_ioctl_sizes((uint32_t)c->arg[1], &in, &out);
	size_t len = in > out ? in : out;

	if (known && c->arg[2] == 0)
		return null_argument(c->proc, arg_int(c->arg[0]));
	if (len > sizeof(buf) || (out && c->out_cap < out))
		return -UX_EFAULT;
	memset(buf, 0, sizeof(buf));
	if (in)
		memcpy(buf, c->in[0], in);
	int64_t r = vfs_ioctl(c->proc->files, arg_int(c->arg[0]), (uint32_t)c->arg[1], c->arg[2],
			      known ? buf : NULL, known ? len : 0);
	if (r >= 0 && out) {
		memcpy(c->out, buf, out);
		c->out_len = out;
	}
	return r;
}

int64_t ux_sys_getdents64(struct ux_call *c)
{
	return call_out_filled(c, vfs_getdents64(c->proc->files, arg_int(c->arg[0]), c->out,
						 call_out_room(c, c->arg[2])));
}

int64_t ux_sys_fcntl(struct ux_call *c)
{
	return vfs_fcntl(c->proc->files, arg_int(c->arg[0]), (uint32_t)c->arg[1], c->arg[2]);
}

int64_t ux_sys_dup(struct ux_call *c)
{
	return vfs_dup(c->proc->files, arg_int(c->arg[0]));
}

int64_t ux_sys_dup2(struct ux_call *c)
{
	return vfs_dup2(c->proc->files, arg_int(c->arg[0]), arg_int(c->arg[1]));
}

int64_t ux_sys_dup3(struct ux_call *c)
{
	return vfs_dup3(c->proc->files, arg_int(c->arg[0]), arg_int(c->arg[1]),
			(uint32_t)c->arg[2]);
}

int64_t ux_sys_ftruncate(struct ux_call *c)
{
	return vfs_ftruncate(c->proc->files, arg_int(c->arg[0]), (int64_t)c->arg[1]);
}

int64_t ux_sys_fchmod(struct ux_call *c)
{
	return vfs_fchmod(c->proc->files, arg_int(c->arg[0]), (uint32_t)c->arg[1]);
}

int64_t ux_sys_fchdir(struct ux_call *c)
{
	return vfs_fchdir(c->proc->files, arg_int(c->arg[0]));
}

int64_t ux_sys_fstat(struct ux_call *c)
{
	struct linux_stat st;
	int r = vfs_fstat(c->proc->files, arg_int(c->arg[0]), &st);

	return r < 0 ? r : call_put(c, &st, sizeof(st));
}
