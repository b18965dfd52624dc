/*
 * pipe_calls.c: pipe and pipe2 (the pipe itself is vfs/pipe.c). The two
 * fds travel back as the call's output, an int[2].
 */
#include "call.h"
#include "files.h"
#include "server/process.h"

/*
 * Linux makes the pipe before it copies the fds out, so a bad flag or
 * EMFILE wins over EFAULT; with no room for the fds (a NULL pointer) it
 * closes them again and nothing is left behind. Same here.
 */
static int64_t make_pipe(struct ux_call *c, uint32_t flags)
{
	struct vfs_proc *files = c->proc->files;
	int fds[2];
	int r = vfs_pipe2(files, fds, flags);

	if (r < 0)
		return r;
	if (c->out_cap < sizeof(fds)) {
		vfs_close(files, fds[0]);
		vfs_close(files, fds[1]);
		return -UX_EFAULT;
	}
	return call_put(c, fds, sizeof(fds));
}

int64_t ux_sys_pipe(struct ux_call *c)
{
	return make_pipe(c, 0);
}

int64_t ux_sys_pipe2(struct ux_call *c)
{
	return make_pipe(c, (uint32_t)c->arg[1]);
}
