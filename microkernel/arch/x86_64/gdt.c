/*
 * gdt.c: the GDT and the TSS.
 *
 * Segment order is fixed by SYSCALL/SYSRET: kernel code, kernel data, then
 * user data before user code (SYSRET loads CS = STAR[63:48] + 16 and
 * SS = STAR[63:48] + 8). The TSS provides the kernel stack for entries from
 * user mode (rsp0) and separate IST stacks for double fault, NMI and machine
 * check, so that a broken kernel stack still produces a register dump
 * instead of a triple fault. One GDT and TSS for now; per-CPU copies come
 * with SMP bring-up. The I/O permission bitmap lives after the TSS.
 */
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/gdt.h"
#include "lib/string.h"
#include "kern/hot_path.h"

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));
_Static_assert(sizeof(struct tss) == 104, "TSS layout is fixed by the CPU");

struct descriptor_pointer {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

/* The TSS with an I/O permission bitmap after it, covered by the TSS
 * limit: bit p set means user-mode access to port p faults (#GP). The CPU
 * reads two bytes per check, hence the trailing 0xff byte. All ones but
 * for the prefix of the running task's grants (tss_set_io_bitmap). */
#define IO_BITMAP_BYTES (0x10000 / 8)
static struct {
	struct tss tss;
	uint8_t io_bitmap[IO_BITMAP_BYTES];
	uint8_t io_bitmap_end;
} __attribute__((packed, aligned(16))) tss_block __attribute__((section(MK_HOT_TSS_SECTION)));
static size_t io_bitmap_dirty;          /* bytes of io_bitmap that may differ from 0xff */

#define IST_STACK_SIZE 4096
static uint8_t ist_stacks[IST_COUNT][IST_STACK_SIZE] __attribute__((aligned(16)));

#define SEG_PRESENT   (1ull << 47)
#define SEG_USER      (3ull << 45)
#define SEG_CODE_DATA (1ull << 44)
#define SEG_EXEC      (1ull << 43)
#define SEG_WRITABLE  (1ull << 41)
#define SEG_LONG      (1ull << 53)
/* Ignored for data segments in long mode, but SYSCALL and SYSRET load SS
 * with it set: iretq loading the same attributes from here keeps QEMU's
 * translated code shared between both ways out of the kernel. */
#define SEG_DB        (1ull << 54)

static uint64_t gdt[] = {
	[0] = 0,
	[GDT_KERNEL_CODE / 8] = SEG_PRESENT | SEG_CODE_DATA | SEG_EXEC | SEG_LONG,
	[GDT_KERNEL_DATA / 8] = SEG_PRESENT | SEG_CODE_DATA | SEG_WRITABLE | SEG_DB,
	[GDT_USER_DATA / 8] = SEG_PRESENT | SEG_USER | SEG_CODE_DATA | SEG_WRITABLE | SEG_DB,
	[GDT_USER_CODE / 8] = SEG_PRESENT | SEG_USER | SEG_CODE_DATA | SEG_EXEC | SEG_LONG,
	[GDT_TSS / 8] = 0,              /* 16-byte system descriptor, */
	[GDT_TSS / 8 + 1] = 0,          /* filled in by gdt_init */
};

static void gdt_set_tss_descriptor(void)
{
	uint64_t base = (uint64_t)&tss_block;
	uint64_t limit = sizeof(tss_block) - 1;

	gdt[GDT_TSS / 8] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
			   (0x9ull << 40) /* available 64-bit TSS */ |
			   SEG_PRESENT | ((limit >> 16) & 0xf) << 48 |
			   ((base >> 24) & 0xff) << 56;
	gdt[GDT_TSS / 8 + 1] = base >> 32;
}

void gdt_init(void)
{
	for (int i = 0; i < IST_COUNT; i++)
		tss_block.tss.ist[i] = (uint64_t)&ist_stacks[i][IST_STACK_SIZE];
	tss_block.tss.iomap_base = sizeof(struct tss);
	memset(tss_block.io_bitmap, 0xff, sizeof(tss_block.io_bitmap));
	tss_block.io_bitmap_end = 0xff;
	gdt_set_tss_descriptor();

	struct descriptor_pointer ptr = { sizeof(gdt) - 1, (uint64_t)gdt };
	__asm__ volatile(
		"lgdt %0\n\t"
		"mov %1, %%ds\n\t"
		"mov %1, %%es\n\t"
		"mov %1, %%ss\n\t"
		"xor %%eax, %%eax\n\t"
		"mov %%eax, %%fs\n\t"
		"mov %%eax, %%gs\n\t"
		"pushq %2\n\t"
		"lea 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"ltr %w3"
		:
		: "m"(ptr), "r"((uint64_t)GDT_KERNEL_DATA),
		  "i"(GDT_KERNEL_CODE), "r"((uint64_t)GDT_TSS)
		: "rax", "memory");
}

void gdt_set_kernel_stack(uint64_t rsp0)
{
	tss_block.tss.rsp[0] = rsp0;
}

void tss_set_io_bitmap(const uint8_t *map, size_t bytes)
{
	if (bytes > IO_BITMAP_BYTES)
		bytes = IO_BITMAP_BYTES;
	if (!bytes && !io_bitmap_dirty)
		return;                 /* the common case: nobody has ports */
	memcpy(tss_block.io_bitmap, map, bytes);
	if (io_bitmap_dirty > bytes)
		memset(tss_block.io_bitmap + bytes, 0xff, io_bitmap_dirty - bytes);
	io_bitmap_dirty = bytes;
}
