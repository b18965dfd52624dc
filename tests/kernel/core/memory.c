/*
 * memory.c: tests of physical frames, the kernel heap and page tables.
 */
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/pmap.h"
#include "arch/x86_64/trap.h"
#include "kern/alloc.h"
#include "kern/heap.h"
#include "kern/ktest.h"
#include "kern/pmm.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"

KTEST(frames_are_distinct_and_return_to_the_free_pool)
{
	size_t before = pmm_free_count();
	uint64_t frames[64];

	KTEST_ASSERT(before > 1000);
	for (int i = 0; i < 64; i++) {
		frames[i] = pmm_alloc();
		KTEST_ASSERT(frames[i] && !(frames[i] & 4095));
		for (int j = 0; j < i; j++)
			KTEST_ASSERT(frames[j] != frames[i]);
	}
	KTEST_ASSERT(pmm_free_count() == before - 64);
	for (int i = 0; i < 64; i++)
		pmm_free(frames[i]);
	KTEST_ASSERT(pmm_free_count() == before);
}

KTEST(contiguous_frames_are_one_run)
{
	uint64_t run = pmm_alloc_contiguous(8);

	KTEST_ASSERT(run);
	for (int i = 0; i < 8; i++)             /* every frame writable, no overlap */
		memset((void *)(DIRECT_MAP_BASE + run + i * 4096), i, 4096);
	for (int i = 0; i < 8; i++)
		KTEST_ASSERT(*(uint8_t *)(DIRECT_MAP_BASE + run + i * 4096 + 100) == i);
	pmm_free_contiguous(run, 8);
}

KTEST(frames_run_out_cleanly_and_come_back)
{
	size_t before = pmm_free_count(), taken = 0;
	uint64_t head = 0;

	/* Chain every free frame through its own first word. */
	for (uint64_t f; (f = pmm_alloc()); taken++) {
		*(uint64_t *)(DIRECT_MAP_BASE + f) = head;
		head = f;
	}
	KTEST_ASSERT(taken == before);
	KTEST_ASSERT(pmm_free_count() == 0);
	KTEST_ASSERT(kmalloc(100000) == NULL);
	while (head) {
		uint64_t next = *(uint64_t *)(DIRECT_MAP_BASE + head);
		pmm_free(head);
		head = next;
	}
	KTEST_ASSERT(pmm_free_count() == before);
}

KTEST(heap_blocks_do_not_overlap_and_are_all_freed)
{
	size_t before = heap_bytes_in_use();
	static const size_t sizes[] = { 1, 16, 17, 100, 500, 2000, 3000, 20000 };
	char *blocks[8];

	for (int i = 0; i < 8; i++) {
		blocks[i] = kmalloc(sizes[i]);
		KTEST_ASSERT(blocks[i] && ((uint64_t)blocks[i] & 15) == 0);
		memset(blocks[i], 'a' + i, sizes[i]);
	}
	for (int i = 0; i < 8; i++)
		for (size_t j = 0; j < sizes[i]; j++)
			KTEST_ASSERT(blocks[i][j] == 'a' + i);
	for (int i = 0; i < 8; i++)
		kfree(blocks[i]);
	KTEST_ASSERT(heap_bytes_in_use() == before);
	char *z = kzalloc(300);
	for (int i = 0; i < 300; i++)
		KTEST_ASSERT(z[i] == 0);
	kfree(z);
}

static volatile uint64_t fault_address;

static void record_fault_and_skip(struct trap_frame *f)
{
	fault_address = read_cr2();
	f->rip += f->rax;
}

KTEST(page_table_maps_a_user_page_and_removes_it)
{
	struct pmap *kernel = pmap_kernel();
	struct pmap *p = pmap_create();
	uint64_t frame = pmm_alloc();
	uint64_t va = 0x40000000;
	unsigned prot = 0;

	KTEST_ASSERT(p && frame);
	*(volatile uint64_t *)(DIRECT_MAP_BASE + frame) = 0x1234;
	KTEST_ASSERT(pmap_enter(p, va, frame, MK_VM_PROT_READ | MK_VM_PROT_WRITE) == MK_SUCCESS);
	KTEST_ASSERT(pmap_extract(p, va + 8, &prot) == frame);
	KTEST_ASSERT(prot == (MK_VM_PROT_READ | MK_VM_PROT_WRITE));
	KTEST_ASSERT(pmap_enter(p, 0, frame, MK_VM_PROT_READ) == MK_INVALID_ADDRESS);
	KTEST_ASSERT(pmap_enter(p, 0xffff800000000000, frame, MK_VM_PROT_READ) == MK_INVALID_ADDRESS);

	pmap_activate(p);
	KTEST_ASSERT(*(volatile uint64_t *)va == 0x1234);
	*(volatile uint64_t *)(va + 8) = 0x5678;
	KTEST_ASSERT(*(volatile uint64_t *)(DIRECT_MAP_BASE + frame + 8) == 0x5678);

	pmap_remove(p, va, va + 4096);
	KTEST_ASSERT(pmap_extract(p, va, NULL) == 0);
	trap_expect_kernel_fault(record_fault_and_skip);
	uint64_t address = va;
	__asm__ volatile("mov $3, %%eax; mov (%%rcx), %%rcx" : "+c"(address) : : "rax");
	KTEST_ASSERT(fault_address == va);

	pmap_activate(kernel);
	pmap_destroy(p);
	pmm_free(frame);
}
