/*
 * vm_map_internal.h: map operations for the rest of vm/ only, where a
 * caller works on a map's regions directly (copy-on-write copies of a
 * range, vm_map_copy.h). All take page-aligned ranges.
 */
#ifndef MK_VM_MAP_INTERNAL_H
#define MK_VM_MAP_INTERNAL_H

#include "vm/vm_map.h"

/* Locks map and checks that [start, end) is mapped without holes and that
 * every region in it allows `need` (MK_VM_PROT_* bits). The map is locked
 * on return whatever the result: MK_INVALID_ADDRESS for a hole or a range
 * outside the map, MK_PROTECTION_FAILURE for a region lacking `need`. */
mk_return_t vm_map_lock_checked(struct vm_map *map, uint64_t start, uint64_t end,
				unsigned need);

/* Map locked: splits regions so that start and end fall on region
 * boundaries (what is mapped does not change). MK_RESOURCE_SHORTAGE. */
mk_return_t vm_map_clip_locked(struct vm_map *map, uint64_t start, uint64_t end);

/* Moves the entries on `entries` (sorted, starting at 0, contiguous,
 * covering size bytes) into map at the first free range at or after
 * *address, shifting them there; *address is where they start. On
 * MK_NO_SPACE the entries are left where they were. Never allocates. */
mk_return_t vm_map_enter_entries(struct vm_map *map, uint64_t *address, uint64_t size,
				 struct list_node *entries);

/* Map locked: gives c a copy-on-write copy of e's region (vm_inherit.c):
 * e and c each get a new shadow in front of e's object, and map's
 * translations of e lose write access. MK_RESOURCE_SHORTAGE leaves e as
 * it was. c's other fields are the caller's. */
mk_return_t vm_map_entry_copy_on_write(struct vm_map *map, struct vm_map_entry *e,
				       struct vm_map_entry *c);

#endif
