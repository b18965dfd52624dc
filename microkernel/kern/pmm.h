/*
 * pmm.h: the physical page frame allocator.
 *
 * Frames are 4 KiB, handed out as physical addresses (never 0) and reached
 * through the direct map (phys_to_virt). Only RAM under the direct map's
 * reach is managed; the banner reports what is ignored.
 */
#ifndef MK_KERN_PMM_H
#define MK_KERN_PMM_H

#include <stddef.h>
#include <stdint.h>

#include "kern/multiboot2.h"

struct phys_range {
	uint64_t start, end;            /* end exclusive */
};

/* Manages the usable regions of bi below `limit`, minus the reserved
 * ranges (kernel image, modules, ...). Returns the number of frames. */
size_t pmm_init(const struct boot_info *bi, uint64_t limit,
		const struct phys_range *reserved, size_t reserved_count);

uint64_t pmm_alloc(void);                       /* 0 when none is free */
uint64_t pmm_alloc_contiguous(size_t pages);    /* 0 when no run is free */
void pmm_free(uint64_t phys);
void pmm_free_contiguous(uint64_t phys, size_t pages);
size_t pmm_free_count(void);

#endif
