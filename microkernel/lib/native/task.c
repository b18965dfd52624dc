/*
 * task.c: starting a function in a new task, the native runtime's fork:
 * the child inherits a copy of the caller's memory (regions marked
 * MK_VM_INHERIT_COPY, the default) and runs fn(arg) on a stack of its own;
 * returning from fn ends that thread.
 */
#include "lib/native/native.h"

#define SPAWN_STACK_SIZE (64 * 1024)

static void spawned_thread_returns(void)
{
	for (;;)
		mk_thread_exit();
}

int64_t native_task_spawn(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
			  mk_port_name_t *task)
{
	uint64_t stack = 0;
	int64_t r = mk_vm_allocate(MK_PORT_NULL, &stack, SPAWN_STACK_SIZE, MK_VM_FLAGS_ANYWHERE);

	if (r != MK_SUCCESS)
		return r;
	/* At fn's entry rsp + 8 is 16-byte aligned and holds its return address. */
	uint64_t rsp = stack + SPAWN_STACK_SIZE - 8;
	*(uint64_t *)rsp = (uint64_t)spawned_thread_returns;
	r = mk_task_create(1, bootstrap, task);
	if (r == MK_SUCCESS) {
		r = mk_thread_create(*task, (uint64_t)fn, rsp, arg);
		if (r != MK_SUCCESS)
			mk_port_deallocate(*task);      /* no senders: the task goes */
	}
	mk_vm_deallocate(MK_PORT_NULL, stack, SPAWN_STACK_SIZE);  /* the child has its copy */
	return r;
}
