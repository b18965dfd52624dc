/*
 * vm_traps.c: the virtual memory traps. Each names its target task by a
 * task port; MK_PORT_NULL is the caller itself (task ports arrive with IPC,
 * until then any other name is MK_INVALID_TASK).
 */
#include "kern/task.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "mk/vm.h"
#include "vm/vm_map.h"

static struct vm_map *target_map(uint64_t task_name)
{
	return task_name == MK_PORT_NULL ? current_task()->map : NULL;
}

int64_t trap_vm_allocate(const struct trap_args *a)
{
	struct vm_map *map = target_map(a->arg[0]);
	uint64_t address;

	if (!map)
		return MK_INVALID_TASK;
	if (a->arg[3] > MK_VM_FLAGS_ANYWHERE)
		return MK_INVALID_ARGUMENT;
	if (copy_from_user(&address, a->arg[1], sizeof(address)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	mk_return_t r = vm_map_allocate(map, &address, a->arg[2], a->arg[3] == MK_VM_FLAGS_ANYWHERE);
	if (r == MK_SUCCESS && copy_to_user(a->arg[1], &address, sizeof(address)) != MK_SUCCESS) {
		vm_map_deallocate(map, address, a->arg[2]);
		return MK_INVALID_ADDRESS;
	}
	return r;
}

int64_t trap_vm_deallocate(const struct trap_args *a)
{
	struct vm_map *map = target_map(a->arg[0]);

	return map ? vm_map_deallocate(map, a->arg[1], a->arg[2]) : MK_INVALID_TASK;
}

int64_t trap_vm_protect(const struct trap_args *a)
{
	struct vm_map *map = target_map(a->arg[0]);

	return map ? vm_map_protect(map, a->arg[1], a->arg[2], a->arg[3] != 0, a->arg[4])
		   : MK_INVALID_TASK;
}

int64_t trap_vm_inherit(const struct trap_args *a)
{
	struct vm_map *map = target_map(a->arg[0]);

	return map ? vm_map_inherit(map, a->arg[1], a->arg[2], a->arg[3]) : MK_INVALID_TASK;
}
