/*
 * exception_port.c: the task and thread exception ports (see
 * exception_port.h) and their traps, exception_port_set and
 * exception_port_get, whose target is a task port or a thread port.
 */
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/exception_port.h"
#include "kern/kobject.h"
#include "kern/task.h"
#include "kern/thread.h"
#include "kern/usercopy.h"
#include "mk/traps.h"

static struct spinlock exception_ports_lock = SPINLOCK_INIT;

static struct ipc_port *copy_slot(struct ipc_port **slot)
{
	spin_lock(&exception_ports_lock);
	struct ipc_port *port = *slot;
	if (port)
		ipc_port_copy_send(port);
	spin_unlock(&exception_ports_lock);
	return port;
}

/* Puts port (a send right, or NULL) in the slot; returns the old one. */
static struct ipc_port *swap_slot(struct ipc_port **slot, struct ipc_port *port)
{
	spin_lock(&exception_ports_lock);
	struct ipc_port *old = *slot;
	*slot = port;
	spin_unlock(&exception_ports_lock);
	return old;
}

static void release(struct ipc_port *port)
{
	if (port)
		ipc_port_release_send(port);
}

struct ipc_port *exception_port_copy_thread(struct thread *t)
{
	return copy_slot(&t->exception_port);
}

struct ipc_port *exception_port_copy_task(struct task *task)
{
	return copy_slot(&task->exception_port);
}

void exception_port_thread_gone(struct thread *t)
{
	release(swap_slot(&t->exception_port, NULL));
}

void exception_port_task_gone(struct task *task)
{
	release(swap_slot(&task->exception_port, NULL));
}

/* The slot of the task or thread `target` names (MK_PORT_NULL: the
 * caller's task); *ref holds a reference on its owner. */
static mk_return_t slot_of(mk_port_name_t target, struct kobject_ref *ref,
			   struct ipc_port ***slot)
{
	if (target == MK_PORT_NULL) {
		task_reference(current_task());
		*ref = (struct kobject_ref){ KOBJECT_TASK, current_task() };
	} else {
		mk_return_t ret = kobject_from_name(target, ref);
		if (ret != MK_SUCCESS)
			return ret == MK_INVALID_ARGUMENT ? MK_INVALID_TASK : ret;
	}
	if (ref->type == KOBJECT_TASK) {
		*slot = &((struct task *)ref->object)->exception_port;
	} else if (ref->type == KOBJECT_THREAD) {
		*slot = &((struct thread *)ref->object)->exception_port;
	} else {
		kobject_release(*ref);
		return MK_INVALID_TASK;
	}
	return MK_SUCCESS;
}

/* A send right made or copied from the caller's name (NULL for MK_PORT_NULL). */
static mk_return_t copyin_send(mk_port_name_t name, struct ipc_port **port)
{
	*port = NULL;
	if (name == MK_PORT_NULL)
		return MK_SUCCESS;
	return ipc_space_copyin_send(current_task()->space, name, port);
}

int64_t trap_exception_port_set(const struct trap_args *a)
{
	struct kobject_ref ref;
	struct ipc_port **slot, *port;
	mk_return_t ret = slot_of((mk_port_name_t)a->arg[0], &ref, &slot);

	if (ret != MK_SUCCESS)
		return ret;
	ret = copyin_send((mk_port_name_t)a->arg[1], &port);
	if (ret == MK_SUCCESS)
		release(swap_slot(slot, port));
	kobject_release(ref);
	return ret;
}

int64_t trap_exception_port_get(const struct trap_args *a)
{
	struct ipc_space *space = current_task()->space;
	struct kobject_ref ref;
	struct ipc_port **slot;
	mk_port_name_t name = MK_PORT_NULL;
	mk_return_t ret = slot_of((mk_port_name_t)a->arg[0], &ref, &slot);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_port *port = copy_slot(slot);
	kobject_release(ref);
	if (port) {
		ret = ipc_space_copyout(space, port, MK_MSG_TYPE_MOVE_SEND, &name);
		if (ret != MK_SUCCESS) {
			release(port);
			return ret;
		}
	}
	if (copy_to_user(a->arg[1], &name, sizeof(name)) != MK_SUCCESS) {
		if (name != MK_PORT_NULL)
			ipc_space_deallocate(space, name);
		return MK_INVALID_ADDRESS;
	}
	return MK_SUCCESS;
}
