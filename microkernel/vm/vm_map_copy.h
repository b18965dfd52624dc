/*
 * vm_map_copy.h: a snapshot of a range of one address map, held by the
 * kernel until it is mapped into another (or the same) map: the memory
 * of an out-of-line message region in flight, or of vm_read.
 *
 * A copy is a list of map entries whose addresses are relative to the
 * page holding its first byte. Whole pages of the range are shared
 * copy-on-write with the source (vm_map_entry_copy_on_write); a page the
 * range covers only in part is copied by value into a page of its own
 * whose bytes outside the range are zero, so a copy never carries a byte
 * the source did not name. Regions the source shares with another task
 * (MK_VM_INHERIT_SHARE) are also copied by value: a shadow in front of
 * them would silently end the sharing.
 *
 * Lock order: takes one map's lock at a time, never with IPC locks held.
 */
#ifndef MK_VM_MAP_COPY_H
#define MK_VM_MAP_COPY_H

#include <stdint.h>

#include "lib/list.h"
#include "mk/types.h"

struct vm_map;

struct vm_map_copy {
	uint64_t size;                  /* bytes of data */
	uint64_t offset;                /* of the first byte in the first page */
	struct list_node entries;       /* struct vm_map_entry, from 0, contiguous */
};

/* Captures [address, address + size) of map (size > 0; the source is
 * unchanged as far as any task can see). Errors: MK_INVALID_ADDRESS (a
 * hole, or outside user space, or overflow), MK_PROTECTION_FAILURE (not
 * readable), MK_RESOURCE_SHORTAGE. When will_remove, the region's page
 * boundaries are also made region boundaries of map, so that removing
 * the range afterwards (vm_map_deallocate) needs no memory and cannot
 * fail if nothing changed the map in between. */
mk_return_t vm_map_copyin(struct vm_map *map, uint64_t address, uint64_t size,
			  int will_remove, struct vm_map_copy **out);

/* Maps copy into map at a free address the kernel chooses (read/write,
 * inherited by copy); *address is where the data starts (the same offset
 * in its page as at the source). Consumes copy on success; on
 * MK_NO_SPACE the copy is untouched and still the caller's. */
mk_return_t vm_map_copyout(struct vm_map *map, struct vm_map_copy *copy, uint64_t *address);

/* Frees a copy that will not be mapped (NULL: nothing). */
void vm_map_copy_discard(struct vm_map_copy *copy);

#endif
