/*
 * cpu_time.c: the CPU-time traps (kern/cpu_time.c): a thread's count
 * grows while it runs and not while it sleeps; a task's covers its
 * threads; bad names are refused.
 */
#include "ipc_util.h"
#include "lib/tsc.h"

static uint64_t thread_cycles(void)
{
	uint64_t c = 0;
	UTEST_EXPECT_RETURN(mk_thread_cpu_time(MK_PORT_NULL, &c), MK_SUCCESS);
	return c;
}

UTEST(cpu_time_grows_while_running_not_while_sleeping)
{
	uint64_t before = thread_cycles(), task = 0;
	volatile uint64_t sink = 0;

	for (uint64_t i = 0; i < 2000000; i++)
		sink += i;
	uint64_t after_spin = thread_cycles();
	uint64_t wall_before = rdtsc();
	native_sleep_ms(200);
	uint64_t wall_slept = rdtsc() - wall_before;
	uint64_t after_sleep = thread_cycles();
	UTEST_EXPECT_RETURN(mk_task_cpu_time(MK_PORT_NULL, &task), MK_SUCCESS);
	UTEST_ASSERT(after_spin > before);
	/* Asleep, the thread is charged only for going to sleep and waking:
	 * far less than the sleep's wall time. (Not compared with the spin:
	 * on a loaded host, QEMU itself may be preempted for milliseconds
	 * while the thread runs, and the TSC counts that too.) */
	uint64_t slept = after_sleep - after_spin;
	if (slept > wall_slept / 4)
		utest_fail("sleeping counted %lu cycles of a %lu-cycle sleep", slept, wall_slept);
	UTEST_ASSERT(task >= after_sleep);
}

UTEST(cpu_time_traps_reject_bad_names_and_addresses)
{
	uint64_t c;
	mk_port_name_t port = test_new_port();

	UTEST_EXPECT_RETURN(mk_thread_cpu_time(0x7777, &c), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_thread_cpu_time(port, &c), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_task_cpu_time(port, &c), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_thread_cpu_time(MK_PORT_NULL, (uint64_t *)0x10), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}
