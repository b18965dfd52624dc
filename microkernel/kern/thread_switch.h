/* thread_switch.h: the scheduler's private view of thread creation and
 * the machine-level switch. */
#ifndef MK_KERN_THREAD_SWITCH_H
#define MK_KERN_THREAD_SWITCH_H

#include "kern/thread.h"

/* Saves prev's context and resumes next's; returns when prev runs again. */
void thread_switch(struct thread *prev, struct thread *next);

/* The idle thread: created like a kernel thread but never queued. */
struct thread *thread_create_idle(thread_fn fn);

void sched_reap_zombies(void);

#endif
