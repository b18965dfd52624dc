/*
 * vm_traps.c: the virtual memory traps. Each names its target task by a
 * send right to its task port; MK_PORT_NULL is the caller itself.
 */
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "mk/vm.h"
#include "vm/vm_map.h"

int64_t trap_vm_allocate(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	uint64_t address;
	mk_return_t r;

	if (!task)
		return MK_INVALID_TASK;
	if (a->arg[3] > MK_VM_FLAGS_ANYWHERE)
		r = MK_INVALID_ARGUMENT;
	else
		r = copy_from_user(&address, a->arg[1], sizeof(address));
	if (r == MK_SUCCESS)
		r = vm_map_allocate(task->map, &address, a->arg[2],
				    a->arg[3] == MK_VM_FLAGS_ANYWHERE);
	if (r == MK_SUCCESS && copy_to_user(a->arg[1], &address, sizeof(address)) != MK_SUCCESS) {
		vm_map_deallocate(task->map, address, a->arg[2]);
		r = MK_INVALID_ADDRESS;
	}
	task_release(task);
	return r;
}

int64_t trap_vm_deallocate(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = vm_map_deallocate(task->map, a->arg[1], a->arg[2]);
	task_release(task);
	return r;
}

int64_t trap_vm_protect(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = vm_map_protect(task->map, a->arg[1], a->arg[2], a->arg[3] != 0, a->arg[4]);
	task_release(task);
	return r;
}

int64_t trap_vm_inherit(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = vm_map_inherit(task->map, a->arg[1], a->arg[2], a->arg[3]);
	task_release(task);
	return r;
}
