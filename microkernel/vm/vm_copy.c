/*
 * vm_copy.c: reading and writing a map's memory from the kernel, whichever
 * address space is active: each page is faulted in through the map (so
 * copy-on-write and zero-fill apply) and reached through the direct map.
 * Used by the bootstrap loader and by vm_read/vm_write on other tasks.
 */
#include "arch/x86_64/layout.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map.h"

static mk_return_t copy_pages(struct vm_map *map, uint64_t address, void *buf,
			      uint64_t len, int write)
{
	char *p = buf;

	while (len) {
		uint64_t in_page = MK_PAGE_SIZE - (address & (MK_PAGE_SIZE - 1));
		uint64_t n = len < in_page ? len : in_page;
		mk_return_t r = vm_fault(map, address, write);
		if (r != MK_SUCCESS)
			return r;
		uint64_t phys = pmap_extract(map->pmap, address, NULL);
		char *k = (char *)(DIRECT_MAP_BASE + phys + (address & (MK_PAGE_SIZE - 1)));
		if (write)
			memcpy(k, p, n);
		else
			memcpy(p, k, n);
		address += n;
		p += n;
		len -= n;
	}
	return MK_SUCCESS;
}

mk_return_t vm_map_write(struct vm_map *map, uint64_t address, const void *src, uint64_t len)
{
	return copy_pages(map, address, (void *)src, len, 1);
}

mk_return_t vm_map_read(struct vm_map *map, uint64_t address, void *dst, uint64_t len)
{
	return copy_pages(map, address, dst, len, 0);
}
