/*
 * thread_control.c: the traps that act on a thread named by its port
 * (thread_port.h): suspend and resume (Mach's suspend count), abort (out
 * of a blocking trap or an exception wait, with MK_INTERRUPTED),
 * terminate, and reading and setting its user registers.
 *
 * The registers are the ones saved when the thread last entered the
 * kernel; they are stable while it is suspended or blocked, which is when
 * a server reads or sets them. A thread blocked in a trap gets the trap's
 * result in rax when it leaves it, over any rax set meanwhile.
 */
#include "arch/x86_64/thread_state.h"
#include "kern/sched.h"
#include "kern/thread.h"
#include "kern/thread_port.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"

/* The calls on one thread, by name. */
enum thread_op { OP_SUSPEND, OP_RESUME, OP_ABORT, OP_TERMINATE };

static mk_return_t apply(struct thread *t, enum thread_op op)
{
	switch (op) {
	case OP_SUSPEND:
		return thread_suspend(t) ? MK_SUCCESS : MK_INVALID_VALUE;
	case OP_RESUME:
		return thread_resume(t) ? MK_SUCCESS : MK_INVALID_VALUE;
	case OP_ABORT:
		thread_abort(t);
		return MK_SUCCESS;
	default:
		thread_terminate_request(t);
		return MK_SUCCESS;
	}
}

static int64_t on_thread(uint64_t name, enum thread_op op)
{
	struct thread *t;
	mk_return_t ret = thread_from_name((mk_port_name_t)name, &t);

	if (ret != MK_SUCCESS)
		return ret;
	ret = apply(t, op);
	thread_release(t);
	return ret;
}

int64_t trap_thread_suspend(const struct trap_args *a)
{
	return on_thread(a->arg[0], OP_SUSPEND);
}

int64_t trap_thread_resume(const struct trap_args *a)
{
	return on_thread(a->arg[0], OP_RESUME);
}

int64_t trap_thread_abort(const struct trap_args *a)
{
	return on_thread(a->arg[0], OP_ABORT);
}

int64_t trap_thread_terminate(const struct trap_args *a)
{
	return on_thread(a->arg[0], OP_TERMINATE);
}

int64_t trap_thread_get_state(const struct trap_args *a)
{
	struct mk_thread_state s;
	struct thread *t;
	mk_return_t ret = thread_from_name((mk_port_name_t)a->arg[0], &t);

	if (ret != MK_SUCCESS)
		return ret;
	thread_state_from_frame(&s, thread_user_frame(t), t->fs_base);
	thread_release(t);
	return copy_to_user(a->arg[1], &s, sizeof(s));
}

int64_t trap_thread_set_state(const struct trap_args *a)
{
	struct mk_thread_state s;
	struct thread *t;

	if (copy_from_user(&s, a->arg[1], sizeof(s)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	mk_return_t ret = thread_state_check(&s);
	if (ret != MK_SUCCESS)
		return ret;
	ret = thread_from_name((mk_port_name_t)a->arg[0], &t);
	if (ret != MK_SUCCESS)
		return ret;
	thread_state_apply(t, &s);
	thread_release(t);
	return MK_SUCCESS;
}
