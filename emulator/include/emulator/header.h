/*
 * header.h: where the emulator lives in every UNIX process, and the header
 * at the start of its image, the one definition shared by the emulator
 * (which links itself there) and the UNIX server's exec (which maps it and
 * fills in the per-process fields).
 *
 * The emulator is an ET_EXEC image linked at EMULATOR_BASE whose first
 * page is this header (writable data). The app never sees the region
 * [EMULATOR_BASE, EMULATOR_END): the emulator refuses mmap(MAP_FIXED),
 * munmap, mprotect and mremap that touch it, and the kernel sends every
 * `syscall` made outside it (native trap numbers too) to the emulator.
 */
#ifndef EMULATOR_HEADER_H
#define EMULATOR_HEADER_H

#include <stdint.h>

#define EMULATOR_BASE 0x00007fe000000000ull
#define EMULATOR_SIZE 0x0000000001000000ull     /* 16 MiB: image, stacks, heap */
#define EMULATOR_END  (EMULATOR_BASE + EMULATOR_SIZE)

/* Where the app's stack ends (exclusive) and how much is reserved for it;
 * Linux's default RLIMIT_STACK. */
#define EMULATOR_APP_STACK_TOP  0x00007ffffffff000ull
#define EMULATOR_APP_STACK_SIZE (8ull << 20)

/* mmap without a hint places mappings below this, top down. */
#define EMULATOR_MMAP_TOP EMULATOR_BASE

#define EMULATOR_MAGIC   0x726f74616c756d65ull  /* "emulator" */
#define EMULATOR_VERSION 2

struct emulator_header {
	uint64_t magic;                 /* EMULATOR_MAGIC */
	uint32_t version;               /* EMULATOR_VERSION */
	uint32_t size;                  /* sizeof(struct emulator_header) */
	uint64_t entry;                 /* the trampoline entry (task_set_emulation) */
	uint64_t fork_entry;            /* a forked child's first instruction
					 * (trampoline_fork_child, rdi = area) */
	uint64_t first_area;            /* the first thread's struct emulation_area */
	/* Copies from and to app memory run in [uaccess_start, uaccess_end);
	 * a fault there is answered (by the exception handler, the server)
	 * by resuming at uaccess_fault, which returns -EFAULT. */
	uint64_t uaccess_start, uaccess_end, uaccess_fault;

	/* Filled in by exec before the first thread runs. */
	uint64_t brk_start;             /* page-aligned end of the app's image */
	uint64_t flags;                 /* EMULATOR_F_* */
	/* The clock (emulator/local/clock.c): CLOCK_MONOTONIC is
	 * ((tsc - tsc_at_boot) * tsc_ns_mult) >> 32, nanoseconds (0: not
	 * measured, the kernel's ticks instead); CLOCK_REALTIME adds
	 * realtime_at_boot_ns. */
	uint64_t tsc_ns_mult;
	uint64_t tsc_at_boot;
	uint64_t realtime_at_boot_ns;
};

#define EMULATOR_F_TRACE 1              /* print every call (strace format) */

/* CLOCK_MONOTONIC in nanoseconds at TSC value tsc, as the emulators and
 * the server compute it (h->tsc_ns_mult must be nonzero). */
static inline uint64_t emulator_clock_ns(const struct emulator_header *h, uint64_t tsc)
{
	return (uint64_t)(((unsigned __int128)(tsc - h->tsc_at_boot) * h->tsc_ns_mult) >> 32);
}

#endif
