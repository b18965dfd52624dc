/*
 * vm_remote.c: the traps that move memory between tasks, each naming its
 * target by a send right to its task port (MK_PORT_NULL: the caller):
 *   vm_read:  a copy-on-write copy (vm_map_copy.h) of the target's range,
 *             mapped into the caller at an address the kernel chooses;
 *   vm_write: the caller's bytes into the target's range;
 *   vm_copy:  one range of the target into another of the same target.
 * vm_write and vm_copy copy by value through a page-sized bounce frame,
 * overwriting regions that must already be mapped and writable (a
 * read-only one is MK_PROTECTION_FAILURE). Both ranges are checked before
 * the first byte moves, so a bad argument writes nothing. Size 0 does
 * nothing and succeeds (vm_read then returns address 0).
 *
 * Never holds two map locks at once: each check and each page copy takes
 * one map's lock and drops it.
 */
#include "arch/x86_64/layout.h"
#include "kern/pmm.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "mk/vm.h"
#include "vm/vm_map_copy.h"
#include "vm/vm_map_internal.h"

#define PAGE_MASK ((uint64_t)MK_PAGE_SIZE - 1)

/* [address, address + size) is in user space, mapped, and allows need. */
static mk_return_t check_range(struct vm_map *map, uint64_t address, uint64_t size, unsigned need)
{
	if (address < MK_USER_MIN || address > MK_USER_MAX || size > MK_USER_MAX - address)
		return MK_INVALID_ADDRESS;
	uint64_t end = (address + size + PAGE_MASK) & ~PAGE_MASK;
	mk_return_t r = vm_map_lock_checked(map, address & ~PAGE_MASK, end, need);
	spin_unlock(&map->lock);
	return r;
}

/* Copies size bytes from src in from to dst in to, page by page through
 * a bounce frame; backwards when the ranges overlap in one map with dst
 * above src, so the result is as if the source were read first. */
static mk_return_t transfer(struct vm_map *from, uint64_t src, struct vm_map *to, uint64_t dst,
			    uint64_t size)
{
	mk_return_t r = check_range(from, src, size, MK_VM_PROT_READ);

	if (r == MK_SUCCESS)
		r = check_range(to, dst, size, MK_VM_PROT_WRITE);
	if (r != MK_SUCCESS)
		return r;
	uint64_t phys = pmm_alloc();
	if (!phys)
		return MK_RESOURCE_SHORTAGE;
	void *bounce = (void *)(DIRECT_MAP_BASE + phys);
	int backwards = from == to && dst > src && dst - src < size;
	for (uint64_t done = 0; done < size && r == MK_SUCCESS;) {
		uint64_t n = size - done < MK_PAGE_SIZE ? size - done : MK_PAGE_SIZE;
		uint64_t at = backwards ? size - done - n : done;
		r = vm_map_read(from, src + at, bounce, n);
		if (r == MK_SUCCESS)
			r = vm_map_write(to, dst + at, bounce, n);
		done += n;
	}
	pmm_free(phys);
	return r;
}

int64_t trap_vm_read(const struct trap_args *a)
{
	uint64_t address = a->arg[1], size = a->arg[2], data = 0;
	struct vm_map_copy *copy = NULL;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = size ? vm_map_copyin(task->map, address, size, 0, &copy) : MK_SUCCESS;
	task_release(task);
	if (r == MK_SUCCESS && copy) {
		r = vm_map_copyout(current_task()->map, copy, &data);
		if (r != MK_SUCCESS)
			vm_map_copy_discard(copy);
	}
	if (r == MK_SUCCESS && copy_to_user(a->arg[3], &data, sizeof(data)) != MK_SUCCESS) {
		if (data)
			vm_map_deallocate(current_task()->map, data, size);
		r = MK_INVALID_ADDRESS;
	}
	return r;
}

int64_t trap_vm_write(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = a->arg[3] ? transfer(current_task()->map, a->arg[2], task->map,
					     a->arg[1], a->arg[3])
				  : MK_SUCCESS;
	task_release(task);
	return r;
}

int64_t trap_vm_copy(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	mk_return_t r = a->arg[2] ? transfer(task->map, a->arg[1], task->map, a->arg[3], a->arg[2])
				  : MK_SUCCESS;
	task_release(task);
	return r;
}
