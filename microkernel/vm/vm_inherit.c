/*
 * vm_inherit.c: building a new task's map from its parent's, region by
 * region, by inheritance:
 *   none:  the child has a hole there;
 *   share: both map the same object, and see each other's writes;
 *   copy:  copy-on-write through shadow objects. The parent's region and
 *          the child's each get a new, empty shadow object in front of the
 *          original, which neither writes again; the parent's existing
 *          translations lose write access so its next write copies too.
 *          Out-of-line memory in messages and vm_read use the same step
 *          (vm_map_entry_copy_on_write, vm_map_copy.c).
 */
#include "kern/alloc.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map_internal.h"

/* A shadow of original at offset that holds its own reference to it. */
static struct vm_object *shadow_of(struct vm_object *original, uint64_t offset)
{
	vm_object_reference(original);
	struct vm_object *s = vm_object_create_shadow(original, offset);
	if (!s)
		vm_object_release(original);
	return s;
}

mk_return_t vm_map_entry_copy_on_write(struct vm_map *parent, struct vm_map_entry *e,
				       struct vm_map_entry *c)
{
	/* Regions never written between copies would otherwise add one
	 * shadow per copy forever. */
	vm_object_collapse(e->object);
	struct vm_object *original = e->object;
	struct vm_object *parent_shadow = shadow_of(original, e->offset);
	struct vm_object *child_shadow = parent_shadow ? shadow_of(original, e->offset) : NULL;

	if (!child_shadow) {
		if (parent_shadow)
			vm_object_release(parent_shadow);
		return MK_RESOURCE_SHORTAGE;
	}
	e->object = parent_shadow;
	e->offset = 0;
	vm_object_release(original);            /* the entry's reference, now the shadows' */
	c->object = child_shadow;
	c->offset = 0;
	pmap_protect(parent->pmap, e->start, e->end, e->protection & ~MK_VM_PROT_WRITE);
	return MK_SUCCESS;
}

mk_return_t vm_map_inherit_into(struct vm_map *parent, struct vm_map *child)
{
	mk_return_t r = MK_SUCCESS;

	spin_lock(&parent->lock);
	spin_lock(&child->lock);
	list_for_each(n, &parent->entries) {
		struct vm_map_entry *e = list_entry(n, struct vm_map_entry, link);
		if (e->inheritance == MK_VM_INHERIT_NONE)
			continue;
		struct vm_map_entry *c = kmalloc(sizeof(*c));
		if (!c) {
			r = MK_RESOURCE_SHORTAGE;
			break;
		}
		*c = *e;
		if (e->inheritance == MK_VM_INHERIT_SHARE) {
			vm_object_reference(e->object);
		} else if ((r = vm_map_entry_copy_on_write(parent, e, c)) != MK_SUCCESS) {
			kfree(c);
			break;
		}
		list_push_back(&child->entries, &c->link);
	}
	spin_unlock(&child->lock);
	spin_unlock(&parent->lock);
	return r;
}
