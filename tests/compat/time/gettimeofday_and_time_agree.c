/* gettimeofday, time and CLOCK_REALTIME tell the same time (the raw calls,
 * within a second); time(NULL) is allowed; time stores where asked.
 * Linux's time() reads the coarse clock, updated once per tick, so just
 * after a second boundary it may still say the previous second while
 * gettimeofday already says the new one: "agrees" means within one second
 * either way. */
#include "../compat.h"
#include <sys/time.h>
#include <time.h>

int main(void)
{
	struct timeval tv;
	struct timespec ts;
	time_t t1, t2 = 0;

	show("gettimeofday", syscall(SYS_gettimeofday, &tv, NULL));
	check("usec in range", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	t1 = syscall(SYS_time, NULL);
	check("time(NULL) agrees", t1 - tv.tv_sec >= -1 && t1 - tv.tv_sec <= 1);
	check("time(&t) returns and stores", syscall(SYS_time, &t2) == t2 && t2 >= t1);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	check("CLOCK_REALTIME agrees", ts.tv_sec - t2 >= -1 && ts.tv_sec - t2 <= 1);
	show("gettimeofday NULL NULL", syscall(SYS_gettimeofday, NULL, NULL));
	return 0;
}
