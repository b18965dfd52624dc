/*
 * fpu.h: x87/SSE register state of user threads. The kernel itself never
 * uses it (-mgeneral-regs-only), so only switches between user threads
 * save and restore it (eagerly, with fxsave/fxrstor).
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

static inline void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsaveq %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstorq %0" : : "m"(*s));
}

#endif
