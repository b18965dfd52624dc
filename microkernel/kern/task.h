/*
 * task.h: a task is an address space plus a port name space, and the
 * threads running in it. (The IPC space joins when IPC lands.)
 */
#ifndef MK_KERN_TASK_H
#define MK_KERN_TASK_H

#include "arch/x86_64/pmap.h"
#include "kern/spinlock.h"
#include "lib/list.h"

struct thread;

struct task {
	struct pmap *pmap;
	char name[32];
	/* Guarded by lock: */
	struct spinlock lock;
	struct list_node threads;
	unsigned thread_count;
	int refs;
};

#endif
