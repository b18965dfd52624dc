/*
 * mm_munmap.c: emu_munmap. The kernel removes whatever lies in the range,
 * holes included, as Linux does; the table forgets it. The emulator's
 * region is to the app what addresses at or above TASK_SIZE are: EINVAL,
 * nothing unmapped.
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"

long emu_munmap(uint64_t addr, uint64_t len)
{
	if ((addr & MM_PAGE_MASK) || addr > MM_USER_END || len > MM_USER_END - addr)
		return -MM_EINVAL;
	len = mm_page_up(len);
	if (len == 0 || mm_touches_emulator(addr, addr + len))
		return -MM_EINVAL;
	uint64_t end = addr + len;
	if (addr < MK_USER_MIN)         /* the kernel's first page: never mapped */
		addr = MK_USER_MIN;
	if (addr >= end)
		return 0;
	if (!mm_regions_room(&mm_space.regions, mm_regions_remove_need(&mm_space.regions, addr, end)))
		return -MM_ENOMEM;   /* Linux: a split past vm.max_map_count */
	return mm_unmap(addr, end) == MK_SUCCESS ? 0 : -MM_ENOMEM;
}
