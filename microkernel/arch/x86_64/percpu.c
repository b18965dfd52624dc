/*
 * percpu.c: sets up the boot CPU's struct cpu and points the kernel GS
 * base at it. User GS starts 0 and is swapped in by swapgs on every
 * kernel exit.
 */
#include "arch/x86_64/cpu.h"
#include "kern/percpu.h"
#include "kern/hot_path.h"

#define MSR_GS_BASE        0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

MK_HOT_DATA static struct cpu cpus[MAX_CPUS];

void percpu_init_boot_cpu(void)
{
	struct cpu *c = &cpus[0];

	c->self = c;
	c->id = 0;
	wrmsr(MSR_GS_BASE, (uint64_t)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}
