/*
 * vm_map.c: regions of an address map: finding room, entering objects,
 * clipping regions at range boundaries, and removing, protecting and
 * inheriting ranges. Every range operation first clips so that the range
 * starts and ends on region boundaries; clipping never changes what is
 * mapped, so a failure after it leaves the map's meaning intact.
 */
#include "kern/alloc.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map.h"

#define PAGE_MASK (MK_PAGE_SIZE - 1)

static struct vm_map_entry *entry_of(struct list_node *n)
{
	return list_entry(n, struct vm_map_entry, link);
}

struct vm_map *vm_map_create(void)
{
	struct vm_map *map = kzalloc(sizeof(*map));

	if (!map)
		return NULL;
	map->pmap = pmap_create();
	if (!map->pmap) {
		kfree(map);
		return NULL;
	}
	spin_init(&map->lock);
	list_init(&map->entries);
	map->min = MK_USER_MIN;
	map->max = MK_USER_MAX;
	return map;
}

static void entry_remove(struct vm_map *map, struct vm_map_entry *e)
{
	pmap_remove(map->pmap, e->start, e->end);
	list_remove(&e->link);
	vm_object_release(e->object);
	kfree(e);
}

void vm_map_destroy(struct vm_map *map)
{
	while (!list_is_empty(&map->entries))
		entry_remove(map, entry_of(map->entries.next));
	pmap_destroy(map->pmap);
	kfree(map);
}

/* Splits e so that a new region starts at address (e->start < address < e->end). */
static mk_return_t clip(struct vm_map_entry *e, uint64_t address)
{
	struct vm_map_entry *tail = kmalloc(sizeof(*tail));

	if (!tail)
		return MK_RESOURCE_SHORTAGE;
	*tail = *e;
	tail->start = address;
	tail->offset += address - e->start;
	vm_object_reference(tail->object);
	e->end = address;
	list_insert_before(e->link.next, &tail->link);
	return MK_SUCCESS;
}

static mk_return_t clip_range(struct vm_map *map, uint64_t start, uint64_t end)
{
	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = entry_of(n);
		mk_return_t r = MK_SUCCESS;
		if (e->start < start && start < e->end)
			r = clip(e, start);
		else if (e->start < end && end < e->end)
			r = clip(e, end);
		if (r != MK_SUCCESS)
			return r;
	}
	return MK_SUCCESS;
}

/* Page-aligns [address, address + size) outward; 0 if it is not in user space. */
static int round_range(struct vm_map *map, uint64_t address, uint64_t size,
		       uint64_t *start, uint64_t *end)
{
	if (size == 0 || size > map->max || address > map->max - size)
		return 0;
	*start = address & ~PAGE_MASK;
	*end = (address + size + PAGE_MASK) & ~PAGE_MASK;
	return *start >= map->min && *end <= map->max;
}

static int range_is_free(struct vm_map *map, uint64_t start, uint64_t end)
{
	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = entry_of(n);
		if (e->start < end && start < e->end)
			return 0;
	}
	return 1;
}

/* The first gap of size bytes at or after hint; 0 when there is none. */
static uint64_t find_space(struct vm_map *map, uint64_t size, uint64_t hint)
{
	uint64_t candidate = hint < map->min ? map->min : (hint + PAGE_MASK) & ~PAGE_MASK;

	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = entry_of(n);
		if (e->end <= candidate)
			continue;
		if (e->start >= candidate && e->start - candidate >= size)
			break;
		candidate = e->end;
	}
	return candidate <= map->max && map->max - candidate >= size ? candidate : 0;
}

static void insert_sorted(struct vm_map *map, struct vm_map_entry *e)
{
	list_for_each(n, &map->entries) {
		if (entry_of(n)->start > e->start) {
			list_insert_before(n, &e->link);
			return;
		}
	}
	list_push_back(&map->entries, &e->link);
}

mk_return_t vm_map_enter_object(struct vm_map *map, uint64_t *address, uint64_t size,
				int anywhere, struct vm_object *object, uint64_t offset,
				unsigned protection, unsigned max_protection)
{
	uint64_t start, end;

	if ((protection | max_protection) & ~MK_VM_PROT_ALL || (protection & ~max_protection))
		return MK_INVALID_ARGUMENT;
	if (anywhere) {
		size = (size + PAGE_MASK) & ~PAGE_MASK;
		if (size == 0)
			return MK_INVALID_ARGUMENT;
	} else if (*address & PAGE_MASK) {
		return MK_INVALID_ARGUMENT;
	}
	struct vm_map_entry *e = kzalloc(sizeof(*e));
	if (!e)
		return MK_RESOURCE_SHORTAGE;
	spin_lock(&map->lock);
	mk_return_t r = MK_SUCCESS;
	if (anywhere) {
		start = find_space(map, size, *address);
		end = start + size;
		if (!start)
			r = MK_NO_SPACE;
	} else if (!round_range(map, *address, size, &start, &end)) {
		r = MK_INVALID_ADDRESS;
	} else if (!range_is_free(map, start, end)) {
		r = MK_NO_SPACE;
	}
	if (r == MK_SUCCESS) {
		*e = (struct vm_map_entry){ .start = start, .end = end, .object = object,
					    .offset = offset, .protection = protection,
					    .max_protection = max_protection,
					    .inheritance = MK_VM_INHERIT_COPY };
		insert_sorted(map, e);
		*address = start;
	}
	spin_unlock(&map->lock);
	if (r != MK_SUCCESS)
		kfree(e);
	return r;
}

mk_return_t vm_map_allocate(struct vm_map *map, uint64_t *address, uint64_t size, int anywhere)
{
	struct vm_object *o = vm_object_create_anonymous();

	if (!o)
		return MK_RESOURCE_SHORTAGE;
	mk_return_t r = vm_map_enter_object(map, address, size, anywhere, o, 0,
					    MK_VM_PROT_READ | MK_VM_PROT_WRITE, MK_VM_PROT_ALL);
	if (r != MK_SUCCESS)
		vm_object_release(o);
	return r;
}

mk_return_t vm_map_deallocate(struct vm_map *map, uint64_t address, uint64_t size)
{
	uint64_t start, end;

	if (!round_range(map, address, size, &start, &end))
		return MK_INVALID_ADDRESS;
	spin_lock(&map->lock);
	mk_return_t r = clip_range(map, start, end);
	for (struct list_node *n = map->entries.next; r == MK_SUCCESS && n != &map->entries;) {
		struct vm_map_entry *e = entry_of(n);
		n = n->next;
		if (e->start >= start && e->end <= end)
			entry_remove(map, e);
	}
	spin_unlock(&map->lock);
	return r;
}

/* Checks that [start, end) is fully mapped with no holes. */
static int range_is_mapped(struct vm_map *map, uint64_t start, uint64_t end)
{
	uint64_t covered = start;

	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = entry_of(n);
		if (e->end <= covered || e->start >= end)
			continue;
		if (e->start > covered)
			return 0;
		covered = e->end;
	}
	return covered >= end;
}

/* Rounds the range, locks the map, and clips so that the range starts and
 * ends on region boundaries. The map is locked on return, whatever the
 * result: MK_INVALID_ADDRESS when any part of the range is not mapped. */
static mk_return_t lock_mapped_range(struct vm_map *map, uint64_t address, uint64_t size,
				     uint64_t *start, uint64_t *end)
{
	int valid = round_range(map, address, size, start, end);

	spin_lock(&map->lock);
	if (!valid || !range_is_mapped(map, *start, *end))
		return MK_INVALID_ADDRESS;
	return clip_range(map, *start, *end);
}

#define for_each_entry_in(map, e, start, end)                                   \
	list_for_each(n_, &(map)->entries)                                      \
		for (struct vm_map_entry *e = entry_of(n_); e; e = NULL)        \
			if (e->start >= (start) && e->end <= (end))

mk_return_t vm_map_protect(struct vm_map *map, uint64_t address, uint64_t size,
			   int set_maximum, unsigned protection)
{
	uint64_t start, end;

	if (protection & ~MK_VM_PROT_ALL)
		return MK_INVALID_ARGUMENT;
	mk_return_t r = lock_mapped_range(map, address, size, &start, &end);
	if (r == MK_SUCCESS && !set_maximum) {
		for_each_entry_in(map, e, start, end)
			if (protection & ~e->max_protection)
				r = MK_PROTECTION_FAILURE;
	}
	if (r == MK_SUCCESS) {
		for_each_entry_in(map, e, start, end) {
			if (set_maximum) {
				e->max_protection = protection;
				e->protection &= protection;
			} else {
				e->protection = protection;
			}
			pmap_protect(map->pmap, e->start, e->end, e->protection);
		}
	}
	spin_unlock(&map->lock);
	return r;
}

mk_return_t vm_map_inherit(struct vm_map *map, uint64_t address, uint64_t size,
			   unsigned inheritance)
{
	uint64_t start, end;

	if (inheritance > MK_VM_INHERIT_COPY)
		return MK_INVALID_ARGUMENT;
	mk_return_t r = lock_mapped_range(map, address, size, &start, &end);
	if (r == MK_SUCCESS)
		for_each_entry_in(map, e, start, end)
			e->inheritance = inheritance;
	spin_unlock(&map->lock);
	return r;
}

/* For vm/ only (vm_map_internal.h). */

mk_return_t vm_map_lock_checked(struct vm_map *map, uint64_t start, uint64_t end,
				unsigned need)
{
	spin_lock(&map->lock);
	if (start < map->min || end > map->max || start >= end ||
	    !range_is_mapped(map, start, end))
		return MK_INVALID_ADDRESS;
	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = entry_of(n);
		if (e->start < end && start < e->end && (need & ~e->protection))
			return MK_PROTECTION_FAILURE;
	}
	return MK_SUCCESS;
}

mk_return_t vm_map_clip_locked(struct vm_map *map, uint64_t start, uint64_t end)
{
	return clip_range(map, start, end);
}

mk_return_t vm_map_enter_entries(struct vm_map *map, uint64_t *address, uint64_t size,
				 struct list_node *entries)
{
	spin_lock(&map->lock);
	uint64_t base = find_space(map, size, *address);
	if (base) {
		struct list_node *n;
		while ((n = list_pop_front(entries))) {
			struct vm_map_entry *e = entry_of(n);
			e->start += base;
			e->end += base;
			insert_sorted(map, e);
		}
		*address = base;
	}
	spin_unlock(&map->lock);
	return base ? MK_SUCCESS : MK_NO_SPACE;
}
