/*
 * vm_fault.c: resolving a page fault against an address map, in the four
 * steps of Mach's fault handler:
 *   1. find the region and check the access against its protection;
 *   2. find the page: in the region's object, or down its shadow chain
 *      (first merging backing objects only the chain still uses);
 *      absent everywhere means a zero-filled page in the top object (a
 *      pager-backed object will ask its pager here);
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

/* Step 2: the object in the chain holding the page at offset, if any. */
static struct vm_page *find_in_chain(struct vm_object *top, uint64_t offset,
				     struct vm_object **holder)
{
	uint64_t off = offset;

	for (struct vm_object *o = top; o; o = o->shadow) {
		spin_lock(&o->lock);
		struct vm_page *p = vm_object_page_lookup(o, off);
		spin_unlock(&o->lock);
		if (p) {
			*holder = o;
			return p;
		}
		off += o->shadow_offset;
	}
	return NULL;
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

mk_return_t vm_fault(struct vm_map *map, uint64_t address, int write)
{
	uint64_t page = address & ~(uint64_t)(MK_PAGE_SIZE - 1);
	mk_return_t r = MK_SUCCESS;

	spin_lock(&map->lock);
	struct vm_map_entry *e = lookup_entry(map, page);
	if (!e) {
		r = MK_INVALID_ADDRESS;
		goto out;
	}
	unsigned need = write ? MK_VM_PROT_WRITE : MK_VM_PROT_READ;
	if (!(e->protection & need)) {
		r = MK_PROTECTION_FAILURE;
		goto out;
	}
	uint64_t offset = e->offset + (page - e->start);
	struct vm_object *holder = NULL;
	vm_object_collapse(e->object);
	struct vm_page *p = find_in_chain(e->object, offset, &holder);
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
		r = MK_RESOURCE_SHORTAGE;
	else
		r = pmap_enter(map->pmap, page, p->phys, prot);
out:
	spin_unlock(&map->lock);
	return r;
}
