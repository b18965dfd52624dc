/*
 * task.h: a task is an address map plus a port name space, and the
 * threads running in it. It lives while it has threads or references;
 * terminating it asks every thread to exit at its next return to user mode.
 */
#ifndef MK_KERN_TASK_H
#define MK_KERN_TASK_H

#include <stdbool.h>
#include <stdint.h>

#include "kern/spinlock.h"
#include "lib/list.h"
#include "vm/vm_map.h"

struct io_bitmap;
struct ipc_port;
struct ipc_space;
struct thread;

struct task {
	struct vm_map *map;             /* owned */
	struct ipc_space *space;        /* owned; destroyed when the task terminates */
	struct ipc_port *self_port;     /* receive right held by the kernel (task_port.h) */
	struct ipc_port *bootstrap;     /* a send right, or NULL */
	struct ipc_port *exception_port; /* a send right, or NULL; exception_port.h */
	int held_by_senders;            /* atomic: the creation reference is still held */
	char name[32];
	struct io_bitmap *io_bitmap;    /* I/O ports granted, or NULL (kern/io_port.c);
					 * set under lock, then only more permissive */
	uint64_t emulation_entry;       /* atomic: the emulator's entry, or 0
					 * (kern/emulation.h); copied by task_create */
	uint64_t emulation_base;        /* atomic, both: the emulator's code, whose */
	uint64_t emulation_size;        /* syscalls are native traps; copied too */
	/* Guarded by lock: */
	struct spinlock lock;
	struct list_node threads;
	unsigned thread_count;
	uint64_t dead_thread_cycles;    /* CPU time of threads that have ended */
	int refs;
	int terminating;
};

/* A new task: an empty map, or one inherited from parent region by region. */
struct task *task_create(struct task *parent, const char *name);
void task_reference(struct task *t);
void task_release(struct task *t);
void task_terminate(struct task *t);
size_t task_count(void);                /* live tasks, for leak tests */

/* A user thread in task starting at rip with stack rsp and rdi = arg.
 * The result is not referenced: valid only until the caller blocks. */
struct thread *task_thread_create(struct task *task, uint64_t rip, uint64_t rsp,
				  uint64_t arg, int priority);
/* The same, referenced for the caller (thread_release), and with
 * `suspended` created with suspend count 1. */
struct thread *task_thread_create_referenced(struct task *task, uint64_t rip, uint64_t rsp,
					     uint64_t arg, int priority, bool suspended);

/* The current thread's task (NULL for kernel threads). */
struct task *current_task(void);

/* Ends the current user thread because of an exception nobody handles. */
_Noreturn void task_fatal_exception(const char *why);

/* What every return to user mode checks: preemption and termination. */
void thread_return_to_user_checks(void);

#endif
