/* nanosleep and clock_nanosleep sleep at least as long as asked; an
 * absolute deadline in the past returns at once; bad nanoseconds are
 * EINVAL. */
#include "../compat.h"
#include <time.h>

static long long now_ns(void)
{
	struct timespec t;

	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
	struct timespec req = { 0, 20 * 1000 * 1000 }, rem = { 7, 7 }, past = { 0, 0 };
	long long t0 = now_ns(), t1;

	show("nanosleep 20ms", syscall(SYS_nanosleep, &req, &rem));
	t1 = now_ns();
	check("slept >= 20ms", t1 - t0 >= 20 * 1000 * 1000);
	check("slept < 5s", t1 - t0 < 5000000000LL);
	show("clock_nanosleep relative 10ms", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &(struct timespec){ 0, 10000000 }, NULL));
	check("slept >= 10ms more", now_ns() - t1 >= 10 * 1000 * 1000);
	show("clock_nanosleep absolute past", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL));
	req.tv_nsec = 1000000000;
	show("nsec too big", syscall(SYS_nanosleep, &req, NULL));
	req.tv_nsec = -1;
	show("nsec negative", syscall(SYS_nanosleep, &req, NULL));
	show("zero sleep", syscall(SYS_nanosleep, &(struct timespec){ 0, 0 }, NULL));
	show("bad clock", syscall(SYS_clock_nanosleep, 1000, 0, &past, NULL));
	return 0;
}
