/*
 * fpu.c: enables x87/SSE for user mode, gives threads a clean state, and
 * switches it only for threads that have used it (see fpu.h).
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/fpu.h"
#include "kern/percpu.h"
#include "kern/thread.h"
#include "lib/string.h"
#include "kern/hot_path.h"

#define CR0_MP          (1ull << 1)
#define CR0_EM          (1ull << 2)
#define CR0_TS          (1ull << 3)
#define CR4_OSFXSR      (1ull << 9)
#define CR4_OSXMMEXCPT  (1ull << 10)
#define FCW_DEFAULT     0x037f
#define MXCSR_DEFAULT   0x1f80
#define MXCSR_OFFSET    24

/* The registers as after fpu_state_init: what a scrub loads. */
static struct fpu_state clean_state;

void fpu_init_cpu(void)
{
	uint64_t cr0 = (read_cr0() | CR0_MP) & ~(CR0_EM | CR0_TS);

	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
	uint64_t cr4 = read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	fpu_state_init(&clean_state);
}

void fpu_state_init(struct fpu_state *s)
{
	uint16_t fcw = FCW_DEFAULT;
	uint32_t mxcsr = MXCSR_DEFAULT;

	memset(s, 0, sizeof(*s));
	memcpy(s->bytes, &fcw, sizeof(fcw));
	memcpy(s->bytes + MXCSR_OFFSET, &mxcsr, sizeof(mxcsr));
}


MK_HOT_PATH static void allow(void)
{
	__asm__ volatile("clts");
}

MK_HOT_PATH static void trap_first_use(void)
{
	uint64_t cr0 = read_cr0();

	if (!(cr0 & CR0_TS))
		__asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_TS));
}

MK_HOT_PATH void fpu_switch_to(struct thread *next)
{
	struct cpu *c = this_cpu();

	if (next->fpu_used) {
		allow();
		fpu_restore(&next->fpu);
		c->fpu_holds_state = 1;
		return;
	}
	if (c->fpu_holds_state) {
		allow();
		fpu_restore(&clean_state);
		c->fpu_holds_state = 0;
	}
	trap_first_use();
}

void fpu_first_use(void)
{
	struct thread *t = current_thread();

	t->fpu_used = 1;
	allow();
	fpu_restore(&t->fpu);
	this_cpu()->fpu_holds_state = 1;
}
