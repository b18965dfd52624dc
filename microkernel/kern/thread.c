/*
 * thread.c: creating, starting and freeing threads.
 *
 * A new thread's kernel stack is prepared so that the first switch to it
 * "returns" into thread_trampoline (switch.S), which calls
 * thread_first_run(fn, arg). A user thread's stack additionally holds its
 * user trap_frame at the very top. A thread is freed with its last
 * reference: its own, dropped when it is reaped, or a trap's that found it
 * through its port (thread_port.c), so its stack and registers stay
 * readable while anyone holds it.
 */
#include "arch/x86_64/layout.h"
#include "ipc/port.h"
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/pmm.h"
#include "kern/sched.h"
#include "kern/thread.h"
#include "kern/thread_switch.h"
#include "lib/string.h"

#define STACK_PAGES (KERNEL_STACK_SIZE / PAGE_SIZE)

extern void thread_trampoline(void);
static unsigned next_thread_id = 1;

/* Registers popped by switch_context, lowest address first. */
struct switch_frame {
	uint64_t r15, r14, r13, r12, rbx, rbp;
	uint64_t return_address;
};

void thread_first_run(thread_fn fn, void *arg)
{
	spin_unlock(&sched_lock);       /* taken by the thread that switched to us */
	fn(arg);
	thread_exit();
}

static uint64_t stack_top(const struct thread *t)
{
	return (uint64_t)t->kernel_stack + KERNEL_STACK_SIZE;
}

struct trap_frame *thread_user_frame(struct thread *t)
{
	return (struct trap_frame *)(stack_top(t) - sizeof(struct trap_frame));
}

static struct thread *thread_alloc(thread_fn fn, void *arg, int priority, int user)
{
	struct thread *t = kzalloc(sizeof(*t));
	uint64_t stack = pmm_alloc_contiguous(STACK_PAGES);

	if (!t || !stack) {
		kfree(t);
		if (stack)
			pmm_free_contiguous(stack, STACK_PAGES);
		return NULL;
	}
	t->kernel_stack = (void *)(DIRECT_MAP_BASE + stack);
	t->priority = priority;
	t->id = __atomic_fetch_add(&next_thread_id, 1, __ATOMIC_RELAXED);
	t->refs = 1;
	list_init(&t->run_link);
	list_init(&t->timeout_link);
	list_init(&t->task_link);

	/* Once switch_context has popped the frame and returned, rsp is
	 * 16-byte aligned, as the trampoline's call needs. */
	uint64_t top = stack_top(t) - (user ? sizeof(struct trap_frame) : 0);
	struct switch_frame *f = (void *)((top & ~15ull) - sizeof(*f));
	memset(f, 0, sizeof(*f));
	f->r12 = (uint64_t)fn;
	f->r13 = (uint64_t)arg;
	f->return_address = (uint64_t)thread_trampoline;
	t->saved_rsp = (uint64_t)f;
	return t;
}

struct thread *thread_create_kernel(thread_fn fn, void *arg, int priority)
{
	if (priority < 0 || priority > THREAD_PRIORITY_MAX)
		return NULL;
	struct thread *t = thread_alloc(fn, arg, priority, 0);
	if (t) {
		spin_lock(&sched_lock);
		sched_make_runnable(t);
		spin_unlock(&sched_lock);
	}
	return t;
}

struct thread *thread_create_user_stack(thread_fn fn, void *arg, int priority)
{
	return thread_alloc(fn, arg, priority, 1);
}

/* Changes the argument a not yet started thread's function receives. */
void thread_set_start_argument(struct thread *t, void *arg)
{
	((struct switch_frame *)t->saved_rsp)->r13 = (uint64_t)arg;
}

struct thread *thread_create_idle(thread_fn fn)
{
	struct thread *t = thread_alloc(fn, NULL, 0, 0);

	if (t)
		t->state = THREAD_RUNNABLE;     /* but never on a run queue */
	return t;
}

_Noreturn void thread_exit(void)
{
	sched_exit_current();
}

void thread_reference(struct thread *t)
{
	__atomic_fetch_add(&t->refs, 1, __ATOMIC_RELAXED);
}

void thread_release(struct thread *t)
{
	if (__atomic_sub_fetch(&t->refs, 1, __ATOMIC_ACQ_REL))
		return;
	if (t->state != THREAD_DEAD)
		panic("freeing thread %u that is not dead", t->id);
	/* Set after the thread ended (exception_port.c clears it at exit). */
	if (t->exception_port)
		ipc_port_release_send(t->exception_port);
	if (t->self_port)
		ipc_port_release(t->self_port);         /* dead since the thread ended */
	pmm_free_contiguous((uint64_t)t->kernel_stack - DIRECT_MAP_BASE, STACK_PAGES);
	kfree(t);
}

void thread_reap(struct thread *t)
{
	if (t->state != THREAD_DEAD)
		panic("reaping thread %u that is not dead", t->id);
	thread_release(t);
}
