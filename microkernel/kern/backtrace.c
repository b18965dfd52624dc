/*
 * backtrace.c: walks the rbp chain (the kernel is built with frame
 * pointers) and prints return addresses for `addr2line -e kernel.elf`.
 * Only follows frames that lie in kernel memory, are aligned and grow
 * upwards, so a corrupt chain ends the walk instead of faulting.
 */
#include "arch/x86_64/layout.h"
#include "kern/backtrace.h"
#include "kern/console.h"

#define BACKTRACE_MAX_FRAMES 16

extern char kernel_image_start[], kernel_image_end[];

/* Kernel stacks live in the image (boot and IST stacks) or in memory
 * reached through the direct map. */
static int address_is_kernel_memory(uint64_t a)
{
	return (a >= (uint64_t)kernel_image_start && a < (uint64_t)kernel_image_end) ||
	       (a >= DIRECT_MAP_BASE && a < DIRECT_MAP_BASE + BOOT_DIRECT_MAP_SIZE);
}

static int frame_is_plausible(uint64_t rbp, uint64_t previous)
{
	return address_is_kernel_memory(rbp) && address_is_kernel_memory(rbp + 15) &&
	       (rbp & 7) == 0 && rbp > previous;
}

void backtrace_print(uint64_t rbp)
{
	uint64_t previous = 0;

	kprintf("  backtrace:");
	for (int i = 0; i < BACKTRACE_MAX_FRAMES && frame_is_plausible(rbp, previous); i++) {
		const uint64_t *frame = (const uint64_t *)rbp;
		if (frame[1] < KERNEL_VIRT_BASE)
			break;
		kprintf(" %#lx", frame[1]);
		previous = rbp;
		rbp = frame[0];
	}
	kprintf("\n");
}
