/*
 * switch.c: the cost of a thread switch alone, between two threads of one
 * task and between threads of two tasks, which also writes CR3. Two
 * threads pass the CPU back and forth with thread_yield; each figure is
 * one yield trap plus one switch.
 *
 * The difference between the two is what changing address spaces costs on
 * this machine. Under QEMU's TCG a CR3 write flushes the whole software
 * TLB and the translated-block jump cache, so every page and every jump
 * the code after it touches is looked up again: a floor under any
 * round trip between two tasks, which needs two such switches.
 */
#include "bench.h"

#define SWITCHES 20000
#define WARM_UP  200     /* the other thread's first faults and translations */

static void yield_forever(uint64_t unused)
{
	(void)unused;
	for (;;)
		mk_thread_yield();
}

/* Cycles per switch while the other thread yields back each time. */
static uint64_t ping_pong(void)
{
	for (int i = 0; i < WARM_UP; i++)
		mk_thread_yield();
	uint64_t start = bench_cycles();

	for (int i = 0; i < SWITCHES; i++)
		mk_thread_yield();
	return (bench_cycles() - start) / (2 * SWITCHES);
}

BENCH(thread_switch_same_task)
{
	mk_port_name_t thread;
	int64_t r = native_thread_spawn(yield_forever, 0, 0, &thread);

	if (r != MK_SUCCESS)
		bench_abort("native_thread_spawn", r);
	uint64_t cycles = ping_pong();
	if ((r = mk_thread_terminate(thread)) != MK_SUCCESS)
		bench_abort("thread_terminate", r);
	mk_port_deallocate(thread);
	return cycles;
}

BENCH(thread_switch_other_task)
{
	mk_port_name_t task;
	int64_t r = native_task_spawn(yield_forever, 0, MK_PORT_NULL, &task);

	if (r != MK_SUCCESS)
		bench_abort("native_task_spawn", r);
	uint64_t cycles = ping_pong();
	/* Ended now: a task left to its no-senders notification would still
	 * be yielding, a third thread in the next run's ping-pong. */
	if ((r = mk_task_terminate(task)) != MK_SUCCESS)
		bench_abort("task_terminate", r);
	mk_port_deallocate(task);
	return cycles;
}
