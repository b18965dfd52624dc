/*
 * task_port.c: task ports (see task_port.h) and the traps that take them:
 * task_create, task_create_from, task_terminate, task_bootstrap_port,
 * thread_create.
 *
 * Lock order: port->lock before task->lock (task_from_name takes the
 * task's reference under the port's lock, so a task being freed, which
 * clears kobject under that lock first, is never returned).
 */
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/kobject.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/usercopy.h"
#include "mk/traps.h"

bool task_port_init(struct task *task)
{
	task->self_port = kobject_port_create(task, KOBJECT_TASK);
	return task->self_port != NULL;
}

void task_port_destroy(struct task *task)
{
	kobject_port_destroy(task->self_port);  /* send rights read as dead names */
	if (task->bootstrap)
		ipc_port_release_send(task->bootstrap);
}

struct task *task_from_name(mk_port_name_t name)
{
	struct kobject_ref ref;

	if (name == MK_PORT_NULL) {
		task_reference(current_task());
		return current_task();
	}
	if (kobject_from_name(name, &ref) != MK_SUCCESS)
		return NULL;
	if (ref.type != KOBJECT_TASK) {
		kobject_release(ref);
		return NULL;
	}
	return ref.object;
}

void task_port_no_senders(struct ipc_port *port)
{
	spin_lock(&port->lock);
	struct task *task = port->kobject;
	if (task)
		task_reference(task);
	spin_unlock(&port->lock);
	if (!task)
		return;
	if (__atomic_exchange_n(&task->held_by_senders, 0, __ATOMIC_ACQ_REL))
		task_release(task);     /* the creation reference: threads keep it alive */
	task_release(task);
}

/* A send right to task's port, named in the caller's space. */
static mk_return_t copyout_task_port(struct task *task, mk_port_name_t *name)
{
	ipc_port_make_send(task->self_port);
	mk_return_t ret = ipc_space_copyout(current_task()->space, task->self_port,
					    MK_MSG_TYPE_MOVE_SEND, name);
	if (ret != MK_SUCCESS)
		ipc_port_release_send(task->self_port);
	return ret;
}

/* A new task inheriting parent's map (or empty for NULL), its bootstrap
 * a send right copied in from bootstrap_name, a send right to its port
 * named at the user address out. */
static int64_t create_task(struct task *parent, mk_port_name_t bootstrap_name, uint64_t out)
{
	struct task *self = current_task();
	struct ipc_port *bootstrap = NULL;
	mk_port_name_t name;

	if (bootstrap_name != MK_PORT_NULL) {
		mk_return_t ret = ipc_space_copyin_send(self->space, bootstrap_name, &bootstrap);
		if (ret != MK_SUCCESS)
			return ret;
	}
	struct task *child = task_create(parent, parent ? parent->name : self->name);
	if (!child) {
		if (bootstrap)
			ipc_port_release_send(bootstrap);
		return MK_RESOURCE_SHORTAGE;
	}
	child->bootstrap = bootstrap;
	child->held_by_senders = 1;     /* the creation reference, until no-senders */
	mk_return_t ret = copyout_task_port(child, &name);
	if (ret == MK_SUCCESS && copy_to_user(out, &name, sizeof(name)) != MK_SUCCESS) {
		ipc_space_deallocate(self->space, name);        /* no-senders frees it */
		return MK_INVALID_ADDRESS;
	}
	if (ret != MK_SUCCESS) {
		child->held_by_senders = 0;
		task_terminate(child);
		task_release(child);
	}
	return ret;
}

int64_t trap_task_create(const struct trap_args *a)
{
	uint64_t inherit = a->arg[0];

	if (inherit > 1)
		return MK_INVALID_VALUE;
	return create_task(inherit ? current_task() : NULL, (mk_port_name_t)a->arg[1],
			   a->arg[2]);
}

int64_t trap_task_create_from(const struct trap_args *a)
{
	struct task *parent = task_from_name((mk_port_name_t)a->arg[0]);

	if (!parent)
		return MK_INVALID_TASK;
	if (__atomic_load_n(&parent->terminating, __ATOMIC_RELAXED)) {
		task_release(parent);
		return MK_INVALID_TASK;
	}
	int64_t ret = create_task(parent, (mk_port_name_t)a->arg[1], a->arg[2]);
	task_release(parent);
	return ret;
}

int64_t trap_task_terminate(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	task_terminate(task);
	task_release(task);
	return MK_SUCCESS;
}

int64_t trap_task_bootstrap_port(const struct trap_args *a)
{
	struct task *self = current_task();
	mk_port_name_t name = MK_PORT_NULL;
	mk_return_t ret = MK_SUCCESS;

	if (self->bootstrap) {
		ipc_port_copy_send(self->bootstrap);
		ret = ipc_space_copyout(self->space, self->bootstrap, MK_MSG_TYPE_MOVE_SEND, &name);
		if (ret != MK_SUCCESS) {
			ipc_port_release_send(self->bootstrap);
			return ret;
		}
	}
	if (copy_to_user(a->arg[0], &name, sizeof(name)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;      /* the right stays under its name */
	return ret;
}

int64_t trap_thread_create(const struct trap_args *a)
{
	uint64_t rip = a->arg[1], rsp = a->arg[2];

	if (!user_range_is_valid(rip, 1) || !user_range_is_valid(rsp, 1))
		return MK_INVALID_ADDRESS;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	if (!task)
		return MK_INVALID_TASK;
	struct thread *t = task_thread_create(task, rip, rsp, a->arg[3], THREAD_PRIORITY_DEFAULT);
	task_release(task);
	return t ? MK_SUCCESS : MK_RESOURCE_SHORTAGE;
}
