/*
 * exception_port.h: the exception ports of tasks and threads, where the
 * kernel sends their exception messages (exception.c): a send right or
 * NULL in task->exception_port and thread->exception_port, set and read
 * with the exception_port_set/get traps.
 *
 * Both fields are guarded by one lock, exception_ports_lock, taken before
 * a port's lock (to copy the send right) and never while holding any IPC
 * or task lock. Rights are released after it is dropped (a last send
 * right notifies).
 */
#ifndef MK_KERN_EXCEPTION_PORT_H
#define MK_KERN_EXCEPTION_PORT_H

struct ipc_port;
struct task;
struct thread;

/* A new send right to the exception port of t / task, or NULL if none. */
struct ipc_port *exception_port_copy_thread(struct thread *t);
struct ipc_port *exception_port_copy_task(struct task *task);

/* Teardown: the object drops its exception port. */
void exception_port_thread_gone(struct thread *t);
void exception_port_task_gone(struct task *task);

#endif
