/*
 * test_mm_fake.h: what the memory calls' host tests put behind them: the
 * whole of emulator/mm with its trap layer (mm_vm.c) replaced by a
 * simulated kernel map that follows microkernel/vm/vm_map.c's rules
 * (FIXED allocation never over a mapping, deallocation across holes,
 * protect and inherit refusing holes and protections above the maximum,
 * copy needing a readable source and a writable destination), with the
 * bytes of the pages that were written kept aside; and a fake
 * emu_file_pread over a few fake files.
 *
 * The simulated map starts with the emulator's region mapped, as exec
 * leaves it; any trap that touches it is counted in fake_emulator_hits.
 */
#ifndef TEST_MM_FAKE_H
#define TEST_MM_FAKE_H

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mk/return.h"
#include "mk/vm.h"
#include "mm/mm_brk.c"
#include "mm/mm_madvise.c"
#include "mm/mm_mmap.c"
#include "mm/mm_mprotect.c"
#include "mm/mm_mremap.c"
#include "mm/mm_munmap.c"
#include "mm/mm_regions.c"
#include "mm/mm_space.c"

#define P 4096ull

struct fake_entry {
	uint64_t start, end;
	unsigned prot, max, inherit;
};

struct fake_page {
	uint64_t addr;
	unsigned char *bytes;
};

#define FAKE_ENTRIES 8192
#define FAKE_PAGES 4096

static struct fake_entry fake_map[FAKE_ENTRIES];
static int fake_entries;
static struct fake_page fake_pages[FAKE_PAGES];
static int fake_npages;
static int fake_emulator_hits;
static int fake_traps;

static void fake_note(uint64_t start, uint64_t size)
{
	fake_traps++;
	if (start < EMULATOR_END && start + size > EMULATOR_BASE)
		fake_emulator_hits++;
}

static int fake_index_after(uint64_t addr)
{
	int i = 0;

	while (i < fake_entries && fake_map[i].end <= addr)
		i++;
	return i;
}

static struct fake_entry *fake_entry_at(uint64_t addr)
{
	int i = fake_index_after(addr);

	return i < fake_entries && fake_map[i].start <= addr ? &fake_map[i] : NULL;
}

static void fake_split(uint64_t addr)
{
	int i = fake_index_after(addr);

	if (i == fake_entries || fake_map[i].start >= addr)
		return;
	assert(fake_entries < FAKE_ENTRIES);
	memmove(&fake_map[i + 1], &fake_map[i], (fake_entries - i) * sizeof(fake_map[0]));
	fake_entries++;
	fake_map[i].end = addr;
	fake_map[i + 1].start = addr;
}

/* vm_map.c's round_range. */
static int fake_round(uint64_t addr, uint64_t size, uint64_t *start, uint64_t *end)
{
	if (size == 0 || size > MK_USER_MAX || addr > MK_USER_MAX - size)
		return 0;
	*start = addr & ~(P - 1);
	*end = (addr + size + P - 1) & ~(P - 1);
	return *start >= MK_USER_MIN && *end <= MK_USER_MAX;
}

static int fake_is_mapped(uint64_t start, uint64_t end)
{
	uint64_t covered = start;

	for (int i = 0; i < fake_entries; i++) {
		if (fake_map[i].end <= covered || fake_map[i].start >= end)
			continue;
		if (fake_map[i].start > covered)
			return 0;
		covered = fake_map[i].end;
	}
	return covered >= end;
}

static void fake_drop_pages(uint64_t start, uint64_t end)
{
	for (int i = 0; i < fake_npages;) {
		if (fake_pages[i].addr >= start && fake_pages[i].addr < end) {
			free(fake_pages[i].bytes);
			fake_pages[i] = fake_pages[--fake_npages];
		} else {
			i++;
		}
	}
}

int64_t mm_vm_allocate(uint64_t addr, uint64_t size)
{
	uint64_t start, end;

	fake_note(addr, size);
	if (addr & (P - 1))
		return MK_INVALID_ARGUMENT;
	if (!fake_round(addr, size, &start, &end))
		return MK_INVALID_ADDRESS;
	int i = fake_index_after(start);
	if (i < fake_entries && fake_map[i].start < end)
		return MK_NO_SPACE;
	assert(fake_entries < FAKE_ENTRIES);
	memmove(&fake_map[i + 1], &fake_map[i], (fake_entries - i) * sizeof(fake_map[0]));
	fake_entries++;
	fake_map[i] = (struct fake_entry){ start, end, MK_VM_PROT_READ | MK_VM_PROT_WRITE,
					   MK_VM_PROT_ALL, MK_VM_INHERIT_COPY };
	return MK_SUCCESS;
}

int64_t mm_vm_deallocate(uint64_t addr, uint64_t size)
{
	uint64_t start, end;

	fake_note(addr, size);
	if (!fake_round(addr, size, &start, &end))
		return MK_INVALID_ADDRESS;
	fake_split(start);
	fake_split(end);
	for (int i = 0; i < fake_entries;) {
		if (fake_map[i].start >= start && fake_map[i].end <= end) {
			memmove(&fake_map[i], &fake_map[i + 1], (fake_entries - i - 1) * sizeof(fake_map[0]));
			fake_entries--;
		} else {
			i++;
		}
	}
	fake_drop_pages(start, end);
	return MK_SUCCESS;
}

static int64_t fake_change(uint64_t addr, uint64_t size, int what, unsigned value)
{
	uint64_t start, end;

	fake_note(addr, size);
	if (!fake_round(addr, size, &start, &end) || !fake_is_mapped(start, end))
		return MK_INVALID_ADDRESS;
	for (int i = 0; i < fake_entries; i++)
		if (what == 0 && fake_map[i].start < end && start < fake_map[i].end &&
		    (value & ~fake_map[i].max))
			return MK_PROTECTION_FAILURE;
	fake_split(start);
	fake_split(end);
	for (int i = 0; i < fake_entries; i++) {
		struct fake_entry *e = &fake_map[i];
		if (e->start < start || e->end > end)
			continue;
		if (what == 0)
			e->prot = value;
		else if (what == 1)
			e->max = value, e->prot &= value;
		else
			e->inherit = value;
	}
	return MK_SUCCESS;
}

int64_t mm_vm_protect(uint64_t addr, uint64_t size, int set_maximum, unsigned prot)
{
	if (prot & ~MK_VM_PROT_ALL)
		return MK_INVALID_ARGUMENT;
	return fake_change(addr, size, set_maximum ? 1 : 0, prot);
}

int64_t mm_vm_inherit(uint64_t addr, uint64_t size, unsigned inheritance)
{
	if (inheritance > MK_VM_INHERIT_COPY)
		return MK_INVALID_ARGUMENT;
	return fake_change(addr, size, 2, inheritance);
}

static unsigned char *fake_page(uint64_t addr, int create)
{
	addr &= ~(P - 1);
	for (int i = 0; i < fake_npages; i++)
		if (fake_pages[i].addr == addr)
			return fake_pages[i].bytes;
	if (!create)
		return NULL;
	assert(fake_npages < FAKE_PAGES);
	fake_pages[fake_npages] = (struct fake_page){ addr, calloc(1, P) };
	return fake_pages[fake_npages++].bytes;
}

/* The byte at addr, as the kernel would read it (0 if never written);
 * -1 when it is not mapped. */
static int fake_peek(uint64_t addr)
{
	if (!fake_entry_at(addr))
		return -1;
	unsigned char *page = fake_page(addr, 0);
	return page ? page[addr & (P - 1)] : 0;
}

static void fake_poke(uint64_t addr, unsigned char byte)
{
	assert(fake_entry_at(addr));
	fake_page(addr, 1)[addr & (P - 1)] = byte;
}

/* The app's access: -1 when it would fault. */
static int fake_app_read(uint64_t addr)
{
	struct fake_entry *e = fake_entry_at(addr);

	return e && (e->prot & MK_VM_PROT_READ) ? fake_peek(addr) : -1;
}

static int fake_app_write(uint64_t addr, unsigned char byte)
{
	struct fake_entry *e = fake_entry_at(addr);

	if (!e || !(e->prot & MK_VM_PROT_WRITE))
		return -1;
	fake_poke(addr, byte);
	return 0;
}

static int fake_check(uint64_t start, uint64_t size, unsigned need)
{
	uint64_t end = (start + size + P - 1) & ~(P - 1);

	start &= ~(P - 1);
	if (!fake_is_mapped(start, end))
		return MK_INVALID_ADDRESS;
	for (uint64_t a = start; a < end; a += P)
		if (need & ~fake_entry_at(a)->prot)
			return MK_PROTECTION_FAILURE;
	return MK_SUCCESS;
}

int64_t mm_vm_copy(uint64_t src, uint64_t size, uint64_t dst)
{
	fake_note(src, size);
	fake_note(dst, size);
	int64_t r = fake_check(src, size, MK_VM_PROT_READ);
	if (r == MK_SUCCESS)
		r = fake_check(dst, size, MK_VM_PROT_WRITE);
	/* Page by page (the memory calls copy whole pages): only pages
	 * with bytes kept need copying, or clearing at the destination. */
	for (uint64_t i = 0; r == MK_SUCCESS && i < size; i += P) {
		unsigned char *from = fake_page(src + i, 0);
		unsigned char *to = fake_page(dst + i, from != NULL);
		if (to)
			from ? memcpy(to, from, P) : memset(to, 0, P);
	}
	return r;
}

/* Fake files: fd 3 a readable file of FAKE_FILE_SIZE bytes, byte i being
 * fake_file_byte(i); 4 open write-only (pread says EBADF, as Linux's);
 * 5 a pipe; 6 a directory; 7 write-only, answering EACCES; others bad. */
#define FAKE_FILE_SIZE 10000ull
static int fake_preads;

static unsigned char fake_file_byte(uint64_t i)
{
	return (unsigned char)(i * 7 + 1);
}

long emu_file_pread(int fd, void *buf, uint64_t len, uint64_t off)
{
	fake_preads++;
	switch (fd) {
	case 3: break;
	case 5: return -ESPIPE;
	case 6: return -EISDIR;
	case 7: return -EACCES;
	default: return -EBADF;
	}
	uint64_t n = 0;
	if (len > 3000)
		len = 3000;             /* short reads, as a server may give */
	for (; n < len && off + n < FAKE_FILE_SIZE; n++)
		fake_poke((uint64_t)buf + n, fake_file_byte(off + n));
	return (long)n;
}

/* Whether fake file 3 counts as open for writing (normally not). */
static int fake_file_writable;

int emu_file_writable(int fd)
{
	return fd == 3 && fake_file_writable;
}

/* A fresh process: the emulator's region mapped, the break at brk_start. */
static void fake_reset(uint64_t brk_start)
{
	fake_entries = 0;
	fake_drop_pages(0, UINT64_MAX);
	mm_vm_allocate(EMULATOR_BASE, EMULATOR_SIZE);
	fake_emulator_hits = 0;
	fake_traps = 0;
	fake_preads = 0;
	emu_mm_init(brk_start);
}

/* The simulated kernel's protection at addr, -1 if unmapped. */
static int fake_prot(uint64_t addr)
{
	struct fake_entry *e = fake_entry_at(addr);

	return e ? (int)e->prot : -1;
}

#endif
