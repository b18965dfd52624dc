/*
 * fpu.h: the app's FPU/SSE state, saved and restored by the emulator
 * (which itself never touches it: -mgeneral-regs-only) with fxsave and
 * fxrstor: x87, MXCSR and the XMM registers, not the upper halves of the
 * AVX ones. Used by fork (the child gets the parent's state) and by
 * signal handlers (their frame holds it).
 */
#ifndef EMULATOR_FPU_H
#define EMULATOR_FPU_H

#include <stdint.h>

#define EMU_FXSAVE_SIZE 512     /* 16-byte aligned */

static inline void emu_fpu_save(uint8_t area[EMU_FXSAVE_SIZE])
{
	__asm__ volatile("fxsave64 %0" : "=m"(*(uint8_t(*)[EMU_FXSAVE_SIZE])area));
}

static inline void emu_fpu_restore(const uint8_t area[EMU_FXSAVE_SIZE])
{
	__asm__ volatile("fxrstor64 %0" : : "m"(*(const uint8_t(*)[EMU_FXSAVE_SIZE])area));
}

#endif
