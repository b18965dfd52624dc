/*
 * kobject.c: the ports of kernel objects (see kobject.h): creating and
 * killing them, finding the object a name denotes, and passing their
 * no-senders notifications to the object's owner.
 */
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/kobject.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/thread.h"

struct ipc_port *kobject_port_create(void *object, enum kobject_type type)
{
	struct ipc_port *port = ipc_port_create();

	if (port) {
		port->kobject = object;
		port->kobject_type = type;
	}
	return port;
}

void kobject_port_destroy(struct ipc_port *port)
{
	spin_lock(&port->lock);
	port->kobject = NULL;
	spin_unlock(&port->lock);
	ipc_port_destroy(port);
}

/* Port lock held: a reference on the port's object. */
static void reference_locked(struct ipc_port *port)
{
	switch (port->kobject_type) {
	case KOBJECT_TASK:
		task_reference(port->kobject);
		break;
	case KOBJECT_THREAD:
		thread_reference(port->kobject);
		break;
	default:
		break;
	}
}

mk_return_t kobject_from_name(mk_port_name_t name, struct kobject_ref *out)
{
	struct ipc_port *port;
	mk_return_t ret = ipc_space_lookup_port(current_task()->space, name, MK_RIGHT_SEND, &port);

	if (ret != MK_SUCCESS)
		return ret;
	spin_lock(&port->lock);
	*out = (struct kobject_ref){ port->kobject_type, port->kobject };
	if (out->object)
		reference_locked(port);
	spin_unlock(&port->lock);
	ipc_port_release(port);
	return out->object ? MK_SUCCESS : MK_INVALID_ARGUMENT;
}

void kobject_release(struct kobject_ref ref)
{
	if (ref.type == KOBJECT_TASK)
		task_release(ref.object);
	else if (ref.type == KOBJECT_THREAD)
		thread_release(ref.object);
}

void kobject_no_senders(struct ipc_port *port)
{
	/* A thread lives until it ends, whoever names it: nothing to do. */
	if (port->kobject_type == KOBJECT_TASK)
		task_port_no_senders(port);
}
