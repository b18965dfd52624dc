/*
 * kobject.h: ports that stand for kernel objects (tasks, threads, pager
 * controls, the host, the console). The kernel holds such a port's
 * receive right; a send right to it names the object in traps, which is
 * the only authority over it.
 *
 * The port holds no reference on its object: the object clears
 * port->kobject under the port's lock before it goes, and lookups take
 * their reference under that lock, so a lookup never returns an object
 * being freed. Lock order: port->lock before the object's own lock.
 */
#ifndef MK_KERN_KOBJECT_H
#define MK_KERN_KOBJECT_H

#include "mk/types.h"

struct ipc_port;

enum kobject_type {
	KOBJECT_NONE,
	KOBJECT_TASK,                   /* struct task (kern/task_port.h) */
	KOBJECT_THREAD,                 /* struct thread */
	KOBJECT_PAGER_CONTROL,          /* struct vm_object (vm/vm_pager.h) */
	KOBJECT_HOST,                   /* no object: the port itself (kern/host.h) */
	KOBJECT_CONSOLE,                /* no object: served by a kernel thread */
};

/* An object found by name, holding one reference on it. */
struct kobject_ref {
	enum kobject_type type;
	void *object;
};

/* A new port standing for object; NULL when memory is short. */
struct ipc_port *kobject_port_create(void *object, enum kobject_type type);
/* The object is going: its port forgets it and dies (send rights to it
 * read as dead names). Consumes the kernel's receive right. */
void kobject_port_destroy(struct ipc_port *port);

/* The object a send right of the calling task's space names, referenced.
 * Errors: the name's (MK_INVALID_NAME, MK_INVALID_RIGHT, MK_DEAD_NAME), or
 * MK_INVALID_ARGUMENT when the port stands for no live kernel object. */
mk_return_t kobject_from_name(mk_port_name_t name, struct kobject_ref *out);
void kobject_release(struct kobject_ref ref);

/* The no-senders notification of a kernel object's port (notify.c). */
void kobject_no_senders(struct ipc_port *port);

#endif
