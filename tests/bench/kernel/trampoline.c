/*
 * trampoline.c: the cost of one Linux system call redirected to the
 * task's emulator and back through the stub (trampoline/entry.S), with the
 * stub's default dispatcher (-ENOSYS): one kernel entry, no exit trap.
 */
#include "bench.h"
#include "trampoline/emulation_frame.h"

#define BATCH 1000

static struct emulation_area area;
static uint8_t emulator_stack[4096] __attribute__((aligned(16)));

BENCH(linux_syscall_redirect)
{
	int64_t r, ret;

	area.stack_top = (uint64_t)emulator_stack + sizeof(emulator_stack);
	if ((r = mk_thread_set_emulation_area(MK_PORT_NULL, (uint64_t)&area)) != MK_SUCCESS)
		bench_abort("thread_set_emulation_area", r);
	if ((r = mk_task_set_emulation(MK_PORT_NULL, (uint64_t)trampoline_entry)) != MK_SUCCESS)
		bench_abort("task_set_emulation", r);
	uint64_t start = bench_cycles();
	for (int i = 0; i < BATCH; i++)
		__asm__ volatile("syscall" : "=a"(ret) : "a"(39ull) : "rcx", "r11", "memory");
	uint64_t cycles = (bench_cycles() - start) / BATCH;
	mk_task_set_emulation(MK_PORT_NULL, 0);
	if (ret != -38)
		bench_abort("redirected syscall result", ret);
	return cycles;
}
