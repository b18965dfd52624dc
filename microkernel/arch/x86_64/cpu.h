/*
 * cpu.h: thin inline wrappers for x86-64 instructions the kernel needs
 * (port I/O, control registers, MSRs, interrupt flag, TSC). No policy.
 */
#ifndef MK_ARCH_CPU_H
#define MK_ARCH_CPU_H

#include <stdint.h>

#include "lib/port_io.h"
#include "lib/tsc.h"

#define DEFINE_READ_CR(n)                                             \
	static inline uint64_t read_cr##n(void)                       \
	{                                                             \
		uint64_t v;                                           \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));     \
		return v;                                             \
	}
DEFINE_READ_CR(0)
DEFINE_READ_CR(2)
DEFINE_READ_CR(3)
DEFINE_READ_CR(4)
#undef DEFINE_READ_CR

static inline void write_cr3(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v),
			 "d"((uint32_t)(v >> 32)));
}

static inline void cpu_disable_interrupts(void)
{
	__asm__ volatile("cli" ::: "memory");
}

static inline void cpu_halt(void)
{
	__asm__ volatile("hlt" ::: "memory");
}

static inline _Noreturn void cpu_halt_forever(void)
{
	for (;;) {
		cpu_disable_interrupts();
		cpu_halt();
	}
}

#endif
