/*
 * mm_regions.h: the emulator's record of its process's address space, a
 * pure data structure (no traps; host-tested on its own). A sorted table
 * of non-overlapping page-aligned regions; neighbours with the same
 * attributes are kept merged, as Linux merges its VMAs, so a region is
 * what Linux would call one mapping (mremap needs that).
 *
 * The microkernel's map stays the truth of what is mapped; this table
 * says what the emulator knows on top of it: Linux's kind of mapping (for
 * madvise, mremap and fork inheritance), where the emulator's own region
 * lies, and where there is room to place a new mapping (the kernel only
 * places bottom-up). Parts of the map the table does not know (the image
 * and stack exec mapped, unless noted with emu_mm_note) are holes here.
 *
 * No allocation: a fixed table. Every change needs at most a few free
 * slots (mm_regions_room); callers check before they touch the kernel so
 * that recording the result afterwards cannot fail.
 */
#ifndef EMULATOR_MM_REGIONS_H
#define EMULATOR_MM_REGIONS_H

#include <stdint.h>

#define MM_MAX_REGIONS 1024

enum mm_kind {
	MM_ANON,        /* private anonymous (also brk): zero after MADV_DONTNEED */
	MM_SHARED,      /* shared anonymous: inherited shared by a child */
	MM_FILE,        /* a copy of a file's bytes, or mapped by someone else */
	MM_RESERVED,    /* the emulator's region: never given to the app */
};

#define MM_F_NOWRITE  1u        /* maximum protection without write */
#define MM_F_DONTFORK 2u        /* MADV_DONTFORK: not inherited */

struct mm_region {
	uint64_t start, end;    /* page aligned, end exclusive */
	uint32_t id;            /* 0 for MM_ANON; else the mmap it came from */
	uint8_t prot;           /* LINUX_PROT_READ | WRITE | EXEC */
	uint8_t kind;           /* enum mm_kind */
	uint8_t flags;          /* MM_F_* */
};

struct mm_regions {
	uint32_t count;
	struct mm_region r[MM_MAX_REGIONS];     /* [0, count): sorted by start */
};

void mm_regions_init(struct mm_regions *t);
/* Whether n more regions fit. */
int mm_regions_room(const struct mm_regions *t, uint32_t n);

/* The region holding addr, or NULL. */
const struct mm_region *mm_regions_find(const struct mm_regions *t, uint64_t addr);
/* The first region ending above addr (holding it or after it), or NULL. */
const struct mm_region *mm_regions_next(const struct mm_regions *t, uint64_t addr);
/* No region meets [start, end). */
int mm_regions_is_free(const struct mm_regions *t, uint64_t start, uint64_t end);
/* The highest page-aligned start s in [low, high - len] with [s, s + len)
 * free; 0 when there is none. */
uint64_t mm_regions_gap_below(const struct mm_regions *t, uint64_t len, uint64_t low,
			      uint64_t high);

/* Slots mm_regions_remove(start, end) needs: 1 when it cuts a hole in
 * the middle of one region, else 0. Changing attributes needs at most 2,
 * inserting at most 1. */
uint32_t mm_regions_remove_need(const struct mm_regions *t, uint64_t start, uint64_t end);

/* Records a region; [start, end) must be free and there must be room. */
void mm_regions_insert(struct mm_regions *t, const struct mm_region *r);
/* Forgets whatever lies in [start, end), splitting regions at its ends. */
void mm_regions_remove(struct mm_regions *t, uint64_t start, uint64_t end);
/* Sets the protection of the regions in [start, end) (holes stay holes). */
void mm_regions_set_prot(struct mm_regions *t, uint64_t start, uint64_t end, uint8_t prot);
/* Sets (on) or clears flag in the regions in [start, end). */
void mm_regions_set_flag(struct mm_regions *t, uint64_t start, uint64_t end, uint8_t flag,
			 int on);

#endif
