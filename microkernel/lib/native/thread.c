/*
 * thread.c: thread stacks of native tasks, and more threads in a task.
 * Each thread runs fn(arg) on a stack of its own; when fn returns, the
 * stack goes on a free list for the next thread and the thread exits
 * (thread_exit.S does both without touching the stack again, since another
 * thread may take it at once). A thread terminated from outside never gets
 * there: its stack stays allocated.
 *
 * The first thread of a task made by native_task_spawn starts on this
 * task's copy of such a stack (stack.h), so both ways share one start and
 * one end.
 *
 * Stacks are popped only under `stacks_lock` and pushed lock-free, so the
 * list has one popper at a time and no ABA problem.
 */
#include "lib/native/lock.h"
#include "lib/native/native.h"
#include "lib/native/stack.h"

#define THREAD_STACK_SIZE (64 * 1024)

/* At the top of every thread stack. */
struct thread_stack {
	struct thread_stack *next;      /* on free_stacks */
	void (*fn)(uint64_t);
	uint64_t arg;
};

struct thread_stack *native_free_stacks;        /* pushed by thread_exit.S */
static struct native_lock stacks_lock = NATIVE_LOCK_INIT;

_Noreturn void native_thread_finish(struct thread_stack *s, struct thread_stack **free_list);

static void thread_main(struct thread_stack *s)
{
	s->fn(s->arg);
	native_thread_finish(s, &native_free_stacks);
}

static struct thread_stack *pop_free_stack(void)
{
	native_lock(&stacks_lock);
	struct thread_stack *s = __atomic_load_n(&native_free_stacks, __ATOMIC_ACQUIRE);
	while (s && !__atomic_compare_exchange_n(&native_free_stacks, &s, s->next, 0,
						 __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
		;
	native_unlock(&stacks_lock);
	return s;
}

static int64_t new_stack(struct thread_stack **out)
{
	uint64_t base = 0;
	int64_t r = mk_vm_allocate(MK_PORT_NULL, &base, THREAD_STACK_SIZE, MK_VM_FLAGS_ANYWHERE);

	if (r == MK_SUCCESS)
		*out = (struct thread_stack *)(base + THREAD_STACK_SIZE) - 1;
	return r;
}

int64_t native_stack_take(void (*fn)(uint64_t), uint64_t arg, struct native_thread_start *start)
{
	struct thread_stack *s = pop_free_stack();
	int64_t r = s ? MK_SUCCESS : new_stack(&s);

	if (r != MK_SUCCESS)
		return r;
	s->fn = fn;
	s->arg = arg;
	start->stack = s;
	start->rip = (uint64_t)thread_main;
	/* As at a call: rsp + 8 is 16-byte aligned; thread_main never returns. */
	start->rsp = (((uint64_t)s) & ~15ull) - 8;
	start->arg = (uint64_t)s;
	return MK_SUCCESS;
}

void native_stack_give_back(const struct native_thread_start *start)
{
	struct thread_stack *s = start->stack;

	s->next = __atomic_load_n(&native_free_stacks, __ATOMIC_RELAXED);
	while (!__atomic_compare_exchange_n(&native_free_stacks, &s->next, s, 0,
					    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
		;
}

int64_t native_thread_create(mk_port_name_t task, const struct native_thread_start *start,
			     uint32_t flags, mk_port_name_t *thread)
{
	return thread ? mk_thread_create_port(task, start->rip, start->rsp, start->arg, flags,
					      thread)
		      : mk_thread_create(task, start->rip, start->rsp, start->arg);
}

int64_t native_thread_spawn(void (*fn)(uint64_t), uint64_t arg, uint32_t flags,
			    mk_port_name_t *thread)
{
	struct native_thread_start start;
	int64_t r = native_stack_take(fn, arg, &start);

	if (r != MK_SUCCESS)
		return r;
	r = native_thread_create(MK_PORT_NULL, &start, flags, thread);
	if (r != MK_SUCCESS)
		native_stack_give_back(&start);         /* for the next try */
	return r;
}
