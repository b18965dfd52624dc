/*
 * stack.h: inside the native runtime, how a thread starts on one of the
 * task's thread stacks (thread.c): take a stack prepared to run fn(arg),
 * create the thread at it, and give the stack back if the thread is not
 * going to run on it (a failed create, or a new task that runs on its own
 * copy).
 */
#ifndef MK_NATIVE_STACK_H
#define MK_NATIVE_STACK_H

#include <stdint.h>

#include "mk/types.h"

struct thread_stack;

struct native_thread_start {
	struct thread_stack *stack;
	uint64_t rip, rsp, arg;         /* for thread_create */
};

int64_t native_stack_take(void (*fn)(uint64_t), uint64_t arg, struct native_thread_start *start);
void native_stack_give_back(const struct native_thread_start *start);
/* A thread in task (MK_PORT_NULL: this one) at start; *thread, unless
 * NULL, names its port (flags as for mk_thread_create_port). */
int64_t native_thread_create(mk_port_name_t task, const struct native_thread_start *start,
			     uint32_t flags, mk_port_name_t *thread);

#endif
