/*
 * mm_brk.c: emu_brk, Linux's rules (mm/mmap.c, checked on the host):
 * brk(0) and anything below the start answer the current break; within
 * the same page only the value changes; shrinking always succeeds and
 * unmaps the whole pages above the new break; growing maps zero-filled
 * private anonymous memory up to the new break's page, only when that
 * range and one guard page above it are free. A failure answers the old
 * break. The break's memory is ordinary private anonymous memory in the
 * table (it merges with neighbours of the same kind, as Linux's does).
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"

static int can_grow_to(uint64_t old_page, uint64_t new_page)
{
	if (new_page == 0 || new_page > MM_USER_END - MM_PAGE)
		return 0;
	return mm_regions_is_free(&mm_space.regions, old_page, new_page + MM_PAGE) &&
	       mm_regions_room(&mm_space.regions, 1);
}

long emu_brk(uint64_t addr)
{
	uint64_t old_page = mm_page_up(mm_space.brk), new_page = mm_page_up(addr);

	if (addr < mm_space.brk_start)
		return (long)mm_space.brk;
	if (new_page == old_page) {
		mm_space.brk = addr;
	} else if (addr < mm_space.brk) {
		struct mm_regions *t = &mm_space.regions;
		if (mm_regions_room(t, mm_regions_remove_need(t, new_page, old_page)) &&
		    mm_unmap(new_page, old_page) == MK_SUCCESS)
			mm_space.brk = addr;
	} else if (can_grow_to(old_page, new_page)) {
		struct mm_region r = { .start = old_page, .end = new_page, .kind = MM_ANON,
				       .prot = LINUX_PROT_READ | LINUX_PROT_WRITE };
		if (mm_map(&r) == MK_SUCCESS)
			mm_space.brk = addr;
	}
	return (long)mm_space.brk;
}
