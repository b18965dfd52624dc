/*
 * vm_collapse.c: keeping shadow chains short. Every copy-on-write
 * inheritance puts a new shadow in front of the parent's objects; once
 * the child is gone, the object behind such a shadow is referenced by
 * that shadow alone. It is then merged into the shadow: pages the shadow
 * already has (the ones written since the copy) are freed, the others
 * move up, and the shadow takes over the backing object's own backing.
 * What every user of the shadow sees is unchanged.
 *
 * A pager-backed object is never merged: the pages it lacks are the
 * pager's to supply, and a shadow would zero-fill them instead.
 *
 * Runs from the fault handler with the map locked. Objects' `shadow`
 * fields change here; the kernel is not preemptible, so no one walks the
 * chain meanwhile (a multiprocessor kernel would need a chain lock).
 */
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/pmm.h"
#include "vm/vm_object.h"

/* Moves backing's pages into o (both locked); backing ends up empty. */
static void merge_pages(struct vm_object *o, struct vm_object *backing)
{
	for (int i = 0; i < VM_OBJECT_BUCKETS; i++) {
		struct list_node *n;
		while ((n = list_pop_front(&backing->buckets[i]))) {
			struct vm_page *p = list_entry(n, struct vm_page, link);
			if (!p->phys)
				panic("placeholder page in a merged object %p", backing);
			backing->resident_pages--;
			/* backing's offset x is o's x - shadow_offset. */
			if (p->offset < o->shadow_offset ||
			    vm_object_page_lookup(o, p->offset - o->shadow_offset)) {
				pmm_free(p->phys);      /* hidden by o: nobody can see it */
				kfree(p);
				continue;
			}
			p->offset -= o->shadow_offset;
			list_push_back(&o->buckets[vm_object_bucket_of(p->offset)], &p->link);
			o->resident_pages++;
		}
	}
}

void vm_object_collapse(struct vm_object *top)
{
	for (struct vm_object *o = top; o && o->shadow;) {
		struct vm_object *backing = o->shadow;
		spin_lock(&o->lock);
		spin_lock(&backing->lock);
		if (backing->refs != 1 || backing->pager) {
			spin_unlock(&backing->lock);
			spin_unlock(&o->lock);
			o = backing;
			continue;
		}
		merge_pages(o, backing);
		o->shadow = backing->shadow;    /* backing's reference moves to o */
		o->shadow_offset += backing->shadow_offset;
		backing->shadow = NULL;
		backing->refs = 0;
		spin_unlock(&backing->lock);
		spin_unlock(&o->lock);
		vm_object_destroy(backing);
	}
}
