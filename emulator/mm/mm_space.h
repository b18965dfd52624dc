/*
 * mm_space.h: the state and the building blocks the memory calls share
 * (mm_space.c): the region table and the break, range checks, placement,
 * and mapping, unmapping and zeroing of ranges, each keeping the kernel
 * map and the table in step.
 */
#ifndef EMULATOR_MM_SPACE_H
#define EMULATOR_MM_SPACE_H

#include <stdint.h>

#include "emulator/header.h"
#include "linux_errno.h"
#include "mk/vm.h"
#include "mm/linux_mman.h"
#include "mm/mm_regions.h"

/* MM_ENOMEM ...: Linux's errno values (linux_errno.h), returned negated. */
#define MM_ERRNO_ENUM(nr, name, message) MM_##name = nr,
enum mm_errno { LINUX_ERRNOS(MM_ERRNO_ENUM) };
#undef MM_ERRNO_ENUM

#define MM_PAGE      ((uint64_t)MK_PAGE_SIZE)
#define MM_PAGE_MASK (MM_PAGE - 1)
#define MM_MIN_ADDR  0x10000ull         /* Linux's vm.mmap_min_addr */
#define MM_USER_END  MK_USER_MAX        /* Linux's TASK_SIZE: the same */
#define MM_PROT_RWX  (LINUX_PROT_READ | LINUX_PROT_WRITE | LINUX_PROT_EXEC)

/*
 * One per process. When clone arrives, a lock goes here, taken by each
 * emu_* call for its whole run (the table and the kernel map must change
 * together; the emulator's memory calls are not hot enough to need more).
 */
struct mm_space {
	struct mm_regions regions;
	uint64_t brk_start;     /* the lowest break */
	uint64_t brk;           /* the break as last set: may be unaligned */
	uint32_t last_id;       /* ids of mmaps other than private anonymous */
};

extern struct mm_space mm_space;

static inline uint64_t mm_page_up(uint64_t x)
{
	return (x + MM_PAGE_MASK) & ~MM_PAGE_MASK;
}

/* [start, end) meets the emulator's region. */
static inline int mm_touches_emulator(uint64_t start, uint64_t end)
{
	return start < EMULATOR_END && end > EMULATOR_BASE;
}

uint32_t mm_new_id(void);

/* Where a new mapping of len bytes (page aligned) goes when the caller
 * does not fix it, free in the table and never below `below` (0: no such
 * limit) or at or above `below` when it is set: hint (page aligned) when
 * it is free, else the highest room under EMULATOR_MMAP_TOP and above the
 * break's start, else the highest room anywhere; with low32, room below
 * 2 GiB (MAP_32BIT). 0 when there is none. */
uint64_t mm_place(uint64_t len, uint64_t hint, int low32, uint64_t below);

/* Read/write zero-filled memory at exactly r's range (mm_vm_allocate). */
int64_t mm_alloc(uint64_t start, uint64_t end);
/* Gives memory just allocated at r's range r's protection and
 * inheritance and records r (room for one region needed); on failure
 * deallocates it. An mk_return_t. */
int64_t mm_commit(const struct mm_region *r);
/* mm_alloc then mm_commit. */
int64_t mm_map(const struct mm_region *r);
/* Unmaps [start, end) in the kernel and the table (remove_need checked
 * by the caller). An mk_return_t. */
int64_t mm_unmap(uint64_t start, uint64_t end);
/* Replaces the anonymous memory of piece (within one region, which it
 * describes) with zero-filled memory of the same attributes. */
int64_t mm_zero(const struct mm_region *piece);

/* The errno for a failed trap of a memory call. */
long mm_errno(int64_t mk);

#endif
