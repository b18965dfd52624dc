/*
 * scheduling.c: tests of threads, the scheduler, the timer and wait queues.
 * The test itself runs in the boot thread at THREAD_PRIORITY_DEFAULT.
 */
#include "kern/heap.h"
#include "kern/ktest.h"
#include "kern/pmm.h"
#include "kern/sched.h"
#include "kern/thread_switch.h"

static char trace[64];
static volatile int trace_len;

static void note(char c)
{
	if (trace_len < (int)sizeof(trace) - 1)
		trace[trace_len++] = c;
}

static int trace_is(const char *want)
{
	int i = 0;

	for (; want[i]; i++)
		if (i >= trace_len || trace[i] != want[i])
			return 0;
	return i == trace_len;
}

static void yield_three_times(void *arg)
{
	for (int i = 0; i < 3; i++) {
		note(*(const char *)arg);
		sched_yield();
	}
}

KTEST(equal_priority_threads_alternate_on_yield)
{
	static const char a = 'a', b = 'b';

	thread_create_kernel(yield_three_times, (void *)&a, THREAD_PRIORITY_DEFAULT - 1);
	thread_create_kernel(yield_three_times, (void *)&b, THREAD_PRIORITY_DEFAULT - 1);
	sched_sleep_ticks(5);                   /* lower priority: they run now */
	KTEST_ASSERT(trace_is("ababab"));
}

static void note_once(void *arg)
{
	note(*(const char *)arg);
}

KTEST(higher_priority_thread_runs_first)
{
	static const char low = 'l', high = 'h';

	thread_create_kernel(note_once, (void *)&low, 3);
	thread_create_kernel(note_once, (void *)&high, 20);
	sched_sleep_ticks(2);
	KTEST_ASSERT(trace_is("hl"));
}

KTEST(timer_ticks_and_sleep_lasts_its_ticks)
{
	uint64_t start = sched_ticks();

	sched_sleep_ticks(10);
	uint64_t slept = sched_ticks() - start;
	KTEST_ASSERT(slept >= 10 && slept <= 12);
}

static struct waitq queue;
static struct spinlock queue_lock = SPINLOCK_INIT;
static volatile enum wait_result sleeper_result = -1;

static void sleep_on_queue(void *arg)
{
	spin_lock(&queue_lock);
	sleeper_result = waitq_sleep(&queue, &queue_lock, (uint64_t)arg);
}

KTEST(wait_queue_wakes_its_sleeper)
{
	waitq_init(&queue);
	thread_create_kernel(sleep_on_queue, 0, THREAD_PRIORITY_DEFAULT + 1);
	sched_yield();                          /* the kernel is not preemptive */
	KTEST_ASSERT(sleeper_result == (enum wait_result)-1);   /* it is asleep */
	KTEST_ASSERT(waitq_wake_one(&queue));
	sched_yield();
	KTEST_ASSERT(sleeper_result == WAIT_AWAKENED);
	KTEST_ASSERT(!waitq_wake_one(&queue));
}

KTEST(wait_with_timeout_reports_timed_out)
{
	waitq_init(&queue);
	thread_create_kernel(sleep_on_queue, (void *)3, THREAD_PRIORITY_DEFAULT + 1);
	sched_sleep_ticks(6);
	KTEST_ASSERT(sleeper_result == WAIT_TIMED_OUT);
	KTEST_ASSERT(!waitq_wake_one(&queue));  /* it left the queue */
}

KTEST(abort_interrupts_a_blocked_thread)
{
	waitq_init(&queue);
	struct thread *t = thread_create_kernel(sleep_on_queue, 0, THREAD_PRIORITY_DEFAULT + 1);
	sched_yield();
	KTEST_ASSERT(t->state == THREAD_BLOCKED);
	thread_abort(t);
	sched_yield();
	KTEST_ASSERT(sleeper_result == WAIT_INTERRUPTED);
}

static void count_forever(void *arg)
{
	volatile int *n = arg;

	for (;;) {
		(*n)++;
		sched_yield();
	}
}

KTEST(suspended_thread_runs_only_after_resume)
{
	static volatile int count;
	struct thread *t = thread_create_kernel(count_forever, (void *)&count,
						THREAD_PRIORITY_DEFAULT);
	sched_yield();
	KTEST_ASSERT(count == 1);
	thread_suspend(t);
	for (int i = 0; i < 5; i++)
		sched_yield();
	KTEST_ASSERT(count == 1);
	thread_resume(t);
	sched_yield();
	KTEST_ASSERT(count == 2);
	thread_suspend(t);
}

static void do_nothing(void *arg)
{
	(void)arg;
}

static void create_and_finish_threads(void)
{
	for (int i = 0; i < 20; i++)
		KTEST_ASSERT(thread_create_kernel(do_nothing, 0, THREAD_PRIORITY_DEFAULT));
	sched_sleep_ticks(1);           /* they run, die, and idle reaps them */
}

KTEST(exited_threads_are_reaped_without_leaks)
{
	create_and_finish_threads();    /* warm the heap's size classes */
	size_t frames = pmm_free_count(), heap = heap_bytes_in_use();

	for (int round = 0; round < 3; round++) {
		create_and_finish_threads();
	}
	KTEST_ASSERT(pmm_free_count() == frames);
	KTEST_ASSERT(heap_bytes_in_use() == heap);
}
