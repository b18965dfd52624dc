/*
 * cpu_exceptions.c: tests that CPU exceptions in the kernel reach the trap
 * code with the right vector, error code and faulting address, after the
 * register dump, and that a resumed frame continues where it says.
 */
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/trap.h"
#include "kern/ktest.h"

static volatile uint64_t seen_vector = ~0ull;
static volatile uint64_t seen_error, seen_cr2;

/* Records the fault and resumes after the faulting instruction, whose
 * length the test passes through rax (set just before the fault). */
static void record_and_skip(struct trap_frame *f)
{
	seen_vector = f->vector;
	seen_error = f->error_code;
	seen_cr2 = read_cr2();
	f->rip += f->rax;
}

KTEST(invalid_opcode_is_trapped_and_resumable)
{
	trap_expect_kernel_fault(record_and_skip);
	__asm__ volatile("mov $2, %%eax; ud2" ::: "rax");
	KTEST_ASSERT(seen_vector == TRAP_INVALID_OPCODE);
}

KTEST(divide_by_zero_is_trapped_as_divide_error)
{
	trap_expect_kernel_fault(record_and_skip);
	/* div %rcx is 3 bytes (48 f7 f1). */
	__asm__ volatile("xor %%edx, %%edx; xor %%ecx, %%ecx; mov $3, %%eax; div %%rcx"
			 ::: "rax", "rcx", "rdx");
	KTEST_ASSERT(seen_vector == TRAP_DIVIDE_ERROR);
}

KTEST(breakpoint_is_trapped_and_resumable)
{
	trap_expect_kernel_fault(record_and_skip);
	/* int3 is a trap: rip already points past it, skip nothing more. */
	__asm__ volatile("xor %%eax, %%eax; int3" ::: "rax");
	KTEST_ASSERT(seen_vector == TRAP_BREAKPOINT);
}

KTEST(page_fault_reports_address_and_not_present)
{
	/* 4 MiB was identity-mapped during boot; the kernel must have dropped
	 * that map, so this read faults. mov (%rcx), %rcx is 3 bytes. */
	uint64_t address = 0x400000;

	trap_expect_kernel_fault(record_and_skip);
	__asm__ volatile("mov $3, %%eax; mov (%%rcx), %%rcx" : "+c"(address) : : "rax");
	KTEST_ASSERT(seen_vector == TRAP_PAGE_FAULT);
	KTEST_ASSERT(seen_cr2 == 0x400000);
	KTEST_ASSERT((seen_error & 1) == 0);    /* not-present, not protection */
	KTEST_ASSERT((seen_error & 2) == 0);    /* a read */
}

static void expect_double_fault(struct trap_frame *f)
{
	if (f->vector != TRAP_DOUBLE_FAULT)
		ktest_fail("expected a double fault, got vector %lu", f->vector);
	ktest_pass();
}

KTEST(double_fault_on_a_broken_stack_is_reported_from_its_own_stack)
{
	/* With rsp unmapped the CPU cannot push the page-fault frame, which is
	 * a double fault; only the IST stack lets the handler run. */
	trap_expect_kernel_fault(expect_double_fault);
	__asm__ volatile("mov $0x1000, %%rsp; push %%rax" ::: "memory");
	ktest_fail("survived a push to an unmapped stack");
}
