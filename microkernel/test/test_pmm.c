/*
 * test_pmm.c: the frame allocator over memory maps built here: what is
 * managed, reserved ranges, exhaustion, contiguous runs, and the panic on
 * freeing a frame that is not allocated.
 */
#include <setjmp.h>
#include <stdarg.h>

#include "kern/pmm.c"
#include "unit.h"

static jmp_buf panic_jump;
static int panicked;

void panic(const char *fmt, ...)
{
	(void)fmt;
	panicked = 1;
	spin_unlock(&pmm_lock);         /* every pmm panic is raised holding it */
	longjmp(panic_jump, 1);
}

/* pmm keeps its state in statics: each case starts from a clean slate. */
static void reset(void)
{
	memset(free_bitmap, 0, sizeof(free_bitmap));
	memset(managed_bitmap, 0, sizeof(managed_bitmap));
	frame_limit = free_frames = search_hint = 0;
	panicked = 0;
}

static struct boot_info map_of(uint64_t base, uint64_t length, uint32_t type)
{
	struct boot_info bi = { .memory_count = 1 };

	bi.memory[0] = (struct boot_memory_region){ base, length, type };
	return bi;
}

static void usable_region_is_managed_minus_reserved_ranges(void)
{
	reset();
	struct boot_info bi = map_of(0, 1 << 20, BOOT_MEMORY_USABLE);
	struct phys_range reserved[] = { { 0x10000, 0x20000 } };

	/* 256 frames, minus frame 0 and the 16 reserved. */
	UNIT_CHECK(pmm_init(&bi, 1ull << 30, reserved, 1) == 256 - 1 - 16);
	for (int i = 0; i < 239; i++) {
		uint64_t f = pmm_alloc();
		UNIT_CHECK(f != 0 && (f < 0x10000 || f >= 0x20000));
	}
	UNIT_CHECK(pmm_alloc() == 0);
}

static void reserved_and_unaligned_regions_are_trimmed(void)
{
	reset();
	struct boot_info bi = { .memory_count = 3 };
	bi.memory[0] = (struct boot_memory_region){ 0x1800, 0x3000, BOOT_MEMORY_USABLE };
	bi.memory[1] = (struct boot_memory_region){ 0x10000, 0x4000, BOOT_MEMORY_RESERVED };
	bi.memory[2] = (struct boot_memory_region){ 0x20000, 0x1000, BOOT_MEMORY_ACPI_NVS };

	/* [0x1800, 0x4800) holds whole frames 0x2000 and 0x3000 only. */
	UNIT_CHECK(pmm_init(&bi, 1ull << 30, NULL, 0) == 2);
}

static void memory_above_the_limit_is_ignored(void)
{
	reset();
	struct boot_info bi = map_of(0x100000, 0x100000, BOOT_MEMORY_USABLE);

	UNIT_CHECK(pmm_init(&bi, 0x180000, NULL, 0) == 128);
}

static void freed_frames_are_handed_out_again(void)
{
	reset();
	struct boot_info bi = map_of(0x1000, 0x4000, BOOT_MEMORY_USABLE);

	UNIT_CHECK(pmm_init(&bi, 1ull << 30, NULL, 0) == 4);
	uint64_t a = pmm_alloc(), b = pmm_alloc();
	UNIT_CHECK(a && b && a != b);
	pmm_free(a);
	UNIT_CHECK(pmm_free_count() == 3);
	uint64_t c = pmm_alloc(), d = pmm_alloc(), e = pmm_alloc();
	UNIT_CHECK(c && d && e && pmm_alloc() == 0);
	UNIT_CHECK(a == c || a == d || a == e);
}

static void contiguous_run_skips_fragmented_frames(void)
{
	reset();
	struct boot_info bi = map_of(0x1000, 0x8000, BOOT_MEMORY_USABLE);
	uint64_t f[8];

	UNIT_CHECK(pmm_init(&bi, 1ull << 30, NULL, 0) == 8);
	for (int i = 0; i < 8; i++)
		f[i] = pmm_alloc();
	pmm_free(f[1]);                 /* holes: 1, and 4-6 */
	pmm_free(f[4]);
	pmm_free(f[5]);
	pmm_free(f[6]);
	UNIT_CHECK(pmm_alloc_contiguous(3) == f[4]);
	UNIT_CHECK(pmm_alloc_contiguous(2) == 0);
	UNIT_CHECK(pmm_alloc_contiguous(0) == 0);
	UNIT_CHECK(pmm_free_count() == 1);
}

static void double_free_panics(void)
{
	reset();
	struct boot_info bi = map_of(0x1000, 0x2000, BOOT_MEMORY_USABLE);

	pmm_init(&bi, 1ull << 30, NULL, 0);
	uint64_t a = pmm_alloc();
	pmm_free(a);
	if (!setjmp(panic_jump))
		pmm_free(a);
	UNIT_CHECK(panicked);
}

static void freeing_an_unmanaged_frame_panics(void)
{
	reset();
	struct boot_info bi = map_of(0x1000, 0x2000, BOOT_MEMORY_USABLE);

	pmm_init(&bi, 1ull << 30, NULL, 0);
	if (!setjmp(panic_jump))
		pmm_free(0x100000);
	UNIT_CHECK(panicked);
	panicked = 0;
	if (!setjmp(panic_jump))
		pmm_free(0x1800);       /* not aligned */
	UNIT_CHECK(panicked);
}

static const struct unit_case cases[] = {
	UNIT_CASE(usable_region_is_managed_minus_reserved_ranges),
	UNIT_CASE(reserved_and_unaligned_regions_are_trimmed),
	UNIT_CASE(memory_above_the_limit_is_ignored),
	UNIT_CASE(freed_frames_are_handed_out_again),
	UNIT_CASE(contiguous_run_skips_fragmented_frames),
	UNIT_CASE(double_free_panics),
	UNIT_CASE(freeing_an_unmanaged_frame_panics),
};
UNIT_MAIN("host/pmm", cases)
