/*
 * user_tasks.c: in-kernel tests of user tasks as a whole: a task that
 * faults ends alone, and everything it held is freed.
 */
#include "kern/bootstrap.h"
#include "kern/heap.h"
#include "kern/ktest.h"
#include "kern/pmm.h"
#include "kern/sched.h"
#include "kern/task.h"
#include "mk/return.h"
#include "vm/vm_map.h"
#include "vm/vm_object.h"

/* Starts helper NAME from the utests module and waits for its task to end. */
static void run_helper_to_the_end(const char *arg)
{
	size_t tasks = task_count();
	struct task *t = bootstrap_start_module(ktest_boot_info, "utests", arg, 0);

	KTEST_ASSERT(t);
	task_release(t);
	for (int i = 0; i < 100 && task_count() > tasks; i++)
		sched_sleep_ticks(2);
	KTEST_ASSERT(task_count() == tasks);
	sched_sleep_ticks(1);           /* idle reaps the dead thread */
}

static void helper_leaves_nothing_behind(const char *arg)
{
	run_helper_to_the_end(arg);     /* warms the heap's size classes */
	size_t frames = pmm_free_count(), heap = heap_bytes_in_use();
	size_t objects = vm_object_count();

	run_helper_to_the_end(arg);
	KTEST_ASSERT(vm_object_count() == objects);
	KTEST_ASSERT(heap_bytes_in_use() == heap);
	KTEST_ASSERT(pmm_free_count() == frames);
}

KTEST(user_null_dereference_ends_only_that_task_and_frees_it)
{
	helper_leaves_nothing_behind("helper:dereference_null");
}

KTEST(user_invalid_opcode_ends_the_task_with_its_memory_freed)
{
	helper_leaves_nothing_behind("helper:allocate_touch_and_fault");
}

KTEST(user_task_that_returns_from_main_is_freed)
{
	helper_leaves_nothing_behind("helper:exit_quietly");
}

static int thread_count_of(struct task *t)
{
	spin_lock(&t->lock);
	int n = t->thread_count;
	spin_unlock(&t->lock);
	return n;
}

KTEST(each_user_thread_keeps_its_own_sse_registers)
{
	struct task *a = bootstrap_start_module(ktest_boot_info, "utests",
						 "helper:keep_xmm0_pattern_a", 0);
	struct task *b = bootstrap_start_module(ktest_boot_info, "utests",
						 "helper:keep_xmm0_pattern_b", 0);
	uint64_t result_a = 0, result_b = 0;

	KTEST_ASSERT(a && b);
	for (int i = 0; i < 200 && (thread_count_of(a) || thread_count_of(b)); i++)
		sched_sleep_ticks(2);
	/* Our references keep both maps after their threads are gone. */
	KTEST_ASSERT(vm_map_read(a->map, 0x20000000, &result_a, 8) == MK_SUCCESS);
	KTEST_ASSERT(vm_map_read(b->map, 0x20000000, &result_b, 8) == MK_SUCCESS);
	task_release(a);
	task_release(b);
	KTEST_ASSERT(result_a == 1);
	KTEST_ASSERT(result_b == 1);
}
