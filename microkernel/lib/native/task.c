/*
 * task.c: starting a function in a new task, the native runtime's fork:
 * the child inherits a copy of the caller's memory (regions marked
 * MK_VM_INHERIT_COPY, the default) and runs fn(arg) on a stack of its own;
 * returning from fn ends that thread. And a sleep for native threads.
 */
#include "lib/native/native.h"

#define SPAWN_STACK_SIZE (64 * 1024)

static void spawned_thread_returns(void)
{
	for (;;)
		mk_thread_exit();
}

/* A new stack; *rsp is where fn starts: rsp + 8 is 16-byte aligned and
 * holds its return address. */
static int64_t new_stack(uint64_t *stack, uint64_t *rsp)
{
	int64_t r = mk_vm_allocate(MK_PORT_NULL, stack, SPAWN_STACK_SIZE, MK_VM_FLAGS_ANYWHERE);

	if (r != MK_SUCCESS)
		return r;
	*rsp = *stack + SPAWN_STACK_SIZE - 8;
	*(uint64_t *)*rsp = (uint64_t)spawned_thread_returns;
	return MK_SUCCESS;
}

int64_t native_task_spawn(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
			  mk_port_name_t *task)
{
	return native_task_spawn_thread(fn, arg, bootstrap, 0, task, NULL);
}

int64_t native_task_spawn_thread(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
				 uint32_t flags, mk_port_name_t *task, mk_port_name_t *thread)
{
	uint64_t stack = 0, rsp;
	int64_t r = new_stack(&stack, &rsp);

	if (r != MK_SUCCESS)
		return r;
	r = mk_task_create(1, bootstrap, task);
	if (r == MK_SUCCESS) {
		r = thread ? mk_thread_create_port(*task, (uint64_t)fn, rsp, arg, flags, thread)
			   : mk_thread_create(*task, (uint64_t)fn, rsp, arg);
		if (r != MK_SUCCESS)
			mk_port_deallocate(*task);      /* no senders: the task goes */
	}
	mk_vm_deallocate(MK_PORT_NULL, stack, SPAWN_STACK_SIZE);  /* the child has its copy */
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
