/*
 * vm_object.c: reference counting, page lookup and shadow chains of memory
 * objects. Releasing the last reference frees the resident frames and
 * releases the backing object, iteratively so long chains cannot overflow
 * the kernel stack; a pager-backed object first lets go of its pager
 * (vm_pager_object_destroy).
 */
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/pmm.h"
#include "mk/return.h"
#include "vm/vm_object.h"
#include "vm/vm_pager.h"

static size_t live_objects;

unsigned vm_object_bucket_of(uint64_t offset)
{
	return (offset >> 12) % VM_OBJECT_BUCKETS;
}

struct vm_object *vm_object_create_anonymous(void)
{
	struct vm_object *o = kzalloc(sizeof(*o));

	if (!o)
		return NULL;
	spin_init(&o->lock);
	o->refs = 1;
	for (int i = 0; i < VM_OBJECT_BUCKETS; i++)
		list_init(&o->buckets[i]);
	__atomic_fetch_add(&live_objects, 1, __ATOMIC_RELAXED);
	return o;
}

struct vm_object *vm_object_create_shadow(struct vm_object *backing, uint64_t offset)
{
	struct vm_object *o = vm_object_create_anonymous();

	if (o) {
		o->shadow = backing;
		o->shadow_offset = offset;
	}
	return o;
}

void vm_object_reference(struct vm_object *o)
{
	spin_lock(&o->lock);
	o->refs++;
	spin_unlock(&o->lock);
}

bool vm_object_try_reference(struct vm_object *o)
{
	spin_lock(&o->lock);
	bool live = o->refs > 0;
	if (live)
		o->refs++;
	spin_unlock(&o->lock);
	return live;
}

static void free_pages(struct vm_object *o)
{
	for (int i = 0; i < VM_OBJECT_BUCKETS; i++) {
		struct list_node *n;
		while ((n = list_pop_front(&o->buckets[i]))) {
			struct vm_page *p = list_entry(n, struct vm_page, link);
			if (p->phys)
				pmm_free(p->phys);
			kfree(p);
		}
	}
}

void vm_object_release(struct vm_object *o)
{
	while (o) {
		spin_lock(&o->lock);
		int refs = --o->refs;
		spin_unlock(&o->lock);
		if (refs > 0)
			return;
		if (refs < 0)
			panic("vm_object %p released more often than referenced", o);
		struct vm_object *backing = o->shadow;
		vm_object_destroy(o);
		o = backing;
	}
}

void vm_object_destroy(struct vm_object *o)
{
	if (o->pager)
		vm_pager_object_destroy(o);
	free_pages(o);
	kfree(o);
	__atomic_fetch_sub(&live_objects, 1, __ATOMIC_RELAXED);
}

struct vm_page *vm_object_page_lookup(struct vm_object *o, uint64_t offset)
{
	list_for_each(n, &o->buckets[vm_object_bucket_of(offset)]) {
		struct vm_page *p = list_entry(n, struct vm_page, link);
		if (p->offset == offset)
			return p;
	}
	return NULL;
}

void vm_object_page_link(struct vm_object *o, struct vm_page *p)
{
	p->busy = !p->phys;
	p->error = MK_SUCCESS;
	p->waiters = 0;
	list_push_back(&o->buckets[vm_object_bucket_of(p->offset)], &p->link);
	if (p->phys)
		o->resident_pages++;
}

struct vm_page *vm_object_page_insert(struct vm_object *o, uint64_t offset, uint64_t phys)
{
	struct vm_page *p = kmalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->offset = offset;
	p->phys = phys;
	vm_object_page_link(o, p);
	return p;
}

void vm_object_page_free(struct vm_object *o, struct vm_page *p)
{
	list_remove(&p->link);
	if (p->phys) {
		o->resident_pages--;
		pmm_free(p->phys);
	}
	kfree(p);
}

size_t vm_object_count(void)
{
	return live_objects;
}
