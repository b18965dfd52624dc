/*
 * thread_traps.c: the traps about the calling thread and diagnostics:
 * console output, yield, exit, the clock and the null trap.
 */
#include "kern/console.h"
#include "kern/percpu.h"
#include "kern/sched.h"
#include "kern/task.h"
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/traps.h"

#define CONSOLE_CHUNK 256
#define CONSOLE_WRITE_MAX (64 * 1024)

int64_t trap_console_write(const struct trap_args *a)
{
	uint64_t buf = a->arg[0], len = a->arg[1];
	char chunk[CONSOLE_CHUNK];

	if (len > CONSOLE_WRITE_MAX)
		return MK_INVALID_ARGUMENT;
	for (uint64_t done = 0; done < len;) {
		uint64_t n = len - done < CONSOLE_CHUNK ? len - done : CONSOLE_CHUNK;
		if (copy_from_user(chunk, buf + done, n) != MK_SUCCESS)
			return MK_INVALID_ADDRESS;
		kprintf("%.*s", (int)n, chunk);
		done += n;
	}
	return MK_SUCCESS;
}

int64_t trap_thread_yield(const struct trap_args *a)
{
	(void)a;
	sched_yield();
	return MK_SUCCESS;
}

int64_t trap_thread_exit(const struct trap_args *a)
{
	(void)a;
	current_thread()->terminate_requested = 1;
	return MK_SUCCESS;              /* leaves at the return-to-user check */
}

int64_t trap_clock_ticks(const struct trap_args *a)
{
	(void)a;
	return (int64_t)sched_ticks();
}

int64_t trap_null(const struct trap_args *a)
{
	(void)a;
	return MK_SUCCESS;
}
