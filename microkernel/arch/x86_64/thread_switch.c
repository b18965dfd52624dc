/*
 * thread_switch.c: the machine state that changes with the running thread:
 * the kernel stack for entries from user mode (TSS rsp0 and the per-CPU
 * copy used by syscall entry), the address space, the FS base, the
 * x87/SSE registers of user threads that use them (fpu.h) and their
 * task's I/O port bitmap.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/fpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/io_bitmap.h"
#include "arch/x86_64/pmap.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/thread_switch.h"
#include "kern/hot_path.h"

#define MSR_FS_BASE 0xc0000100

void switch_context(uint64_t *save_rsp, uint64_t rsp);

MK_HOT_PATH void thread_switch(struct thread *prev, struct thread *next)
{
	uint64_t top = (uint64_t)next->kernel_stack + KERNEL_STACK_SIZE;

	if (prev->task && prev->fpu_used)
		fpu_save(&prev->fpu);
	gdt_set_kernel_stack(top);
	this_cpu()->kernel_rsp = top;
	if (next->task) {
		pmap_activate(next->task->map->pmap);
		wrmsr(MSR_FS_BASE, next->fs_base);
		fpu_switch_to(next);
		io_bitmap_activate(next->task->io_bitmap);      /* cheap when neither has one */
	}
	switch_context(&prev->saved_rsp, next->saved_rsp);
}
