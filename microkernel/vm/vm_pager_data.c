/*
 * vm_pager_data.c: a pager's answers to data requests (see vm_pager.h
 * and mk/pager.h): pages supplied, pages to zero-fill, and errors.
 *
 * Check, then commit: new pages are made and filled first, with no lock
 * held (copying from the pager's memory may fault, even on a page of this
 * very object); then, under the object's lock, each one fills a
 * placeholder or an absent page (prefetch). A page the object already
 * holds is left as it is. Every answer wakes the object's waiters, who
 * look at their page again.
 */
#include "arch/x86_64/layout.h"
#include "kern/alloc.h"
#include "kern/pmm.h"
#include "kern/usercopy.h"
#include "lib/string.h"
#include "mk/pager.h"
#include "vm/vm_pager.h"

#define PAGE_MASK ((uint64_t)MK_PAGE_SIZE - 1)

mk_return_t vm_pager_check_range(struct vm_object *o, uint64_t offset, uint64_t size,
				 uint64_t limit)
{
	if ((offset | size) & PAGE_MASK || size == 0 || size > limit)
		return MK_INVALID_ARGUMENT;
	spin_lock(&o->lock);
	uint64_t object_size = o->pager->size;
	spin_unlock(&o->lock);
	if (offset >= object_size || size > object_size - offset)
		return MK_INVALID_VALUE;
	return MK_SUCCESS;
}

static void batch_free(struct list_node *batch)
{
	struct list_node *n;

	while ((n = list_pop_front(batch))) {
		struct vm_page *p = list_entry(n, struct vm_page, link);
		pmm_free(p->phys);
		kfree(p);
	}
}

/* Pages for [offset, offset + size), copied from the caller's memory at
 * data, or zeroed when `zero`. On error the batch holds what was made. */
static mk_return_t batch_fill(struct list_node *batch, uint64_t offset, uint64_t size,
			      uint64_t data, bool zero)
{
	for (uint64_t done = 0; done < size; done += MK_PAGE_SIZE) {
		struct vm_page *p = kmalloc(sizeof(*p));
		uint64_t phys = p ? pmm_alloc() : 0;
		if (!phys) {
			kfree(p);
			return MK_RESOURCE_SHORTAGE;
		}
		p->offset = offset + done;
		p->phys = phys;
		list_push_back(batch, &p->link);
		void *frame = (void *)(DIRECT_MAP_BASE + phys);
		if (zero)
			memset(frame, 0, MK_PAGE_SIZE);
		else if (copy_from_user(frame, data + done, MK_PAGE_SIZE) != MK_SUCCESS)
			return MK_INVALID_ADDRESS;
	}
	return MK_SUCCESS;
}

/* Object locked: each page of the batch goes where the object has none
 * or a placeholder; the others are freed. */
static void batch_commit(struct vm_object *o, struct list_node *batch)
{
	struct list_node *n;

	while ((n = list_pop_front(batch))) {
		struct vm_page *p = list_entry(n, struct vm_page, link);
		struct vm_page *q = vm_object_page_lookup(o, p->offset);
		if (!q) {
			vm_object_page_link(o, p);
			continue;
		}
		if (!q->phys) {                 /* a placeholder: its waiters look again */
			q->phys = p->phys;
			q->busy = false;
			q->error = MK_SUCCESS;
			o->resident_pages++;
		} else {
			pmm_free(p->phys);
		}
		kfree(p);
	}
}

mk_return_t vm_pager_data(struct vm_object *o, uint64_t offset, uint64_t size, uint64_t data,
			  bool zero)
{
	struct list_node batch = LIST_INIT(batch);
	mk_return_t r = batch_fill(&batch, offset, size, data, zero);

	if (r != MK_SUCCESS) {
		batch_free(&batch);
		return r;
	}
	spin_lock(&o->lock);
	batch_commit(o, &batch);
	spin_unlock(&o->lock);
	waitq_wake_all(&o->pager->waiters);
	return MK_SUCCESS;
}

void vm_pager_data_error(struct vm_object *o, uint64_t offset, uint64_t size, mk_return_t error)
{
	spin_lock(&o->lock);
	for (int i = 0; i < VM_OBJECT_BUCKETS; i++) {
		for (struct list_node *n = o->buckets[i].next, *next; n != &o->buckets[i]; n = next) {
			struct vm_page *p = list_entry(n, struct vm_page, link);
			next = n->next;
			if (!p->busy || p->offset < offset || p->offset - offset >= size)
				continue;
			p->busy = false;
			p->error = error;
			if (!p->waiters)
				vm_object_page_free(o, p);      /* nobody to tell */
		}
	}
	spin_unlock(&o->lock);
	waitq_wake_all(&o->pager->waiters);
}
