/*
 * task_port.h: a task as a port. Each task has a kernel-held receive
 * right, its self port; a send right to it names the task in traps (the
 * vm_* traps, task_terminate, thread_create). The port holds no reference
 * on the task: the task clears port->kobject before it is freed.
 *
 * A task made by the task_create trap lives while anyone holds a send
 * right to its port or it has threads: the kernel drops the creation
 * reference on the port's no-senders notification.
 */
#ifndef MK_KERN_TASK_PORT_H
#define MK_KERN_TASK_PORT_H

#include <stdbool.h>

#include "mk/types.h"

struct ipc_port;
struct task;

/* Creates task->self_port; false when memory is short. */
bool task_port_init(struct task *task);
/* Task teardown: the port forgets the task and dies. */
void task_port_destroy(struct task *task);

/* The task a name of the caller's space denotes (MK_PORT_NULL: the
 * caller), referenced, or NULL. */
struct task *task_from_name(mk_port_name_t name);

/* The no-senders notification of a kernel object's port (notify.c). */
void task_port_no_senders(struct ipc_port *port);

#endif
