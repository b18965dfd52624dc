/*
 * mm_mprotect.c: emu_mprotect. The range is walked in pieces, as Linux
 * walks its VMAs: each piece the table knows is changed in the kernel
 * and the table; a hole in the table is asked of the kernel (exec's image
 * and stack may be mapped there): if the kernel changes it, the table
 * records it as file memory from then on; if not, the call stops with
 * ENOMEM, the pieces before it changed (Linux does the same).
 *
 * The emulator's region, and anything at or above TASK_SIZE, is a hole
 * the kernel is not asked about. PROT_GROWSDOWN and PROT_GROWSUP are
 * refused (EINVAL) on every mapping: MAP_GROWSDOWN is accepted by mmap
 * but makes an ordinary mapping.
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"
#include "mm/mm_vm.h"

#define MM_PROT_VALID (MM_PROT_RWX | LINUX_PROT_SEM)
#define MM_PROT_GROWS (LINUX_PROT_GROWSDOWN | LINUX_PROT_GROWSUP)

/* The hole [start, end): the kernel says whether it is mapped. */
static long protect_hole(uint64_t start, uint64_t end, uint8_t prot)
{
	if (start < MK_USER_MIN || end > MM_USER_END || mm_touches_emulator(start, end))
		return -MM_ENOMEM;
	if (!mm_regions_room(&mm_space.regions, 1))
		return -MM_ENOMEM;
	int64_t rc = mm_vm_protect(start, end - start, 0, prot);
	if (rc != MK_SUCCESS)
		return mm_errno(rc);
	struct mm_region r = { .start = start, .end = end, .prot = prot, .kind = MM_FILE,
			       .id = mm_new_id() };
	mm_regions_insert(&mm_space.regions, &r);
	return 0;
}

static long protect_piece(const struct mm_region *in, uint64_t start, uint64_t end, uint8_t prot)
{
	if (in->kind == MM_RESERVED)
		return -MM_ENOMEM;
	if ((in->flags & MM_F_NOWRITE) && (prot & LINUX_PROT_WRITE))
		return -MM_EACCES;
	if (!mm_regions_room(&mm_space.regions, 2))
		return -MM_ENOMEM;
	int64_t rc = mm_vm_protect(start, end - start, 0, prot);
	if (rc != MK_SUCCESS)
		return mm_errno(rc);
	mm_regions_set_prot(&mm_space.regions, start, end, prot);
	return 0;
}

long emu_mprotect(uint64_t addr, uint64_t len, uint64_t prot)
{
	uint64_t grows = prot & MM_PROT_GROWS;

	if (grows == MM_PROT_GROWS || (addr & MM_PAGE_MASK))
		return -MM_EINVAL;
	if (len == 0)
		return 0;
	uint64_t end = addr + mm_page_up(len);
	if (end <= addr)
		return -MM_ENOMEM;
	if ((prot & ~grows) & ~(uint64_t)MM_PROT_VALID)
		return -MM_EINVAL;
	if (grows)
		return mm_regions_find(&mm_space.regions, addr) ? -MM_EINVAL : -MM_ENOMEM;
	uint8_t p = (uint8_t)(prot & MM_PROT_RWX);
	for (uint64_t at = addr; at < end;) {
		const struct mm_region *r = mm_regions_next(&mm_space.regions, at);
		uint64_t stop = r && r->start <= at ? r->end : r && r->start < end ? r->start : end;
		if (stop > end)
			stop = end;
		long e = r && r->start <= at ? protect_piece(r, at, stop, p) : protect_hole(at, stop, p);
		if (e)
			return e;
		at = stop;
	}
	return 0;
}
