/*
 * task.c: creating and ending tasks and their user threads.
 *
 * Lifetime: each thread holds a reference on its task; the task's map and
 * pmap go when the last reference does. A thread leaves only from its own
 * context (thread_exit on its way back to user mode), so no thread is torn
 * down while it runs.
 */
#include "arch/x86_64/fpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/io_bitmap.h"
#include "arch/x86_64/syscall.h"
#include "arch/x86_64/trap.h"
#include "ipc/space.h"
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/cpu_time.h"
#include "kern/exception_port.h"
#include "kern/interrupt.h"
#include "kern/percpu.h"
#include "kern/sched.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/thread_port.h"
#include "lib/string.h"
#include "mk/return.h"
#include "kern/hot_path.h"

#define RFLAGS_IF       (1ull << 9)
#define RFLAGS_RESERVED (1ull << 1)

struct thread *thread_create_user_stack(thread_fn fn, void *arg, int priority);
static size_t live_tasks;

struct task *task_create(struct task *parent, const char *name)
{
	struct task *t = kzalloc(sizeof(*t));

	if (!t)
		return NULL;
	t->map = vm_map_create();
	t->space = ipc_space_create();
	if (!t->map || !t->space || !task_port_init(t) ||
	    (parent && vm_map_inherit_into(parent->map, t->map) != MK_SUCCESS)) {
		if (t->map)
			vm_map_destroy(t->map);
		if (t->space)
			ipc_space_release(t->space);
		if (t->self_port)
			task_port_destroy(t);
		kfree(t);
		return NULL;
	}
	size_t n = strlen(name);
	memcpy(t->name, name, n < sizeof(t->name) - 1 ? n : sizeof(t->name) - 1);
	spin_init(&t->lock);
	list_init(&t->threads);
	t->refs = 1;
	if (parent) {           /* these are addresses of the inherited map */
		t->emulation_entry = __atomic_load_n(&parent->emulation_entry, __ATOMIC_RELAXED);
		t->emulation_base = __atomic_load_n(&parent->emulation_base, __ATOMIC_RELAXED);
		t->emulation_size = __atomic_load_n(&parent->emulation_size, __ATOMIC_RELAXED);
	}
	__atomic_fetch_add(&live_tasks, 1, __ATOMIC_RELAXED);
	return t;
}

void task_reference(struct task *t)
{
	spin_lock(&t->lock);
	t->refs++;
	spin_unlock(&t->lock);
}

void task_release(struct task *t)
{
	spin_lock(&t->lock);
	int refs = --t->refs;
	spin_unlock(&t->lock);
	if (refs)
		return;
	interrupt_task_ended(t);
	task_port_destroy(t);
	exception_port_task_gone(t);
	ipc_space_release(t->space);
	vm_map_destroy(t->map);
	if (t->io_bitmap)
		io_bitmap_destroy(t->io_bitmap);
	kfree(t);
	__atomic_fetch_sub(&live_tasks, 1, __ATOMIC_RELAXED);
}

size_t task_count(void)
{
	return live_tasks;
}

void task_terminate(struct task *t)
{
	spin_lock(&t->lock);
	t->terminating = 1;
	list_for_each(n, &t->threads)
		thread_terminate_request(list_entry(n, struct thread, task_link));
	spin_unlock(&t->lock);
	/* Its receive rights die now: whoever waits on them hears at once. */
	ipc_space_destroy(t->space);
	interrupt_task_ended(t);
}

struct task *current_task(void)
{
	return current_thread()->task;
}

static void user_thread_start(void *arg)
{
	struct thread *self = arg;

	thread_return_to_user_checks();         /* terminated before it ran? */
	enter_user_frame(thread_user_frame(self));
}

struct thread *task_thread_create(struct task *task, uint64_t rip, uint64_t rsp,
				  uint64_t arg, int priority)
{
	struct thread *t = task_thread_create_referenced(task, rip, rsp, arg, priority, false);

	if (t)
		thread_release(t);
	return t;
}

struct thread *task_thread_create_referenced(struct task *task, uint64_t rip, uint64_t rsp,
					     uint64_t arg, int priority, bool suspended)
{
	struct thread *t = thread_create_user_stack(user_thread_start, NULL, priority);

	if (!t)
		return NULL;
	if (!thread_port_init(t)) {
		t->state = THREAD_DEAD;
		thread_reap(t);
		return NULL;
	}
	struct trap_frame *f = thread_user_frame(t);
	memset(f, 0, sizeof(*f));
	f->rip = rip;
	f->rsp = rsp;
	f->rdi = arg;
	f->cs = GDT_USER_CODE | 3;
	f->ss = GDT_USER_DATA | 3;
	f->rflags = RFLAGS_IF | RFLAGS_RESERVED;
	t->task = task;
	fpu_state_init(&t->fpu);
	thread_set_start_argument(t, t);

	t->suspend_count = suspended;

	spin_lock(&task->lock);
	if (task->terminating) {
		spin_unlock(&task->lock);
		thread_port_destroy(t);
		t->state = THREAD_DEAD;
		thread_reap(t);
		return NULL;
	}
	task->refs++;
	task->thread_count++;
	list_push_back(&task->threads, &t->task_link);
	spin_unlock(&task->lock);

	thread_reference(t);                    /* the caller's */
	spin_lock(&sched_lock);
	sched_make_runnable(t);
	spin_unlock(&sched_lock);
	return t;
}

/* Leaves the task's thread list; the task goes when its last reference does. */
static _Noreturn void user_thread_exit(void)
{
	struct thread *self = current_thread();
	struct task *task = self->task;

	spin_lock(&task->lock);
	list_remove(&self->task_link);
	task->thread_count--;
	task->dead_thread_cycles += thread_cpu_cycles(self);
	spin_unlock(&task->lock);
	thread_port_destroy(self);
	exception_port_thread_gone(self);
	/* Run on the kernel's tables: the task's may go with the release. */
	pmap_activate(pmap_kernel());
	self->task = NULL;
	task_release(task);
	thread_exit();
}

MK_HOT_PATH void thread_return_to_user_checks(void)
{
	sched_preempt_point();
	if (current_thread()->terminate_requested)
		user_thread_exit();
}

_Noreturn void task_fatal_exception(const char *why)
{
	struct task *task = current_task();

	kprintf("mk: task '%s' thread %u: %s; terminating the task\n", task->name,
		current_thread()->id, why);
	task_terminate(task);
	user_thread_exit();
}
