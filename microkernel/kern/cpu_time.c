/*
 * cpu_time.c: see cpu_time.h; also the traps thread_cpu_time and
 * task_cpu_time. A thread running on another CPU is counted up to its
 * last switch (one CPU runs for now).
 */
#include "arch/x86_64/cpu.h"
#include "kern/cpu_time.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/thread.h"
#include "kern/thread_port.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"

void cpu_time_switch(struct cpu *c, struct thread *prev)
{
	uint64_t now = rdtsc();

	prev->cpu_cycles += now - c->switch_tsc;
	c->switch_tsc = now;
}

uint64_t thread_cpu_cycles(struct thread *t)
{
	struct cpu *c = this_cpu();
	uint64_t cycles = __atomic_load_n(&t->cpu_cycles, __ATOMIC_RELAXED);

	if (c->current == t)
		cycles += rdtsc() - c->switch_tsc;
	return cycles;
}

int64_t trap_thread_cpu_time(const struct trap_args *a)
{
	struct thread *t;
	mk_return_t ret = thread_from_name((mk_port_name_t)a->arg[0], &t);

	if (ret != MK_SUCCESS)
		return ret;
	uint64_t cycles = thread_cpu_cycles(t);
	thread_release(t);
	return copy_to_user(a->arg[1], &cycles, sizeof(cycles));
}

int64_t trap_task_cpu_time(const struct trap_args *a)
{
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);

	if (!task)
		return MK_INVALID_TASK;
	spin_lock(&task->lock);
	uint64_t cycles = task->dead_thread_cycles;
	list_for_each(node, &task->threads)
		cycles += thread_cpu_cycles(list_entry(node, struct thread, task_link));
	spin_unlock(&task->lock);
	task_release(task);
	return copy_to_user(a->arg[1], &cycles, sizeof(cycles));
}
