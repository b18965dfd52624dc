/*
 * fork_calls.c: fork, vfork (clone comes as one of them, emulator/local/
 * fork.c) and wait4.
 *
 * A vfork parent waits, its call parked, until the child execs or ends
 * (process_vfork_release); the retried call then returns the child's pid.
 * Its memory is a copy, as for fork, not shared.
 *
 * wait4 reaps a zombie child: its status and CPU time go back in a
 * struct ux_wait_result and its slot is freed. With none yet it parks
 * (WNOHANG: 0), and is retried whenever a process ends. Stopped and
 * continued children do not exist yet (no signals), so WUNTRACED and
 * WCONTINUED never match anything.
 */
#include "call.h"
#include "files.h"
#include "server/fork_task.h"
#include "server/process.h"

#define WNOHANG    0x00000001
#define WUNTRACED  0x00000002
#define WCONTINUED 0x00000008
#define WNOTHREAD  0x20000000
#define WALL       0x40000000
#define WCLONE     0x80000000u

/* A new process, fork's child of the caller: its pid, or -errno. */
static int64_t fork_child(struct process *parent, struct process **out)
{
	struct process *child = process_alloc();
	int r;

	if (!child)
		return -UX_EAGAIN;
	r = process_fork(child, parent);
	if (r == 0)
		r = fork_task_start(child, parent);
	if (r < 0) {
		process_free(child);
		return r;
	}
	*out = child;
	return child->pid;
}

int64_t ux_sys_fork(struct ux_call *c)
{
	struct process *child;

	return fork_child(c->proc, &child);
}

int64_t ux_sys_vfork(struct ux_call *c)
{
	struct process *p = c->proc, *child;

	if (p->vfork_child) {           /* the retry of a parked vfork */
		child = process_by_pid(p->vfork_child);
		if (child && child->vfork_parent == p->pid)
			return -UX_EPARK;
		int pid = p->vfork_child;
		p->vfork_child = 0;
		return pid;
	}
	int64_t pid = fork_child(p, &child);
	if (pid < 0)
		return pid;
	p->vfork_child = (int)pid;
	child->vfork_parent = p->pid;
	return -UX_EPARK;
}

int64_t ux_sys_wait4(struct ux_call *c)
{
	int which = arg_int(c->arg[0]);
	uint32_t options = (uint32_t)c->arg[2];
	bool exists;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE))
		return -UX_EINVAL;
	if (which == INT32_MIN)
		return -UX_ESRCH;       /* -INT_MIN is no group */
	/* Every child here ends with SIGCHLD: __WCLONE alone waits for none. */
	if ((options & WCLONE) && !(options & WALL))
		return -UX_ECHILD;
	struct process *q = process_waitable_child(c->proc, which, &exists);
	if (!q)
		return !exists ? -UX_ECHILD : (options & WNOHANG) ? 0 : -UX_EPARK;
	struct ux_wait_result w = { .status = q->exit_status, .cpu_ns = q->cpu_ns };
	int64_t r = call_put(c, &w, sizeof(w));
	if (r < 0)
		return r;
	int pid = q->pid;
	process_free(q);
	return pid;
}
