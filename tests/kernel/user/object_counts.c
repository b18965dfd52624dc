/* object_counts.c: see object_counts.h. */
#include "object_counts.h"

struct mk_object_counts test_object_counts(void)
{
	struct mk_object_counts c;

	native_sleep_ms(10);            /* let threads that are ending leave */
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), &c), MK_SUCCESS);
	return c;
}

static int counts_equal(struct mk_object_counts a, struct mk_object_counts b, unsigned also)
{
	return a.tasks == b.tasks && a.ports == b.ports && a.port_sets == b.port_sets &&
	       a.messages == b.messages &&
	       (!(also & COUNT_FRAMES) || a.free_frames == b.free_frames) &&
	       (!(also & COUNT_VM_OBJECTS) || a.vm_objects == b.vm_objects);
}

void test_expect_counts_back_to_at(struct mk_object_counts before, unsigned also,
				   const char *file, int line)
{
	struct mk_object_counts now = test_object_counts();
	int64_t start = mk_clock_ticks();

	/* A task ends when its last thread leaves; a dead thread (and its
	 * port) is freed on the next return to user mode or idle pass. */
	while (!counts_equal(now, before, also) && mk_clock_ticks() - start < 200)
		now = test_object_counts();
	if (!counts_equal(now, before, also))
		utest_fail("%s:%d: leak: tasks %lu->%lu ports %lu->%lu sets %lu->%lu msgs %lu->%lu "
			   "vm objects %lu->%lu free frames %lu->%lu", file, line,
			   before.tasks, now.tasks, before.ports, now.ports, before.port_sets,
			   now.port_sets, before.messages, now.messages, before.vm_objects,
			   now.vm_objects, before.free_frames, now.free_frames);
}
