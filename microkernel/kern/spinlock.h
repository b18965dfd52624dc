/*
 * spinlock.h: a ticket spinlock. Kernel locks are held for short, bounded
 * sections and never across a block; the holder disables interrupts when
 * the lock is also taken from interrupt context (spin_lock_irqsave).
 * Builds on the host too (host unit tests use the same code).
 */
#ifndef MK_KERN_SPINLOCK_H
#define MK_KERN_SPINLOCK_H

#include <stdint.h>

struct spinlock {
	uint32_t next;
	uint32_t serving;
};

#define SPINLOCK_INIT { 0, 0 }

static inline void spin_init(struct spinlock *l)
{
	l->next = l->serving = 0;
}

/* Always inlined: out-of-line copies would sit outside the hot path's
 * pages (kern/hot_path.h). */
static inline __attribute__((always_inline)) void spin_lock(struct spinlock *l)
{
	uint32_t ticket = __atomic_fetch_add(&l->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&l->serving, __ATOMIC_ACQUIRE) != ticket)
		__builtin_ia32_pause();
}

static inline __attribute__((always_inline)) void spin_unlock(struct spinlock *l)
{
	__atomic_store_n(&l->serving, l->serving + 1, __ATOMIC_RELEASE);
}

static inline int spin_is_locked(struct spinlock *l)
{
	return __atomic_load_n(&l->serving, __ATOMIC_RELAXED) !=
	       __atomic_load_n(&l->next, __ATOMIC_RELAXED);
}

static inline uint64_t spin_lock_irqsave(struct spinlock *l)
{
	uint64_t flags;

	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	spin_lock(l);
	return flags;
}

static inline void spin_unlock_irqrestore(struct spinlock *l, uint64_t flags)
{
	spin_unlock(l);
	if (flags & (1 << 9))
		__asm__ volatile("sti" ::: "memory");
}

#endif
