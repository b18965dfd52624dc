/*
 * tsc.h: the time-stamp counter, read by the kernel (CPU time), the UNIX
 * server (clock calibration, entropy) and the emulator (the clocks): the
 * one copy of the wrapper.
 */
#ifndef MK_LIB_TSC_H
#define MK_LIB_TSC_H

#include <stdint.h>

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#endif
