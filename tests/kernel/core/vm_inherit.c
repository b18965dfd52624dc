/*
 * vm_inherit.c: tests of task creation from a parent's map: copy-on-write
 * isolation both ways, sharing, holes, and no leaks once both are gone.
 */
#include "kern/heap.h"
#include "kern/ktest.h"
#include "kern/pmm.h"
#include "kern/task.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "vm/vm_map.h"
#include "vm/vm_object.h"

#define REGION 0x10000000ull

static struct task *parent_with_region(unsigned inheritance)
{
	struct task *p = task_create(NULL, "parent");
	uint64_t address = REGION;

	KTEST_ASSERT(p);
	KTEST_ASSERT(vm_map_allocate(p->map, &address, 2 * MK_PAGE_SIZE, 0) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_write(p->map, REGION, "parent", 7) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_write(p->map, REGION + MK_PAGE_SIZE, "second", 7) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_inherit(p->map, REGION, 2 * MK_PAGE_SIZE, inheritance) == MK_SUCCESS);
	return p;
}

static int region_says(struct task *t, uint64_t address, const char *want)
{
	char buf[16];

	return vm_map_read(t->map, address, buf, strlen(want) + 1) == MK_SUCCESS &&
	       !strcmp(buf, want);
}

KTEST(copy_inherited_memory_is_isolated_both_ways)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_COPY);
	struct task *c = task_create(p, "child");

	KTEST_ASSERT(c);
	KTEST_ASSERT(region_says(c, REGION, "parent"));
	KTEST_ASSERT(vm_map_write(c->map, REGION, "child", 6) == MK_SUCCESS);
	KTEST_ASSERT(region_says(p, REGION, "parent"));
	KTEST_ASSERT(vm_map_write(p->map, REGION, "later", 6) == MK_SUCCESS);
	KTEST_ASSERT(region_says(c, REGION, "child"));
	KTEST_ASSERT(region_says(c, REGION + MK_PAGE_SIZE, "second"));
	task_release(c);
	KTEST_ASSERT(region_says(p, REGION, "later"));
	task_release(p);
}

KTEST(copy_inheritance_write_protects_the_parents_pages)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_COPY);
	unsigned prot = 0;

	KTEST_ASSERT(pmap_extract(p->map->pmap, REGION, &prot));
	KTEST_ASSERT(prot & MK_VM_PROT_WRITE);
	struct task *c = task_create(p, "child");
	KTEST_ASSERT(c);
	KTEST_ASSERT(pmap_extract(p->map->pmap, REGION, &prot));
	KTEST_ASSERT(!(prot & MK_VM_PROT_WRITE));
	task_release(c);
	task_release(p);
}

KTEST(shared_inherited_memory_sees_writes_both_ways)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_SHARE);
	struct task *c = task_create(p, "child");

	KTEST_ASSERT(c);
	KTEST_ASSERT(vm_map_write(c->map, REGION, "child", 6) == MK_SUCCESS);
	KTEST_ASSERT(region_says(p, REGION, "child"));
	KTEST_ASSERT(vm_map_write(p->map, REGION + MK_PAGE_SIZE, "both", 5) == MK_SUCCESS);
	KTEST_ASSERT(region_says(c, REGION + MK_PAGE_SIZE, "both"));
	task_release(p);
	KTEST_ASSERT(region_says(c, REGION, "child"));  /* outlives the parent */
	task_release(c);
}

KTEST(none_inherited_memory_is_a_hole_in_the_child)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_NONE);
	struct task *c = task_create(p, "child");
	char buf[4];

	KTEST_ASSERT(c);
	KTEST_ASSERT(vm_map_read(c->map, REGION, buf, 4) == MK_INVALID_ADDRESS);
	task_release(c);
	task_release(p);
}

KTEST(read_only_memory_refuses_writes)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_COPY);

	KTEST_ASSERT(vm_map_protect(p->map, REGION, MK_PAGE_SIZE, 0, MK_VM_PROT_READ) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_write(p->map, REGION, "x", 1) == MK_PROTECTION_FAILURE);
	KTEST_ASSERT(vm_map_write(p->map, REGION + MK_PAGE_SIZE, "x", 1) == MK_SUCCESS);
	KTEST_ASSERT(region_says(p, REGION, "parent"));
	task_release(p);
}

static void fork_write_and_free(void)
{
	struct task *p = parent_with_region(MK_VM_INHERIT_COPY);
	struct task *c = task_create(p, "child");
	struct task *g = task_create(c, "grandchild");

	KTEST_ASSERT(c && g);
	KTEST_ASSERT(vm_map_write(g->map, REGION, "grand", 6) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_write(c->map, REGION + MK_PAGE_SIZE, "middle", 7) == MK_SUCCESS);
	KTEST_ASSERT(region_says(g, REGION + MK_PAGE_SIZE, "second"));
	task_release(p);
	task_release(g);
	task_release(c);
}

KTEST(copy_on_write_chains_leave_no_pages_or_objects_behind)
{
	fork_write_and_free();          /* warms the heap's size classes */
	size_t frames = pmm_free_count(), heap = heap_bytes_in_use();
	size_t objects = vm_object_count(), tasks = task_count();

	fork_write_and_free();
	KTEST_ASSERT(task_count() == tasks);
	KTEST_ASSERT(vm_object_count() == objects);
	KTEST_ASSERT(heap_bytes_in_use() == heap);
	KTEST_ASSERT(pmm_free_count() == frames);
}
