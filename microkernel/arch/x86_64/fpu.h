/*
 * fpu.h: x87/SSE register state of user threads. The kernel itself never
 * uses it (-mgeneral-regs-only). A thread's state is saved and restored
 * at switches (fxsave/fxrstor) only once the thread has used the FPU: until
 * then it runs with CR0.TS set and its first x87/SSE instruction traps
 * (#NM, fpu_first_use). Native servers never use it, so messages between
 * them switch no FPU state at all.
 *
 * Invariant: a thread running with TS set never has another thread's
 * values in the registers (they are scrubbed first), so nothing leaks to
 * it, even speculatively (the LazyFP problem of lazy FPU switching).
 */
#ifndef MK_ARCH_FPU_H
#define MK_ARCH_FPU_H

#include <stdint.h>

#define FPU_STATE_SIZE 512

struct fpu_state {
	uint8_t bytes[FPU_STATE_SIZE];
} __attribute__((aligned(16)));

void fpu_init_cpu(void);
void fpu_state_init(struct fpu_state *s);       /* as after FNINIT, MXCSR default */

struct thread;

/* At a switch to a user thread, after prev's state has been saved. */
void fpu_switch_to(struct thread *next);
/* A #NM from user mode: the current thread uses the FPU from now on. */
void fpu_first_use(void);

static inline void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsaveq %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstorq %0" : : "m"(*s));
}

#endif
