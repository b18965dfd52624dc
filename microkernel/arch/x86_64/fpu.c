/* fpu.c: enables x87/SSE for user mode and gives threads a clean state. */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/fpu.h"
#include "lib/string.h"

#define CR0_MP          (1ull << 1)
#define CR0_EM          (1ull << 2)
#define CR0_TS          (1ull << 3)
#define CR4_OSFXSR      (1ull << 9)
#define CR4_OSXMMEXCPT  (1ull << 10)
#define FCW_DEFAULT     0x037f
#define MXCSR_DEFAULT   0x1f80
#define MXCSR_OFFSET    24

void fpu_init_cpu(void)
{
	uint64_t cr0 = (read_cr0() | CR0_MP) & ~(CR0_EM | CR0_TS);

	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	uint64_t cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
}

void fpu_state_init(struct fpu_state *s)
{
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(s, 0, sizeof(*s));
	memcpy(s->bytes, &fcw, sizeof(fcw));
	memcpy(s->bytes + MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));
}
