/* clock_getres on every clock id: the high-resolution and CPU-time clocks
 * say 1 ns, the coarse ones a tick (under a second); ids 10 (unused) and
 * 12 and above are EINVAL. The alarm clocks are left out: they need an RTC
 * on Linux. */
#include "../compat.h"
#include <time.h>

int main(void)
{
	static const struct { int id; const char *name; } clocks[] = {
		{ 0, "REALTIME" }, { 1, "MONOTONIC" }, { 2, "PROCESS_CPUTIME_ID" },
		{ 3, "THREAD_CPUTIME_ID" }, { 4, "MONOTONIC_RAW" }, { 5, "REALTIME_COARSE" },
		{ 6, "MONOTONIC_COARSE" }, { 7, "BOOTTIME" }, { 10, "10 (unused)" },
		{ 11, "TAI" }, { 12, "12" }, { 16, "16" }, { 1000, "1000" },
	};
	struct timespec r;

	for (unsigned i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		r.tv_sec = -1;
		r.tv_nsec = -1;
		if (show(clocks[i].name, syscall(SYS_clock_getres, clocks[i].id, &r)) < 0)
			continue;
		if (clocks[i].id == 5 || clocks[i].id == 6)
			check("  a tick, under a second", r.tv_sec == 0 && r.tv_nsec > 1 && r.tv_nsec < 1000000000);
		else
			printf("  %ld s %ld ns\n", (long)r.tv_sec, r.tv_nsec);
	}
	show("THREAD_CPUTIME_ID, NULL", syscall(SYS_clock_getres, 3, NULL));
	show("TAI, NULL", syscall(SYS_clock_getres, 11, NULL));
	show("bad clock, NULL", syscall(SYS_clock_getres, 12, NULL));
	return 0;
}
