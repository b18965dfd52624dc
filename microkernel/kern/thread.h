/*
 * thread.h: threads, the unit of scheduling. Each has its own kernel stack;
 * a user thread also has its user registers in a trap_frame at the top of
 * that stack (what get/set state reads and writes).
 */
#ifndef MK_KERN_THREAD_H
#define MK_KERN_THREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/fpu.h"
#include "arch/x86_64/trap_frame.h"
#include "lib/list.h"

struct ipc_port;
struct task;

enum thread_state {
	THREAD_RUNNABLE,                /* on a run queue */
	THREAD_RUNNING,
	THREAD_BLOCKED,                 /* on a wait queue */
	THREAD_STOPPED,                 /* ready but suspended */
	THREAD_DEAD,
};

enum wait_result {
	WAIT_AWAKENED,
	WAIT_TIMED_OUT,
	WAIT_INTERRUPTED,               /* thread_abort */
};

#define THREAD_PRIORITY_MAX     31
#define THREAD_PRIORITY_DEFAULT 16
#define KERNEL_STACK_SIZE       16384

struct waitq;

struct thread {
	/* Guarded by sched_lock: */
	enum thread_state state;
	int priority;
	unsigned suspend_count;
	int terminate_requested;
	struct list_node run_link;      /* run queue or wait queue */
	struct waitq *waiting_on;
	struct list_node timeout_link;  /* on the timeout list while it waits */
	uint64_t deadline;              /* tick of the time-out, if linked */
	enum wait_result wait_result;
	int quantum_left;

	/* Owned by the thread itself: */
	uint64_t saved_rsp;             /* while switched out */
	void *kernel_stack;
	struct task *task;              /* NULL for kernel threads */
	struct list_node task_link;     /* guarded by the task's lock */
	uint64_t fs_base;
	unsigned id;
	int fpu_used;                   /* has run an x87/SSE instruction (fpu.h) */
	struct fpu_state fpu;           /* user threads that used it: saved while switched out */
	struct ipc_port *self_port;     /* user threads: the thread port (thread_port.h) */
	uint64_t emulation_area;        /* atomic: user address or 0 (kern/emulation.h) */
	uint64_t cpu_cycles;            /* TSC cycles run before the current stint
					 * (kern/cpu_time.h); written at switches */

	/* Guarded by exception_ports_lock (exception_port.h): */
	struct ipc_port *exception_port;        /* a send right, or NULL */

	/* Atomic: one reference for the thread itself until it is reaped,
	 * one for each holder found through its port; the last frees it. */
	uint32_t refs;
};

typedef void (*thread_fn)(void *arg);

/* A kernel thread at the given priority, runnable at once; NULL when memory
 * is short. fn must end with thread_exit. */
struct thread *thread_create_kernel(thread_fn fn, void *arg, int priority);
_Noreturn void thread_exit(void);

/* Changes the argument a not yet started thread's function receives. */
void thread_set_start_argument(struct thread *t, void *arg);

/* The user registers of a user thread. */
struct trap_frame *thread_user_frame(struct thread *t);

/* Mach's suspend count: a thread runs only while it is 0 (or it must
 * terminate). suspend fails when the count would overflow, resume when it
 * is already 0. */
bool thread_suspend(struct thread *t);
bool thread_resume(struct thread *t);
/* Breaks t out of a blocking wait with WAIT_INTERRUPTED. */
void thread_abort(struct thread *t);
/* Asks t to end at its next return to user mode: breaks any wait, and a
 * suspended thread runs again to do so. */
void thread_terminate_request(struct thread *t);

void thread_reference(struct thread *t);
/* Drops a reference; the last one frees the (dead) thread. */
void thread_release(struct thread *t);
/* Drops the thread's own reference once it is dead and switched away
 * from (not the current one). */
void thread_reap(struct thread *t);

#endif
