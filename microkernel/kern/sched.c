/*
 * sched.c: run queues, switching, wait queues and time-outs.
 *
 * sched_lock is held across a context switch: the thread that switches
 * away takes it, the thread that runs next releases it (in reschedule's
 * caller, or in thread_first_run for a new thread). Threads that die are
 * left on a zombie list and freed later by sched_reap_zombies (on the way
 * back to user mode, or when idle), outside the lock, since their stack is
 * in use until the switch.
 */
#include "arch/x86_64/cpu.h"
#include "kern/console.h"
#include "kern/cpu_time.h"
#include "kern/percpu.h"
#include "kern/sched.h"
#include "kern/thread_switch.h"
#include "kern/hot_path.h"

MK_HOT_DATA struct spinlock sched_lock = SPINLOCK_INIT;

/* Guarded by sched_lock: */
MK_HOT_DATA static struct list_node run_queues[THREAD_PRIORITY_MAX + 1];
MK_HOT_DATA static uint32_t nonempty_queues;                /* bit p: run_queues[p] */
MK_HOT_DATA static struct list_node timeouts = LIST_INIT(timeouts);
static struct list_node zombies = LIST_INIT(zombies);
MK_HOT_DATA static uint64_t ticks;
static struct thread boot_thread;

void waitq_init(struct waitq *wq)
{
	list_init(&wq->threads);
}

MK_HOT_PATH static void runq_insert(struct thread *t)
{
	t->state = THREAD_RUNNABLE;
	list_push_back(&run_queues[t->priority], &t->run_link);
	nonempty_queues |= 1u << t->priority;
}

MK_HOT_PATH static void runq_remove(struct thread *t)
{
	list_remove(&t->run_link);
	if (list_is_empty(&run_queues[t->priority]))
		nonempty_queues &= ~(1u << t->priority);
}

MK_HOT_PATH static struct thread *runq_take_highest(void)
{
	if (!nonempty_queues)
		return NULL;
	int p = 31 - __builtin_clz(nonempty_queues);
	struct thread *t = list_entry(run_queues[p].next, struct thread, run_link);
	runq_remove(t);
	return t;
}

/* A suspended thread stays off the run queues, unless it must terminate:
 * then it runs on to its exit. sched_lock held (or t is the caller). */
MK_HOT_PATH static bool thread_is_held(const struct thread *t)
{
	return t->suspend_count && !t->terminate_requested;
}

MK_HOT_PATH void sched_make_runnable(struct thread *t)
{
	if (thread_is_held(t)) {
		t->state = THREAD_STOPPED;
		return;
	}
	runq_insert(t);
	struct thread *cur = current_thread();
	if (cur && t->priority > cur->priority)
		this_cpu()->need_resched = 1;
}

/* The runnable thread to run instead of the current one: `preferred` when
 * it is on a run queue and no runnable thread outranks it (a direct
 * hand-off, the IPC fast path), else the highest-priority one. */
MK_HOT_PATH static struct thread *runq_take_next(struct thread *preferred)
{
	if (preferred && preferred->state == THREAD_RUNNABLE &&
	    preferred->priority >= 31 - __builtin_clz(nonempty_queues | 1)) {
		runq_remove(preferred);
		return preferred;
	}
	return runq_take_highest();
}

/* Runs the best runnable thread (or `preferred`, see runq_take_next) in
 * place of the current one, whose state the caller has set. Called and
 * returns with sched_lock held. */
MK_HOT_PATH static void reschedule_to(struct thread *preferred)
{
	struct cpu *c = this_cpu();
	struct thread *prev = c->current;
	struct thread *next = runq_take_next(preferred);

	if (!next)
		next = c->idle;
	c->need_resched = 0;
	if (prev->state == THREAD_DEAD)
		list_push_back(&zombies, &prev->run_link);
	if (next == prev) {
		prev->state = THREAD_RUNNING;
		return;
	}
	next->state = THREAD_RUNNING;
	next->quantum_left = SCHED_QUANTUM_TICKS;
	cpu_time_switch(c, prev);
	c->current = next;
	thread_switch(prev, next);
}

static void reschedule(void)
{
	reschedule_to(NULL);
}

void sched_yield(void)
{
	spin_lock(&sched_lock);
	struct thread *t = current_thread();
	if (t != this_cpu()->idle) {
		if (thread_is_held(t))
			t->state = THREAD_STOPPED;
		else
			runq_insert(t);
	}
	reschedule();
	spin_unlock(&sched_lock);
}

_Noreturn void sched_exit_current(void)
{
	spin_lock(&sched_lock);
	current_thread()->state = THREAD_DEAD;
	reschedule();
	panic("a dead thread was scheduled");
}

void sched_reap_zombies(void)
{
	for (;;) {
		spin_lock(&sched_lock);
		struct list_node *n = list_pop_front(&zombies);
		spin_unlock(&sched_lock);
		if (!n)
			return;
		thread_reap(list_entry(n, struct thread, run_link));
	}
}

/* Takes t off its wait queue and makes it runnable. sched_lock held. */
MK_HOT_PATH static void wake(struct thread *t, enum wait_result result)
{
	list_remove(&t->run_link);
	if (list_is_linked(&t->timeout_link))
		list_remove(&t->timeout_link);
	t->waiting_on = NULL;
	t->wait_result = result;
	sched_make_runnable(t);
}

enum wait_result waitq_sleep(struct waitq *wq, struct spinlock *lock, uint64_t timeout_ticks)
{
	return waitq_sleep_handoff(wq, lock, timeout_ticks, NULL);
}

MK_HOT_PATH enum wait_result waitq_sleep_handoff(struct waitq *wq, struct spinlock *lock,
				     uint64_t timeout_ticks, struct thread *next)
{
	spin_lock(&sched_lock);
	struct thread *t = current_thread();
	if (t->terminate_requested) {
		/* Asked to end before it slept: no wake-up would come. */
		spin_unlock(&sched_lock);
		if (lock)
			spin_unlock(lock);
		return WAIT_INTERRUPTED;
	}
	list_push_back(&wq->threads, &t->run_link);
	t->waiting_on = wq;
	if (timeout_ticks) {
		t->deadline = ticks + timeout_ticks;
		list_push_back(&timeouts, &t->timeout_link);
	}
	t->state = THREAD_BLOCKED;
	if (lock)
		spin_unlock(lock);
	reschedule_to(next);
	enum wait_result r = t->wait_result;
	spin_unlock(&sched_lock);
	return r;
}

MK_HOT_PATH struct thread *waitq_wake_one(struct waitq *wq)
{
	spin_lock(&sched_lock);
	struct thread *t = NULL;
	if (!list_is_empty(&wq->threads)) {
		t = list_entry(wq->threads.next, struct thread, run_link);
		wake(t, WAIT_AWAKENED);
	}
	spin_unlock(&sched_lock);
	return t;
}

void waitq_wake_all(struct waitq *wq)
{
	spin_lock(&sched_lock);
	while (!list_is_empty(&wq->threads))
		wake(list_entry(wq->threads.next, struct thread, run_link), WAIT_AWAKENED);
	spin_unlock(&sched_lock);
}

void thread_abort(struct thread *t)
{
	spin_lock(&sched_lock);
	if (t->state == THREAD_BLOCKED)
		wake(t, WAIT_INTERRUPTED);
	spin_unlock(&sched_lock);
}

bool thread_suspend(struct thread *t)
{
	spin_lock(&sched_lock);
	bool ok = t->suspend_count != UINT32_MAX;
	if (ok)
		t->suspend_count++;
	if (ok && t->state == THREAD_RUNNABLE && thread_is_held(t)) {
		runq_remove(t);
		t->state = THREAD_STOPPED;
	}
	spin_unlock(&sched_lock);
	return ok;
}

bool thread_resume(struct thread *t)
{
	spin_lock(&sched_lock);
	bool ok = t->suspend_count != 0;
	if (ok && --t->suspend_count == 0 && t->state == THREAD_STOPPED)
		sched_make_runnable(t);
	spin_unlock(&sched_lock);
	return ok;
}

void thread_terminate_request(struct thread *t)
{
	spin_lock(&sched_lock);
	t->terminate_requested = 1;
	if (t->state == THREAD_BLOCKED)
		wake(t, WAIT_INTERRUPTED);
	else if (t->state == THREAD_STOPPED)
		sched_make_runnable(t);
	spin_unlock(&sched_lock);
}

void sched_clock_tick(void)
{
	spin_lock(&sched_lock);
	ticks++;
	list_for_each(n, &timeouts) {
		struct thread *t = list_entry(n, struct thread, timeout_link);
		if (t->deadline <= ticks) {
			n = n->prev;    /* wake unlinks t */
			wake(t, WAIT_TIMED_OUT);
		}
	}
	struct thread *cur = current_thread();
	if (cur != this_cpu()->idle && --cur->quantum_left <= 0)
		this_cpu()->need_resched = 1;
	spin_unlock(&sched_lock);
}

MK_HOT_PATH void sched_preempt_point(void)
{
	struct thread *t = current_thread();

	if (this_cpu()->need_resched || thread_is_held(t))
		sched_yield();
	/* An unlocked peek is enough: a stale answer only delays reaping to
	 * the next return to user mode. Without this, a system that never
	 * idles would keep every dead thread's kernel stack. */
	if (!list_is_empty(&zombies))
		sched_reap_zombies();
}

MK_HOT_PATH uint64_t sched_ticks(void)
{
	return ticks;
}

void sched_sleep_ticks(uint64_t n)
{
	struct waitq never_woken;

	waitq_init(&never_woken);
	waitq_sleep(&never_woken, NULL, n ? n : 1);
}

static void idle_loop(void *arg)
{
	(void)arg;
	for (;;) {
		sched_reap_zombies();
		spin_lock(&sched_lock);
		if (nonempty_queues) {
			reschedule();
			spin_unlock(&sched_lock);
			continue;
		}
		spin_unlock(&sched_lock);
		/* sti takes effect after hlt starts, so no interrupt is missed. */
		__asm__ volatile("sti; hlt; cli" ::: "memory");
	}
}

void sched_init(void)
{
	struct cpu *c = this_cpu();

	for (int p = 0; p <= THREAD_PRIORITY_MAX; p++)
		list_init(&run_queues[p]);
	boot_thread.state = THREAD_RUNNING;
	boot_thread.priority = THREAD_PRIORITY_DEFAULT;
	boot_thread.quantum_left = SCHED_QUANTUM_TICKS;
	list_init(&boot_thread.run_link);
	list_init(&boot_thread.timeout_link);
	c->current = &boot_thread;
	c->idle = thread_create_idle(idle_loop);
	if (!c->idle)
		panic("no memory for the idle thread");
}
