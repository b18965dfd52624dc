/*
 * vm_object.h: memory objects, the things address maps map.
 *
 * An object holds resident pages by offset. Anonymous objects are
 * zero-fill; a shadow object sits in front of a backing object and holds
 * only the pages written since a copy was made (copy-on-write). A
 * pager-backed object (vm_pager.h) asks a user-level pager for the pages
 * it lacks; it is always at the bottom of a chain, never a shadow. Each
 * physical page belongs to exactly one object and is freed with it.
 */
#ifndef MK_VM_OBJECT_H
#define MK_VM_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kern/spinlock.h"
#include "lib/list.h"
#include "mk/types.h"

#define VM_OBJECT_BUCKETS 64

struct vm_pager;

/* Guarded by its object's lock. A page with phys 0 is a placeholder of a
 * pager-backed object: asked of the pager and not in yet (busy), or
 * answered with an error that the faults waiting on it still have to see. */
struct vm_page {
	struct list_node link;          /* in its object's bucket */
	uint64_t offset;
	uint64_t phys;                  /* the frame; 0 while not resident */
	bool busy;                      /* placeholder: the pager was asked */
	mk_return_t error;              /* placeholder: the pager's error */
	uint32_t waiters;               /* placeholder: faults waiting on it */
};

struct vm_object {
	struct spinlock lock;
	/* Guarded by lock: */
	int refs;
	struct list_node buckets[VM_OBJECT_BUCKETS];
	size_t resident_pages;
	/* Set at creation; changed only by vm_object_collapse: */
	struct vm_object *shadow;       /* backing object, referenced */
	uint64_t shadow_offset;         /* our offset 0 is shadow's this */
	struct vm_pager *pager;         /* pager-backed objects only; owned */
};

struct vm_object *vm_object_create_anonymous(void);
/* A new object in front of backing (whose reference it takes over). */
struct vm_object *vm_object_create_shadow(struct vm_object *backing, uint64_t offset);
void vm_object_reference(struct vm_object *o);
/* Takes a reference unless the object is already on its way out (refs
 * 0): for lookups through something that does not own a reference
 * (a control port, the pager registry). Object unlocked. */
bool vm_object_try_reference(struct vm_object *o);
void vm_object_release(struct vm_object *o);

/* Object locked for these four. */
struct vm_page *vm_object_page_lookup(struct vm_object *o, uint64_t offset);
/* Adds a page holding frame phys (0: a busy placeholder); NULL when
 * memory is short. */
struct vm_page *vm_object_page_insert(struct vm_object *o, uint64_t offset, uint64_t phys);
/* Adds a page the caller allocated (p->offset and p->phys set). */
void vm_object_page_link(struct vm_object *o, struct vm_page *p);
/* Takes a page out and frees it with its frame. */
void vm_object_page_free(struct vm_object *o, struct vm_page *p);

/* Merges each backing object referenced by its shadow alone into that
 * shadow, down top's chain (vm_collapse.c). */
void vm_object_collapse(struct vm_object *top);
/* For vm/ only: frees an unreferenced object with its pages (the backing
 * object is the caller's business). */
void vm_object_destroy(struct vm_object *o);
unsigned vm_object_bucket_of(uint64_t offset);

size_t vm_object_count(void);   /* live objects, for leak tests */

#endif
