/*
 * trap.c: what happens after an exception stub has saved the registers.
 *
 * An exception in kernel mode is a kernel bug: dump the registers and
 * panic (except a fault in usercopy, which makes the copy fail). One in
 * user mode that the VM system cannot resolve becomes an exception
 * message (kern/exception.c).
 * Kernel tests that provoke a fault on purpose register a one-shot hook
 * that sees the frame after the dump and may resume it.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/fpu.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/trap.h"
#include "kern/backtrace.h"
#include "kern/console.h"
#include "kern/exception.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/thread.h"
#include "mk/exception.h"
#include "mk/return.h"
#include "vm/vm_map.h"

static const char *const exception_names[32] = {
	[0] = "#DE divide error",        [1] = "#DB debug",
	[2] = "NMI",                     [3] = "#BP breakpoint",
	[4] = "#OF overflow",            [5] = "#BR bound range",
	[6] = "#UD invalid opcode",      [7] = "#NM device not available",
	[8] = "#DF double fault",        [10] = "#TS invalid TSS",
	[11] = "#NP segment not present", [12] = "#SS stack fault",
	[13] = "#GP general protection", [14] = "#PF page fault",
	[16] = "#MF x87 error",          [17] = "#AC alignment check",
	[18] = "#MC machine check",      [19] = "#XM SIMD error",
	[20] = "#VE virtualization",     [21] = "#CP control protection",
};

static trap_kernel_fault_hook kernel_fault_hook;

void trap_expect_kernel_fault(trap_kernel_fault_hook hook)
{
	kernel_fault_hook = hook;
}

const char *trap_exception_name(uint64_t vector)
{
	const char *name = vector < 32 ? exception_names[vector] : 0;
	return name ? name : "reserved exception";
}

void trap_dump(const struct trap_frame *f)
{
	kprintf("mk: CPU exception %lu (%s) in %s mode, error code %#lx\n",
		f->vector, trap_exception_name(f->vector),
		trap_frame_from_user(f) ? "user" : "kernel", f->error_code);
	kprintf("  rip %016lx  cs  %04lx  rflags %016lx\n", f->rip, f->cs, f->rflags);
	kprintf("  rsp %016lx  ss  %04lx\n", f->rsp, f->ss);
	kprintf("  rax %016lx  rbx %016lx  rcx %016lx\n", f->rax, f->rbx, f->rcx);
	kprintf("  rdx %016lx  rsi %016lx  rdi %016lx\n", f->rdx, f->rsi, f->rdi);
	kprintf("  rbp %016lx  r8  %016lx  r9  %016lx\n", f->rbp, f->r8, f->r9);
	kprintf("  r10 %016lx  r11 %016lx  r12 %016lx\n", f->r10, f->r11, f->r12);
	kprintf("  r13 %016lx  r14 %016lx  r15 %016lx\n", f->r13, f->r14, f->r15);
	kprintf("  cr0 %016lx  cr2 %016lx  cr3 %016lx  cr4 %016lx\n",
		read_cr0(), read_cr2(), read_cr3(), read_cr4());
	if (!trap_frame_from_user(f)) {
		kprintf("  backtrace: %#lx (faulting rip)\n", f->rip);
		backtrace_print(f->rbp);
	}
}

extern char usercopy_fault_words[], usercopy_fixup_words[];
extern char usercopy_fault_bytes[], usercopy_fixup_bytes[];

#define PF_WRITE (1u << 1)

/* The exception kind (mk/exception.h) of a vector a user thread raised;
 * 0 for the ones that are not its doing (NMI, machine check). */
static uint32_t exception_kind(uint64_t vector)
{
	switch (vector) {
	case 0: case 4: case 16: case 19:
		return MK_EXC_ARITHMETIC;
	case 1: case 3:
		return MK_EXC_BREAKPOINT;
	case 5: case 6: case 7:
		return MK_EXC_BAD_INSTRUCTION;
	case 10: case 11: case 12: case 13: case 14: case 17:
		return MK_EXC_BAD_ACCESS;
	default:
		return 0;
	}
}

/* A user-mode exception: page faults the VM system can resolve resume;
 * anything else goes to the thread's exception handler. A fault may wait
 * for a pager, so cr2 is read first (other faults change it); an aborted
 * wait (MK_INTERRUPTED) resumes: the thread is terminated on its way out,
 * or faults again. */
static void user_exception(struct trap_frame *f)
{
	uint64_t address = f->vector == TRAP_PAGE_FAULT ? read_cr2() : 0;

	if (f->vector == TRAP_DEVICE_NOT_AVAILABLE && !current_thread()->fpu_used) {
		fpu_first_use();
		return;
	}
	if (f->vector == TRAP_PAGE_FAULT) {
		mk_return_t r = vm_fault(current_task()->map, address, f->error_code & PF_WRITE);
		if (r == MK_SUCCESS || r == MK_INTERRUPTED)
			return;
	}
	struct exception_info info = { exception_kind(f->vector), (uint32_t)f->vector,
				       f->error_code, address };
	exception_raise(f, &info);
}

/* A kernel-mode fault inside usercopy_bytes: bring the page in, or make
 * the copy return a short count. */
static int usercopy_fault(struct trap_frame *f)
{
	uint64_t fixup;

	if (f->rip == (uint64_t)usercopy_fault_words)
		fixup = (uint64_t)usercopy_fixup_words;
	else if (f->rip == (uint64_t)usercopy_fault_bytes)
		fixup = (uint64_t)usercopy_fixup_bytes;
	else
		return 0;
	if (f->vector != TRAP_PAGE_FAULT || !current_task())
		return 0;
	if (vm_fault(current_task()->map, read_cr2(), f->error_code & PF_WRITE) != MK_SUCCESS)
		f->rip = fixup;
	return 1;
}

void trap_dispatch(struct trap_frame *f)
{
	int from_user = trap_frame_from_user(f);

	if (f->vector >= IDT_IRQ_BASE && f->vector < IDT_STUB_COUNT) {
		irq_dispatch(f->vector - IDT_IRQ_BASE);
	} else if (from_user) {
		user_exception(f);
	} else if (!usercopy_fault(f)) {
		trap_dump(f);
		if (!kernel_fault_hook)
			panic("unhandled %s at %#lx", trap_exception_name(f->vector), f->rip);
		trap_kernel_fault_hook hook = kernel_fault_hook;
		kernel_fault_hook = 0;
		hook(f);
	}
	if (from_user)
		thread_return_to_user_checks();
}
