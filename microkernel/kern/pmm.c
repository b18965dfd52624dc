/*
 * pmm.c: physical frames as a bitmap, one bit per 4 KiB frame (1 = free),
 * with a rotating search hint. Contiguous runs (kernel stacks, large heap
 * blocks) are found by a linear scan; they are rare.
 *
 * Freeing a frame that is already free or was never managed is a kernel
 * bug and panics: it would otherwise hand one frame to two owners.
 */
#include "kern/console.h"
#include "kern/pmm.h"
#include "kern/spinlock.h"

#define FRAME_SHIFT 12
#define PMM_MAX_FRAMES (1u << 18)       /* 1 GiB, the boot direct map */

/* Guarded by pmm_lock: */
static struct spinlock pmm_lock = SPINLOCK_INIT;
static uint64_t free_bitmap[PMM_MAX_FRAMES / 64];
static uint64_t managed_bitmap[PMM_MAX_FRAMES / 64];
static size_t frame_limit;              /* frames below this index may be free */
static size_t free_frames;
static size_t search_hint;

static int bit_test(const uint64_t *map, size_t i)
{
	return (map[i / 64] >> (i % 64)) & 1;
}

static void bit_set(uint64_t *map, size_t i)
{
	map[i / 64] |= 1ull << (i % 64);
}

static void bit_clear(uint64_t *map, size_t i)
{
	map[i / 64] &= ~(1ull << (i % 64));
}

static int frame_is_reserved(uint64_t phys, const struct phys_range *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (phys + 4096 > r[i].start && phys < r[i].end)
			return 1;
	return 0;
}

size_t pmm_init(const struct boot_info *bi, uint64_t limit,
		const struct phys_range *reserved, size_t reserved_count)
{
	if (limit > (uint64_t)PMM_MAX_FRAMES << FRAME_SHIFT)
		limit = (uint64_t)PMM_MAX_FRAMES << FRAME_SHIFT;
	for (size_t r = 0; r < bi->memory_count; r++) {
		const struct boot_memory_region *m = &bi->memory[r];
		if (m->type != BOOT_MEMORY_USABLE)
			continue;
		uint64_t start = (m->base + 4095) & ~4095ull;
		uint64_t end = (m->base + m->length) & ~4095ull;
		/* Frame 0 stays unmanaged: 0 means "no frame". */
		for (uint64_t p = start ? start : 4096; p < end && p < limit; p += 4096) {
			size_t i = p >> FRAME_SHIFT;
			if (frame_is_reserved(p, reserved, reserved_count) ||
			    bit_test(managed_bitmap, i))
				continue;
			bit_set(managed_bitmap, i);
			bit_set(free_bitmap, i);
			free_frames++;
			if (i + 1 > frame_limit)
				frame_limit = i + 1;
		}
	}
	return free_frames;
}

/* Length of the free run starting at frame i, up to want. */
static size_t free_run(size_t i, size_t want)
{
	size_t n = 0;

	while (n < want && i + n < frame_limit && bit_test(free_bitmap, i + n))
		n++;
	return n;
}

static uint64_t take_run(size_t pages)
{
	for (size_t k = 0; k < frame_limit; k++) {
		size_t i = (search_hint + k) % frame_limit;
		if (free_run(i, pages) < pages)
			continue;
		for (size_t j = 0; j < pages; j++)
			bit_clear(free_bitmap, i + j);
		free_frames -= pages;
		search_hint = i + pages;
		return (uint64_t)i << FRAME_SHIFT;
	}
	return 0;
}

uint64_t pmm_alloc_contiguous(size_t pages)
{
	if (pages == 0)
		return 0;
	spin_lock(&pmm_lock);
	uint64_t phys = pages <= free_frames ? take_run(pages) : 0;
	spin_unlock(&pmm_lock);
	return phys;
}

uint64_t pmm_alloc(void)
{
	return pmm_alloc_contiguous(1);
}

void pmm_free_contiguous(uint64_t phys, size_t pages)
{
	spin_lock(&pmm_lock);
	for (size_t j = 0; j < pages; j++) {
		size_t i = (phys >> FRAME_SHIFT) + j;
		if ((phys & 4095) || i >= frame_limit || !bit_test(managed_bitmap, i) ||
		    bit_test(free_bitmap, i))
			panic("pmm: freeing frame %#lx that is not allocated", phys + j * 4096);
		bit_set(free_bitmap, i);
	}
	free_frames += pages;
	spin_unlock(&pmm_lock);
}

void pmm_free(uint64_t phys)
{
	pmm_free_contiguous(phys, 1);
}

size_t pmm_free_count(void)
{
	return free_frames;
}
