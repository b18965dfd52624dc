/*
 * timer_calls.c: alarm, setitimer and getitimer on ITIMER_REAL
 * (server/itimer.c). ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers) are
 * not implemented: -ENOSYS, so a program can tell.
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "server/process.h"

#define ITIMER_REAL 0
#define ITIMER_PROF 2
#define NS_PER_US 1000ull
#define NS_PER_S  1000000000ull

struct linux_timeval {
	int64_t sec, usec;
};

struct linux_itimerval {
	struct linux_timeval interval, value;
};
_Static_assert(sizeof(struct linux_itimerval) == UX_SIZEOF_ITIMERVAL, "two timevals");

static struct linux_timeval to_timeval(uint64_t ns)
{
	/* Linux rounds up to the microsecond: a set timer never reads 0. */
	uint64_t us = (ns + NS_PER_US - 1) / NS_PER_US;

	return (struct linux_timeval){ (int64_t)(us / 1000000), (int64_t)(us % 1000000) };
}

static bool timeval_valid(const struct linux_timeval *tv)
{
	return tv->sec >= 0 && tv->usec >= 0 && tv->usec < 1000000;
}

static uint64_t to_ns(const struct linux_timeval *tv)
{
	uint64_t max_sec = UINT64_MAX / NS_PER_S - 1;
	uint64_t sec = (uint64_t)tv->sec < max_sec ? (uint64_t)tv->sec : max_sec;

	return sec * NS_PER_S + (uint64_t)tv->usec * NS_PER_US;
}

static int64_t check_which(int which)
{
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -UX_EINVAL;
	return which == ITIMER_REAL ? 0 : -UX_ENOSYS;
}

int64_t ux_sys_getitimer(struct ux_call *c)
{
	int64_t r = check_which(arg_int(c->arg[0]));
	uint64_t left, interval;

	if (r < 0)
		return r;
	itimer_get(c->proc, &left, &interval);
	struct linux_itimerval v = { to_timeval(interval), to_timeval(left) };
	return call_put(c, &v, sizeof(v));
}

int64_t ux_sys_setitimer(struct ux_call *c)
{
	int64_t r = check_which(arg_int(c->arg[0]));
	struct linux_itimerval v = { 0 };
	uint64_t left, interval;

	if (r < 0)
		return r;
	if (c->in[0]) {
		memcpy(&v, c->in[0], sizeof(v));
		if (!timeval_valid(&v.value) || !timeval_valid(&v.interval))
			return -UX_EINVAL;
	}       /* a NULL value disarms, as Linux still allows */
	if (c->arg[2] && c->out_cap < sizeof(v))
		return -UX_EFAULT;
	itimer_set(c->proc, to_ns(&v.value), to_ns(&v.interval), &left, &interval);
	if (c->arg[2]) {
		struct linux_itimerval old = { to_timeval(interval), to_timeval(left) };
		return call_put(c, &old, sizeof(old));
	}
	return 0;
}

/* Seconds left of the previous alarm, rounded to the nearest second but
 * never 0 for one still set (Linux's alarm_setitimer). */
int64_t ux_sys_alarm(struct ux_call *c)
{
	uint64_t left, interval;
	uint32_t seconds = (uint32_t)c->arg[0];

	itimer_set(c->proc, (uint64_t)seconds * NS_PER_S, 0, &left, &interval);
	struct linux_timeval tv = to_timeval(left);
	if (tv.usec >= 500000 || (!tv.sec && tv.usec))
		tv.sec++;
	return tv.sec;
}
