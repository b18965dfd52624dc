/*
 * thread.c: more threads in a native task. Each runs fn(arg) on a stack
 * of its own; when fn returns, the stack goes on a free list for the next
 * thread and the thread exits (thread_exit.S does both without touching
 * the stack again, since another thread may take it at once). A thread
 * terminated from outside never gets there: its stack stays allocated.
 *
 * Stacks are popped only under `stacks_lock` and pushed lock-free, so the
 * list has one popper at a time and no ABA problem.
 */
#include "lib/native/lock.h"
#include "lib/native/native.h"

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

int64_t native_thread_spawn(void (*fn)(uint64_t), uint64_t arg, uint32_t flags,
			    mk_port_name_t *thread)
{
	struct thread_stack *s = pop_free_stack();
	int64_t r = s ? MK_SUCCESS : new_stack(&s);

	if (r != MK_SUCCESS)
		return r;
	s->fn = fn;
	s->arg = arg;
	/* As at a call: rsp + 8 is 16-byte aligned; thread_main never returns. */
	uint64_t rsp = (((uint64_t)s) & ~15ull) - 8;
	r = thread ? mk_thread_create_port(MK_PORT_NULL, (uint64_t)thread_main, rsp, (uint64_t)s,
					   flags, thread)
		   : mk_thread_create(MK_PORT_NULL, (uint64_t)thread_main, rsp, (uint64_t)s);
	if (r != MK_SUCCESS) {         /* back on the list, for the next try */
		s->next = __atomic_load_n(&native_free_stacks, __ATOMIC_RELAXED);
		while (!__atomic_compare_exchange_n(&native_free_stacks, &s->next, s, 0,
						    __ATOMIC_RELEASE, __ATOMIC_RELAXED))
			;
	}
	return r;
}
