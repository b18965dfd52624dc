/*
 * vm_fault.c: resolving a page fault against an address map, in the four
 * steps of Mach's fault handler:
 *   1. find the region and check the access against its protection;
 *   2. find the page: in the region's object, or down its shadow chain
 *      (first merging backing objects only the chain still uses);
 *      absent everywhere means a zero-filled page in the top object,
 *      unless a pager-backed object (the bottom of a chain) lacks it:
 *      then its pager is asked (vm_pager_fault.c) and, the map unlocked,
 *      the fault waits for the answer and starts again from step 1;
 *   3. on a write to a page found in a backing object, copy it into the
 *      top object (copy-on-write); a read maps the backing page read-only;
 *   4. enter the translation in the pmap.
 */
#include "arch/x86_64/layout.h"
#include "kern/pmm.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map.h"
#include "vm/vm_pager.h"

static struct vm_map_entry *lookup_entry(struct vm_map *map, uint64_t address)
{
	list_for_each(n, &map->entries) {
		struct vm_map_entry *e = list_entry(n, struct vm_map_entry, link);
		if (address >= e->start && address < e->end)
			return e;
	}
	return NULL;
}

static void *frame(uint64_t phys)
{
	return (void *)(DIRECT_MAP_BASE + phys);
}

/* Step 2: the page at offset in top's chain and *holder, the object
 * holding it; *page NULL when no object has it and none has a pager.
 * VM_FAULT_WAIT (with *w) when a pager must supply it first. */
static mk_return_t find_in_chain(struct vm_object *top, uint64_t offset, unsigned access,
				 struct vm_page **page, struct vm_object **holder,
				 struct vm_pager_wait *w)
{
	uint64_t off = offset;

	*page = NULL;
	for (struct vm_object *o = top; o; o = o->shadow) {
		mk_return_t r = MK_SUCCESS;
		spin_lock(&o->lock);
		struct vm_page *p = vm_object_page_lookup(o, off);
		if (p ? !p->phys : o->pager != NULL)
			r = vm_pager_fault_locked(o, p, off, o == top ? access : MK_VM_PROT_READ, w);
		spin_unlock(&o->lock);
		if (r != MK_SUCCESS || p) {
			*page = p;
			*holder = o;
			return r;
		}
		off += o->shadow_offset;
	}
	return MK_SUCCESS;
}

/* A new page at offset in top, zeroed or copied from source. */
static struct vm_page *new_page(struct vm_object *top, uint64_t offset, uint64_t source)
{
	uint64_t phys = pmm_alloc();

	if (!phys)
		return NULL;
	if (source)
		memcpy(frame(phys), frame(source), MK_PAGE_SIZE);
	else
		memset(frame(phys), 0, MK_PAGE_SIZE);
	spin_lock(&top->lock);
	struct vm_page *p = vm_object_page_insert(top, offset, phys);
	spin_unlock(&top->lock);
	if (!p)
		pmm_free(phys);
	return p;
}

/* Steps 1 to 4 with the map locked; VM_FAULT_WAIT when a pager must
 * answer first. */
static mk_return_t fault_locked(struct vm_map *map, uint64_t page, int write,
				struct vm_pager_wait *w)
{
	struct vm_map_entry *e = lookup_entry(map, page);
	if (!e)
		return MK_INVALID_ADDRESS;
	unsigned need = write ? MK_VM_PROT_WRITE : MK_VM_PROT_READ;
	if (!(e->protection & need))
		return MK_PROTECTION_FAILURE;
	uint64_t offset = e->offset + (page - e->start);
	struct vm_object *holder = NULL;
	struct vm_page *p;
	vm_object_collapse(e->object);
	mk_return_t r = find_in_chain(e->object, offset, need, &p, &holder, w);
	if (r != MK_SUCCESS)
		return r;
	unsigned prot = e->protection;
	if (!p) {
		p = new_page(e->object, offset, 0);
	} else if (holder != e->object) {
		if (write)
			p = new_page(e->object, offset, p->phys);
		else
			prot &= ~MK_VM_PROT_WRITE;
	}
	if (!p)
		return MK_RESOURCE_SHORTAGE;
	return pmap_enter(map->pmap, page, p->phys, prot);
}

mk_return_t vm_fault(struct vm_map *map, uint64_t address, int write)
{
	uint64_t page = address & ~(uint64_t)(MK_PAGE_SIZE - 1);

	for (;;) {
		/* Filled by fault_locked when it returns VM_FAULT_WAIT; zeroed
		 * because gcc's whole-program analysis cannot see that. */
		struct vm_pager_wait w = { 0 };
		spin_lock(&map->lock);
		mk_return_t r = fault_locked(map, page, write, &w);
		spin_unlock(&map->lock);
		if (r != VM_FAULT_WAIT)
			return r;
		r = vm_pager_fault_wait(&w);
		if (r != MK_SUCCESS)
			return r;
	}
}
