/*
 * mm_space.c: the memory calls' shared state and building blocks
 * (mm_space.h), and emu_mm_init and emu_mm_note.
 *
 * Order of every change: check first (range, room in the table), then
 * change the kernel map, then record in the table, which cannot fail
 * then. A trap that fails after an earlier one of the same call
 * succeeded is undone where it can be (a new allocation is freed).
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"
#include "mm/mm_vm.h"

struct mm_space mm_space;

#define MM_32BIT_LOW  0x40000000ull      /* MAP_32BIT: Linux's window */
#define MM_32BIT_HIGH 0x80000000ull

void emu_mm_init(uint64_t brk_start)
{
	struct mm_region emulator = { .start = EMULATOR_BASE, .end = EMULATOR_END,
				      .kind = MM_RESERVED };

	mm_regions_init(&mm_space.regions);
	mm_regions_insert(&mm_space.regions, &emulator);
	mm_space.brk_start = mm_space.brk = mm_page_up(brk_start);
	mm_space.last_id = 0;
}

long emu_mm_note(uint64_t addr, uint64_t len, uint64_t prot, int anonymous)
{
	uint64_t end = mm_page_up(addr + len);

	if ((addr & MM_PAGE_MASK) || len == 0 || end <= addr || end > MM_USER_END ||
	    addr < MK_USER_MIN || mm_touches_emulator(addr, end) || (prot & ~MM_PROT_RWX))
		return -MM_EINVAL;
	struct mm_regions *t = &mm_space.regions;
	if (!mm_regions_room(t, 1 + mm_regions_remove_need(t, addr, end)))
		return -MM_ENOMEM;
	struct mm_region r = { .start = addr, .end = end, .prot = (uint8_t)prot,
			       .kind = anonymous ? MM_ANON : MM_FILE,
			       .id = anonymous ? 0 : mm_new_id() };
	mm_regions_remove(t, addr, end);
	mm_regions_insert(t, &r);
	return 0;
}

uint32_t mm_new_id(void)
{
	if (++mm_space.last_id == 0)    /* 0 is private anonymous memory's */
		mm_space.last_id = 1;
	return mm_space.last_id;
}

static int hint_is_free(uint64_t hint, uint64_t len)
{
	return hint >= MM_MIN_ADDR && hint <= MM_USER_END - len &&
	       mm_regions_is_free(&mm_space.regions, hint, hint + len);
}

static uint64_t gap(uint64_t len, uint64_t low, uint64_t high, uint64_t below)
{
	if (below && below < high)
		high = below;
	return mm_regions_gap_below(&mm_space.regions, len, low, high);
}

uint64_t mm_place(uint64_t len, uint64_t hint, int low32, uint64_t below)
{
	uint64_t low = mm_space.brk_start > MM_MIN_ADDR ? mm_space.brk_start : MM_MIN_ADDR;
	uint64_t at;

	if (len > MM_USER_END - MM_MIN_ADDR)
		return 0;
	if (low32)
		return gap(len, MM_32BIT_LOW, MM_32BIT_HIGH, below);
	if (!below && hint && hint_is_free(hint, len))
		return hint;
	at = gap(len, low, EMULATOR_MMAP_TOP, below);
	return at ? at : gap(len, MM_MIN_ADDR, MM_USER_END, below);
}

int64_t mm_alloc(uint64_t start, uint64_t end)
{
	return mm_vm_allocate(start, end - start);
}

static unsigned inheritance_of(const struct mm_region *r)
{
	if (r->flags & MM_F_DONTFORK)
		return MK_VM_INHERIT_NONE;
	return r->kind == MM_SHARED ? MK_VM_INHERIT_SHARE : MK_VM_INHERIT_COPY;
}

/* Gives fresh (read/write, maximum all, inherited as a copy) memory r's
 * attributes. */
static int64_t set_attributes(const struct mm_region *r)
{
	uint64_t len = r->end - r->start;
	int64_t rc = MK_SUCCESS;

	if (r->flags & MM_F_NOWRITE)
		rc = mm_vm_protect(r->start, len, 1, LINUX_PROT_READ | LINUX_PROT_EXEC);
	if (rc == MK_SUCCESS && r->prot != (LINUX_PROT_READ | LINUX_PROT_WRITE))
		rc = mm_vm_protect(r->start, len, 0, r->prot);
	if (rc == MK_SUCCESS && inheritance_of(r) != MK_VM_INHERIT_COPY)
		rc = mm_vm_inherit(r->start, len, inheritance_of(r));
	return rc;
}

int64_t mm_commit(const struct mm_region *r)
{
	int64_t rc = set_attributes(r);

	if (rc != MK_SUCCESS) {
		mm_vm_deallocate(r->start, r->end - r->start);
		return rc;
	}
	mm_regions_insert(&mm_space.regions, r);
	return MK_SUCCESS;
}

int64_t mm_map(const struct mm_region *r)
{
	int64_t rc = mm_alloc(r->start, r->end);

	return rc == MK_SUCCESS ? mm_commit(r) : rc;
}

int64_t mm_unmap(uint64_t start, uint64_t end)
{
	int64_t rc = mm_vm_deallocate(start, end - start);

	if (rc == MK_SUCCESS)
		mm_regions_remove(&mm_space.regions, start, end);
	return rc;
}

/* The piece keeps its place in the table; only the kernel's memory is
 * replaced. A failure leaves a hole, which the table then records. */
int64_t mm_zero(const struct mm_region *piece)
{
	uint64_t len = piece->end - piece->start;
	int64_t rc = mm_vm_deallocate(piece->start, len);

	if (rc == MK_SUCCESS)
		rc = mm_alloc(piece->start, piece->end);
	if (rc == MK_SUCCESS)
		rc = set_attributes(piece);
	if (rc != MK_SUCCESS) {
		mm_vm_deallocate(piece->start, len);
		mm_regions_remove(&mm_space.regions, piece->start, piece->end);
	}
	return rc;
}

long mm_errno(int64_t mk)
{
	switch (mk) {
	case MK_PROTECTION_FAILURE:
		return -MM_EACCES;
	case MK_INVALID_ARGUMENT:
		return -MM_EINVAL;
	default:                /* no space, no kernel memory, not mapped */
		return -MM_ENOMEM;
	}
}
