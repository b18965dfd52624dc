/*
 * sched.h: the scheduler and wait queues.
 *
 * Priority round robin: the highest-priority runnable thread runs for a
 * quantum of SCHED_QUANTUM_TICKS, then goes to the back of its queue.
 * The kernel is not preemptible: interrupts are off in kernel mode except
 * in the idle loop, so a thread is preempted only on its way back to user
 * mode (sched_preempt_point). sched_lock guards every thread's scheduling
 * fields, the run queues and all wait queues; it is the innermost lock.
 */
#ifndef MK_KERN_SCHED_H
#define MK_KERN_SCHED_H

#include <stdint.h>

#include "kern/spinlock.h"
#include "kern/thread.h"

#define HZ                  100
#define SCHED_QUANTUM_TICKS 5

extern struct spinlock sched_lock;

struct waitq {
	struct list_node threads;       /* guarded by sched_lock */
};

void waitq_init(struct waitq *wq);

/* Sleeps on wq. The caller holds `lock` (guarding the condition it checked);
 * it is released once the thread is on the queue, so no wake-up is lost,
 * and is not retaken. timeout_ticks 0 means no time-out. */
enum wait_result waitq_sleep(struct waitq *wq, struct spinlock *lock, uint64_t timeout_ticks);
/* The same, running `next` (a thread just woken) at once if no runnable
 * thread outranks it: the caller hands it the CPU without a scheduler
 * pass. `next` may be NULL. */
enum wait_result waitq_sleep_handoff(struct waitq *wq, struct spinlock *lock,
				     uint64_t timeout_ticks, struct thread *next);
/* Wakes the first sleeper; returns it, or NULL if none slept. */
struct thread *waitq_wake_one(struct waitq *wq);
void waitq_wake_all(struct waitq *wq);

void sched_init(void);          /* makes the boot context the first thread */
void sched_make_runnable(struct thread *t);     /* sched_lock held */
void sched_yield(void);
_Noreturn void sched_exit_current(void);
void sched_clock_tick(void);    /* from the timer interrupt */
void sched_preempt_point(void); /* on the way back to user mode */
uint64_t sched_ticks(void);

/* Sleeps for a number of ticks (kernel threads, tests). */
void sched_sleep_ticks(uint64_t ticks);

#endif
