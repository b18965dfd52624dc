/* clock_gettime (the raw call, not the vDSO): every clock Linux has
 * answers, monotonic clocks never go back, nanoseconds stay below 1e9,
 * the realtime clock is past 2020; a bad clock is EINVAL. */
#include "../compat.h"
#include <time.h>

static long long ns(struct timespec t)
{
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
	static const struct { int id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "CLOCK_REALTIME" }, { CLOCK_MONOTONIC, "CLOCK_MONOTONIC" },
		{ CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID" },
		{ CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID" },
		{ CLOCK_MONOTONIC_RAW, "CLOCK_MONOTONIC_RAW" },
		{ CLOCK_REALTIME_COARSE, "CLOCK_REALTIME_COARSE" },
		{ CLOCK_MONOTONIC_COARSE, "CLOCK_MONOTONIC_COARSE" },
		{ CLOCK_BOOTTIME, "CLOCK_BOOTTIME" },
	};
	struct timespec a, b;

	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		long r1 = syscall(SYS_clock_gettime, clocks[i].id, &a);
		long r2 = syscall(SYS_clock_gettime, clocks[i].id, &b);

		printf("%s: %s, nsec in range %s, not backwards %s\n", clocks[i].name,
		       r1 == 0 && r2 == 0 ? "ok" : errname(errno),
		       a.tv_nsec >= 0 && a.tv_nsec < 1000000000 ? "yes" : "no",
		       ns(b) >= ns(a) ? "yes" : "no");
	}
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &a);
	check("realtime after 2020", a.tv_sec > 1577836800);
	show("bad clock", syscall(SYS_clock_gettime, 1000, &a));
	show("negative clock", syscall(SYS_clock_gettime, -1000, &a));
	return 0;
}
