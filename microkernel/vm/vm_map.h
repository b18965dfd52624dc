/*
 * vm_map.h: a task's address map, a sorted list of non-overlapping regions,
 * each mapping a memory object at an offset with a protection, a maximum
 * protection and an inheritance. The pmap below caches translations; the
 * map is the truth, and faults consult it.
 *
 * Lock order: map lock, then object lock. A fault never blocks with the
 * map locked: one that must wait for a pager unlocks it, waits, and
 * starts again (vm_pager.h).
 */
#ifndef MK_VM_MAP_H
#define MK_VM_MAP_H

#include <stdint.h>

#include "arch/x86_64/pmap.h"
#include "kern/spinlock.h"
#include "lib/list.h"
#include "mk/types.h"
#include "vm/vm_object.h"

struct vm_map_entry {
	struct list_node link;
	uint64_t start, end;            /* page aligned, end exclusive */
	struct vm_object *object;       /* referenced */
	uint64_t offset;                /* of start within object */
	unsigned protection, max_protection, inheritance;
};

struct vm_map {
	struct spinlock lock;
	/* Guarded by lock: */
	struct list_node entries;
	struct pmap *pmap;              /* owned */
	uint64_t min, max;
};

struct vm_map *vm_map_create(void);
void vm_map_destroy(struct vm_map *map);

mk_return_t vm_map_allocate(struct vm_map *map, uint64_t *address, uint64_t size, int anywhere);
mk_return_t vm_map_enter_object(struct vm_map *map, uint64_t *address, uint64_t size,
				int anywhere, struct vm_object *object, uint64_t offset,
				unsigned protection, unsigned max_protection);
mk_return_t vm_map_deallocate(struct vm_map *map, uint64_t start, uint64_t size);
mk_return_t vm_map_protect(struct vm_map *map, uint64_t start, uint64_t size,
			   int set_maximum, unsigned protection);
mk_return_t vm_map_inherit(struct vm_map *map, uint64_t start, uint64_t size,
			   unsigned inheritance);
/* Fills an empty child map from parent by each region's inheritance. */
mk_return_t vm_map_inherit_into(struct vm_map *parent, struct vm_map *child);

/* Copies between kernel memory and the map's (any map, active or not),
 * faulting pages in as the access would. */
mk_return_t vm_map_write(struct vm_map *map, uint64_t address, const void *src, uint64_t len);
mk_return_t vm_map_read(struct vm_map *map, uint64_t address, void *dst, uint64_t len);

/* Resolves a fault at address; write when the access was a write. */
mk_return_t vm_fault(struct vm_map *map, uint64_t address, int write);

#endif
