/*
 * thread_port.h: a user thread as a port. Each user thread has a
 * kernel-held port (kobject.h) from its creation to its exit; a send right
 * to it names the thread in the thread traps (thread_control.c) and in
 * exception messages. The port dies when the thread ends, so rights to it
 * read as dead names. No-senders changes nothing: a thread lives until it
 * ends, whoever names it.
 */
#ifndef MK_KERN_THREAD_PORT_H
#define MK_KERN_THREAD_PORT_H

#include <stdbool.h>

#include "mk/types.h"

struct thread;

/* Creates t->self_port; false when memory is short. */
bool thread_port_init(struct thread *t);
/* The thread is ending (or was never started): its port dies. */
void thread_port_destroy(struct thread *t);

/* The thread a send right of the caller's space names (MK_PORT_NULL: the
 * calling thread), referenced. Errors: MK_INVALID_NAME, MK_INVALID_RIGHT,
 * MK_DEAD_NAME (the thread ended), MK_INVALID_THREAD (not a thread). */
mk_return_t thread_from_name(mk_port_name_t name, struct thread **out);

/* A send right to t's port, named in the caller's space and written to
 * the user address `name`. */
mk_return_t thread_port_copyout(struct thread *t, uint64_t name);

#endif
