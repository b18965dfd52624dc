/* clock_getres: the high-resolution clocks have 1 ns resolution on Linux;
 * a NULL result pointer is allowed; a bad clock is EINVAL. */
#include "../compat.h"
#include <time.h>

int main(void)
{
	struct timespec r;

	show("CLOCK_REALTIME", syscall(SYS_clock_getres, CLOCK_REALTIME, &r));
	printf("  %ld s %ld ns\n", (long)r.tv_sec, r.tv_nsec);
	show("CLOCK_MONOTONIC", syscall(SYS_clock_getres, CLOCK_MONOTONIC, &r));
	printf("  %ld s %ld ns\n", (long)r.tv_sec, r.tv_nsec);
	show("CLOCK_BOOTTIME", syscall(SYS_clock_getres, CLOCK_BOOTTIME, &r));
	printf("  %ld s %ld ns\n", (long)r.tv_sec, r.tv_nsec);
	show("CLOCK_MONOTONIC_COARSE", syscall(SYS_clock_getres, CLOCK_MONOTONIC_COARSE, &r));
	check("  coarse is coarser, under a second", r.tv_sec == 0 && r.tv_nsec > 1 && r.tv_nsec < 1000000000);
	show("NULL result", syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL));
	show("bad clock", syscall(SYS_clock_getres, 1000, &r));
	return 0;
}
