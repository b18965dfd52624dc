/*
 * vm_pager_traps.c: the pager traps of mk/traps.h (60-63): mapping a
 * pager's object into a task, and the pager's answers naming the object
 * by its control port. Every argument is checked here before anything
 * changes.
 */
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/kobject.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/usercopy.h"
#include "mk/pager.h"
#include "mk/traps.h"
#include "vm/vm_pager.h"

#define PAGE_MASK ((uint64_t)MK_PAGE_SIZE - 1)
#define MAP_FLAGS_ALL (MK_VM_FLAGS_ANYWHERE | MK_VM_MAP_PROT(MK_VM_PROT_ALL))

/* A send right to the pager port named (made from a receive right, copied
 * from a send right); kernel objects' ports cannot be pagers. */
static mk_return_t copyin_pager(mk_port_name_t name, struct ipc_port **port)
{
	mk_return_t r = ipc_space_copyin_send(current_task()->space, name, port);

	if (r != MK_SUCCESS)
		return r;
	spin_lock(&(*port)->lock);
	bool kernel = (*port)->kobject_type != KOBJECT_NONE;
	spin_unlock(&(*port)->lock);
	if (kernel) {
		ipc_port_release_send(*port);
		return MK_INVALID_RIGHT;
	}
	return MK_SUCCESS;
}

/* Enters o (whose reference it takes over) in task's map. */
static mk_return_t map_object(struct task *task, uint64_t user_address, uint64_t size,
			      struct vm_object *o, uint64_t offset, uint64_t flags)
{
	uint64_t address;
	mk_return_t r = copy_from_user(&address, user_address, sizeof(address));

	if (r == MK_SUCCESS)
		r = vm_map_enter_object(task->map, &address, size, flags & MK_VM_FLAGS_ANYWHERE, o,
					offset, flags >> MK_VM_MAP_PROT_SHIFT, MK_VM_PROT_ALL);
	if (r != MK_SUCCESS) {
		vm_object_release(o);
		return r;
	}
	if (copy_to_user(user_address, &address, sizeof(address)) != MK_SUCCESS) {
		vm_map_deallocate(task->map, address, size);
		return MK_INVALID_ADDRESS;
	}
	return MK_SUCCESS;
}

int64_t trap_vm_map_pager(const struct trap_args *a)
{
	uint64_t size = a->arg[2], offset = a->arg[4], flags = a->arg[5];

	if (flags & ~(uint64_t)MAP_FLAGS_ALL || size == 0 || size > MK_PAGER_OBJECT_MAX ||
	    offset & PAGE_MASK || offset > MK_PAGER_OBJECT_MAX - ((size + PAGE_MASK) & ~PAGE_MASK))
		return MK_INVALID_ARGUMENT;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	if (!task)
		return MK_INVALID_TASK;
	struct ipc_port *port;
	struct vm_object *o;
	mk_return_t r = copyin_pager((mk_port_name_t)a->arg[3], &port);
	if (r == MK_SUCCESS)
		r = vm_pager_object_for(port, offset + ((size + PAGE_MASK) & ~PAGE_MASK), &o);
	if (r == MK_SUCCESS)
		r = map_object(task, a->arg[1], size, o, offset, flags);
	task_release(task);
	return r;
}

/* The object named by a send right to its control port, referenced. */
static mk_return_t control_object(mk_port_name_t name, struct vm_object **o)
{
	struct ipc_port *port;
	mk_return_t r = ipc_space_lookup_port(current_task()->space, name, MK_RIGHT_SEND, &port);

	if (r != MK_SUCCESS)
		return r;
	r = vm_pager_object_of_control(port, o);
	ipc_port_release(port);
	return r;
}

static mk_return_t answer(const struct trap_args *a, uint64_t size, uint64_t data, bool zero)
{
	struct vm_object *o;
	mk_return_t r = control_object((mk_port_name_t)a->arg[0], &o);

	if (r != MK_SUCCESS)
		return r;
	r = vm_pager_check_range(o, a->arg[1], size, MK_PAGER_DATA_MAX);
	if (r == MK_SUCCESS)
		r = vm_pager_data(o, a->arg[1], size, data, zero);
	vm_object_release(o);
	return r;
}

int64_t trap_pager_data_supply(const struct trap_args *a)
{
	return answer(a, a->arg[3], a->arg[2], false);
}

int64_t trap_pager_data_unavailable(const struct trap_args *a)
{
	return answer(a, a->arg[2], 0, true);
}

int64_t trap_pager_data_error(const struct trap_args *a)
{
	int32_t error = (int32_t)a->arg[3];
	struct vm_object *o;

	if (error <= 0)                 /* a failure, never success or an internal code */
		return MK_INVALID_ARGUMENT;
	mk_return_t r = control_object((mk_port_name_t)a->arg[0], &o);
	if (r != MK_SUCCESS)
		return r;
	r = vm_pager_check_range(o, a->arg[1], a->arg[2], MK_PAGER_OBJECT_MAX);
	if (r == MK_SUCCESS)
		vm_pager_data_error(o, a->arg[1], a->arg[2], error);
	vm_object_release(o);
	return r;
}
