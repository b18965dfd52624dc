/*
 * vm_map_copy.c: map copies (vm_map_copy.h): capturing a range of a map,
 * mapping a capture into a map, and discarding one.
 *
 * Capture has two phases. With the source map locked: check the range,
 * clip its whole pages into regions of their own, and give each such
 * region a copy-on-write twin in the copy; pages to be copied by value
 * (partial pages, shared regions) get an entry with no object yet. Then,
 * unlocked (reading may fault): fill those entries with copied pages. A
 * failure in either phase discards the copy; the copy-on-write step
 * already taken changes nothing any task can see.
 */
#include "arch/x86_64/layout.h"
#include "kern/alloc.h"
#include "kern/pmm.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map_copy.h"
#include "vm/vm_map_internal.h"

#define PAGE_MASK ((uint64_t)MK_PAGE_SIZE - 1)

static uint64_t round_down(uint64_t x) { return x & ~PAGE_MASK; }
static uint64_t round_up(uint64_t x) { return (x + PAGE_MASK) & ~PAGE_MASK; }

/* Appends an entry for copy's [start, end) (relative), object NULL. */
static struct vm_map_entry *append_entry(struct vm_map_copy *copy, uint64_t start, uint64_t end)
{
	struct vm_map_entry *c = kzalloc(sizeof(*c));

	if (!c)
		return NULL;
	c->start = start;
	c->end = end;
	c->protection = MK_VM_PROT_READ | MK_VM_PROT_WRITE;
	c->max_protection = MK_VM_PROT_ALL;
	c->inheritance = MK_VM_INHERIT_COPY;
	list_push_back(&copy->entries, &c->link);
	return c;
}

/* Map locked and [lo, hi) clipped: a twin of each region in it, based at
 * `base` (the source address of copy offset 0). */
static mk_return_t capture_regions(struct vm_map *map, struct vm_map_copy *copy,
				   uint64_t base, uint64_t lo, uint64_t hi)
{
	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = list_entry(n, struct vm_map_entry, link);
		if (e->end <= lo || e->start >= hi)
			continue;
		struct vm_map_entry *c = append_entry(copy, e->start - base, e->end - base);
		if (!c)
			return MK_RESOURCE_SHORTAGE;
		if (e->inheritance == MK_VM_INHERIT_SHARE)
			continue;               /* copied by value in fill() */
		mk_return_t r = vm_map_entry_copy_on_write(map, e, c);
		if (r != MK_SUCCESS)
			return r;
	}
	return MK_SUCCESS;
}

/* Phase one (see the top of the file). [first, end) are the range's
 * pages, [lo, hi) its whole pages shared copy-on-write. */
static mk_return_t capture(struct vm_map *map, struct vm_map_copy *copy, uint64_t first,
			   uint64_t lo, uint64_t hi, uint64_t end, int will_remove)
{
	mk_return_t r = vm_map_lock_checked(map, first, end, MK_VM_PROT_READ);

	if (r == MK_SUCCESS && will_remove)
		r = vm_map_clip_locked(map, first, end);
	if (r == MK_SUCCESS && lo < hi)
		r = vm_map_clip_locked(map, lo, hi);
	if (r == MK_SUCCESS && first < lo && !append_entry(copy, 0, lo - first))
		r = MK_RESOURCE_SHORTAGE;
	if (r == MK_SUCCESS && lo < hi)
		r = capture_regions(map, copy, first, lo, hi);
	if (r == MK_SUCCESS && hi < end && !append_entry(copy, hi - first, end - first))
		r = MK_RESOURCE_SHORTAGE;
	spin_unlock(&map->lock);
	return r;
}

/* A page holding the bytes of [from, to) (within one page) of map at
 * their offset, zero elsewhere; 0 on failure (*r says why). */
static uint64_t copied_page(struct vm_map *map, uint64_t from, uint64_t to, mk_return_t *r)
{
	uint64_t phys = pmm_alloc();

	if (!phys) {
		*r = MK_RESOURCE_SHORTAGE;
		return 0;
	}
	char *page = (char *)(DIRECT_MAP_BASE + phys);
	memset(page, 0, MK_PAGE_SIZE);
	*r = vm_map_read(map, from, page + (from & PAGE_MASK), to - from);
	if (*r != MK_SUCCESS) {
		pmm_free(phys);
		return 0;
	}
	return phys;
}

/* Phase two: entries without an object get one holding copies of the
 * source's bytes in [address, address + size). */
static mk_return_t fill(struct vm_map *map, struct vm_map_copy *copy, uint64_t address,
			uint64_t size)
{
	uint64_t base = round_down(address), last = address + size;

	list_for_each(n, &copy->entries) {
		struct vm_map_entry *c = list_entry(n, struct vm_map_entry, link);
		if (c->object)
			continue;
		c->object = vm_object_create_anonymous();
		if (!c->object)
			return MK_RESOURCE_SHORTAGE;
		for (uint64_t p = base + c->start; p < base + c->end; p += MK_PAGE_SIZE) {
			uint64_t from = p < address ? address : p;
			uint64_t to = p + MK_PAGE_SIZE < last ? p + MK_PAGE_SIZE : last;
			mk_return_t r;
			uint64_t phys = copied_page(map, from, to, &r);
			if (!phys)
				return r;
			spin_lock(&c->object->lock);
			struct vm_page *page = vm_object_page_insert(c->object, p - base - c->start, phys);
			spin_unlock(&c->object->lock);
			if (!page) {
				pmm_free(phys);
				return MK_RESOURCE_SHORTAGE;
			}
		}
	}
	return MK_SUCCESS;
}

mk_return_t vm_map_copyin(struct vm_map *map, uint64_t address, uint64_t size,
			  int will_remove, struct vm_map_copy **out)
{
	if (size == 0 || address < MK_USER_MIN || address > MK_USER_MAX ||
	    size > MK_USER_MAX - address)
		return MK_INVALID_ADDRESS;
	struct vm_map_copy *copy = kmalloc(sizeof(*copy));
	if (!copy)
		return MK_RESOURCE_SHORTAGE;
	copy->size = size;
	copy->offset = address & PAGE_MASK;
	list_init(&copy->entries);
	/* Partial first and last pages are copied by value (vm_map_copy.h). */
	uint64_t first = round_down(address), end = round_up(address + size);
	uint64_t lo = copy->offset ? first + MK_PAGE_SIZE : first;
	uint64_t hi = (address + size) & PAGE_MASK ? end - MK_PAGE_SIZE : end;
	if (lo > end)
		lo = end;
	if (hi < lo)
		hi = lo;
	mk_return_t r = capture(map, copy, first, lo, hi, end, will_remove);
	if (r == MK_SUCCESS)
		r = fill(map, copy, address, size);
	if (r != MK_SUCCESS) {
		vm_map_copy_discard(copy);
		return r;
	}
	*out = copy;
	return MK_SUCCESS;
}

mk_return_t vm_map_copyout(struct vm_map *map, struct vm_map_copy *copy, uint64_t *address)
{
	uint64_t at = 0;
	mk_return_t r = vm_map_enter_entries(map, &at, round_up(copy->offset + copy->size),
					     &copy->entries);

	if (r != MK_SUCCESS)
		return r;
	*address = at + copy->offset;
	kfree(copy);
	return MK_SUCCESS;
}

void vm_map_copy_discard(struct vm_map_copy *copy)
{
	struct list_node *n;

	if (!copy)
		return;
	while ((n = list_pop_front(&copy->entries))) {
		struct vm_map_entry *c = list_entry(n, struct vm_map_entry, link);
		if (c->object)
			vm_object_release(c->object);
		kfree(c);
	}
	kfree(copy);
}
