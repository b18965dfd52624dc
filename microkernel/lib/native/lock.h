/*
 * lock.h: a mutual-exclusion lock for the threads of a native task. The
 * holder is never preempted for long, so a waiter just gives the CPU away
 * (thread_yield) until the lock is free; no kernel object is involved.
 */
#ifndef MK_NATIVE_LOCK_H
#define MK_NATIVE_LOCK_H

#include <stdint.h>

#include "mk/traps.h"

struct native_lock {
	uint32_t held;
};

#define NATIVE_LOCK_INIT { 0 }

static inline void native_lock(struct native_lock *l)
{
	while (__atomic_exchange_n(&l->held, 1, __ATOMIC_ACQUIRE))
		mk_thread_yield();
}

static inline void native_unlock(struct native_lock *l)
{
	__atomic_store_n(&l->held, 0, __ATOMIC_RELEASE);
}

#endif
