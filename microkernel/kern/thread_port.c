/*
 * thread_port.c: thread ports (see thread_port.h) and the traps that hand
 * them out: thread_self and thread_create_port.
 */
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/kobject.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/thread.h"
#include "kern/thread_port.h"
#include "kern/usercopy.h"
#include "mk/thread.h"
#include "mk/traps.h"

/* The thread keeps a reference on its port besides the receive right, so
 * t->self_port stays valid (dead once the thread ended) for as long as
 * the struct does; thread_release drops it. */
bool thread_port_init(struct thread *t)
{
	t->self_port = kobject_port_create(t, KOBJECT_THREAD);
	if (!t->self_port)
		return false;
	ipc_port_reference(t->self_port);
	return true;
}

void thread_port_destroy(struct thread *t)
{
	kobject_port_destroy(t->self_port);
}

mk_return_t thread_from_name(mk_port_name_t name, struct thread **out)
{
	struct kobject_ref ref;

	if (name == MK_PORT_NULL) {
		*out = current_thread();
		thread_reference(*out);
		return MK_SUCCESS;
	}
	mk_return_t ret = kobject_from_name(name, &ref);
	if (ret == MK_INVALID_ARGUMENT)
		return MK_INVALID_THREAD;
	if (ret != MK_SUCCESS)
		return ret;
	if (ref.type != KOBJECT_THREAD) {
		kobject_release(ref);
		return MK_INVALID_THREAD;
	}
	*out = ref.object;
	return MK_SUCCESS;
}

mk_return_t thread_port_copyout(struct thread *t, uint64_t name)
{
	struct ipc_space *space = current_task()->space;
	mk_port_name_t n;

	/* Once the thread has ended its port is dead: the right comes out
	 * as a dead name. */
	struct ipc_port *port = t->self_port;
	ipc_port_make_send(port);
	mk_return_t ret = ipc_space_copyout(space, port, MK_MSG_TYPE_MOVE_SEND, &n);
	if (ret != MK_SUCCESS) {
		ipc_port_release_send(port);
		return ret;
	}
	if (copy_to_user(name, &n, sizeof(n)) != MK_SUCCESS) {
		ipc_space_deallocate(space, n);
		return MK_INVALID_ADDRESS;
	}
	return MK_SUCCESS;
}

int64_t trap_thread_self(const struct trap_args *a)
{
	return thread_port_copyout(current_thread(), a->arg[0]);
}

int64_t trap_thread_create_port(const struct trap_args *a)
{
	uint64_t rip = a->arg[1], rsp = a->arg[2], flags = a->arg[4];

	if (flags & ~(uint64_t)MK_THREAD_CREATE_SUSPENDED)
		return MK_INVALID_ARGUMENT;
	if (!user_range_is_valid(rip, 1) || !user_range_is_valid(rsp, 1) ||
	    !user_range_is_valid(a->arg[5], sizeof(mk_port_name_t)))
		return MK_INVALID_ADDRESS;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	if (!task)
		return MK_INVALID_TASK;
	struct thread *t = task_thread_create_referenced(task, rip, rsp, a->arg[3],
							 THREAD_PRIORITY_DEFAULT,
							 flags & MK_THREAD_CREATE_SUSPENDED);
	task_release(task);
	if (!t)
		return MK_RESOURCE_SHORTAGE;
	mk_return_t ret = thread_port_copyout(t, a->arg[5]);
	if (ret != MK_SUCCESS)
		thread_terminate_request(t);    /* nobody could name it: undo */
	thread_release(t);
	return ret;
}
