/*
 * task.c: starting a function in a new task, the native runtime's fork:
 * the child inherits a copy of the caller's memory (regions marked
 * MK_VM_INHERIT_COPY, the default) and runs fn(arg) on its copy of one of
 * the caller's thread stacks (stack.h), which the caller then keeps for
 * its next thread; returning from fn ends that thread. And a sleep for
 * native threads.
 */
#include "lib/native/native.h"
#include "lib/native/stack.h"

int64_t native_task_spawn(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
			  mk_port_name_t *task)
{
	return native_task_spawn_thread(fn, arg, bootstrap, 0, task, NULL);
}

int64_t native_task_spawn_thread(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
				 uint32_t flags, mk_port_name_t *task, mk_port_name_t *thread)
{
	struct native_thread_start start;
	int64_t r = native_stack_take(fn, arg, &start);

	if (r != MK_SUCCESS)
		return r;
	r = mk_task_create(1, bootstrap, task);         /* copies the prepared stack */
	if (r == MK_SUCCESS) {
		r = native_thread_create(*task, &start, flags, thread);
		if (r != MK_SUCCESS)
			mk_port_deallocate(*task);      /* no senders: the task goes */
	}
	native_stack_give_back(&start);         /* the child runs on its copy */
	return r;
}

int64_t native_sleep_ms(uint64_t ms)
{
	mk_port_name_t port = MK_PORT_NULL;
	struct mk_msg_header none;
	int64_t r = mk_port_allocate(MK_RIGHT_RECEIVE, &port);

	if (r != MK_SUCCESS)
		return r;
	r = mk_msg(&none, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0, sizeof(none), port, ms);
	mk_port_destroy(port);
	return r == MK_TIMED_OUT ? MK_SUCCESS : r;
}
