/*
 * clock.c: the clocks and sleeping, answered in the emulator like
 * Linux's vDSO answers them: CLOCK_MONOTONIC (and _RAW, _COARSE,
 * BOOTTIME) is the TSC since boot scaled by the rate the server measured
 * (emulator_header.tsc_ns_mult); CLOCK_REALTIME adds the wall time the
 * server read at boot, and so does CLOCK_TAI (Linux's offset between the
 * two is 0 until NTP sets it, which nothing here does). The CPU-time
 * clocks are the kernel's count of TSC cycles the task or thread has run,
 * scaled the same way. Sleeping is a receive that times out on a port
 * nobody sends to (the kernel's timeouts tick at 10 ms).
 */
#include <stdbool.h>

#include "core/thread.h"
#include "core/uaccess.h"
#include "emulator/header.h"
#include "lib/tsc.h"
#include "linux_errno.h"
#include "local_calls.h"
#include "mk/return.h"
#include "mk/traps.h"

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID  3
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7
#define CLOCK_TAI                11
#define TIMER_ABSTIME            1
#define NSEC_PER_SEC             1000000000ull
#define KERNEL_TICK_NS           10000000ull    /* HZ 100 */

struct linux_timespec {
	int64_t sec, nsec;
};

extern struct emulator_header emu_header;

static uint64_t cycles_to_ns(uint64_t cycles)
{
	return (uint64_t)(((unsigned __int128)cycles * emu_header.tsc_ns_mult) >> 32);
}

uint64_t emu_monotonic_ns(void)
{
	if (!emu_header.tsc_ns_mult)
		return (uint64_t)mk_clock_ticks() * KERNEL_TICK_NS;
	return emulator_clock_ns(&emu_header, rdtsc());
}

/* The coarse clocks move a tick at a time, as Linux's do. */
static uint64_t coarse(uint64_t ns)
{
	return ns - ns % KERNEL_TICK_NS;
}

/* ns on clock id, or -EINVAL. */
static int64_t clock_ns(uint64_t id)
{
	switch (id) {
	case CLOCK_REALTIME:
	case CLOCK_TAI:         /* TAI - UTC is 0 until adjtimex sets it, on Linux too */
		return (int64_t)(emu_monotonic_ns() + emu_header.realtime_at_boot_ns);
	case CLOCK_REALTIME_COARSE:
		return (int64_t)(coarse(emu_monotonic_ns()) + emu_header.realtime_at_boot_ns);
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		return (int64_t)emu_monotonic_ns();
	case CLOCK_MONOTONIC_COARSE:
		return (int64_t)coarse(emu_monotonic_ns());
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID: {
		uint64_t cycles = 0;
		int64_t r = id == CLOCK_THREAD_CPUTIME_ID ? mk_thread_cpu_time(MK_PORT_NULL, &cycles)
							   : mk_task_cpu_time(MK_PORT_NULL, &cycles);
		if (r != MK_SUCCESS || !emu_header.tsc_ns_mult)
			return -LINUX_EINVAL;
		return (int64_t)cycles_to_ns(cycles);
	}
	default:
		return -LINUX_EINVAL;
	}
}

static long put_timespec(uint64_t to, int64_t ns)
{
	struct linux_timespec ts = { ns / (int64_t)NSEC_PER_SEC, ns % (int64_t)NSEC_PER_SEC };
	return emu_copy_to_user(to, &ts, sizeof(ts));
}

long emu_local_clock_gettime(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	int64_t ns = clock_ns(a[0]);
	return ns < 0 ? ns : put_timespec(a[1], ns);
}

long emu_local_clock_getres(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	int64_t ns = clock_ns(a[0]);
	if (ns < 0)
		return ns;
	if (!a[1])
		return 0;
	bool fine = emu_header.tsc_ns_mult && a[0] != CLOCK_REALTIME_COARSE &&
		    a[0] != CLOCK_MONOTONIC_COARSE;
	return put_timespec(a[1], fine ? 1 : (int64_t)KERNEL_TICK_NS);
}

long emu_local_gettimeofday(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	int64_t ns = clock_ns(CLOCK_REALTIME);
	struct { int64_t sec, usec; } tv = { ns / (int64_t)NSEC_PER_SEC,
					      ns % (int64_t)NSEC_PER_SEC / 1000 };
	struct { int32_t minuteswest, dsttime; } tz = { 0, 0 };
	long r = a[0] ? emu_copy_to_user(a[0], &tv, sizeof(tv)) : 0;
	if (r == 0 && a[1])
		r = emu_copy_to_user(a[1], &tz, sizeof(tz));
	return r;
}

long emu_local_time(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	int64_t sec = clock_ns(CLOCK_REALTIME) / (int64_t)NSEC_PER_SEC;
	if (a[0]) {
		long r = emu_copy_to_user(a[0], &sec, sizeof(sec));
		if (r < 0)
			return r;
	}
	return sec;
}

/* Sleeps at least ns: the kernel's timeouts are whole ticks that may end
 * early within one, so it sleeps again until the clock says it is over. */
static mk_port_name_t nobody_sends;    /* a receive right, made at the first sleep */

void emu_clock_forget_ports(void)
{
	nobody_sends = MK_PORT_NULL;
}

static long sleep_ns(uint64_t ns)
{
	struct mk_msg_header buffer;
	uint64_t deadline = emu_monotonic_ns() + ns, now;

	if (ns == 0) {
		mk_thread_yield();
		return 0;
	}
	if (nobody_sends == MK_PORT_NULL &&
	    mk_port_allocate(MK_RIGHT_RECEIVE, &nobody_sends) != MK_SUCCESS)
		return -LINUX_EAGAIN;
	while ((now = emu_monotonic_ns()) < deadline) {
		uint64_t ms = (deadline - now + 999999) / 1000000;
		mk_msg(&buffer, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0,
		       sizeof(buffer), nobody_sends, ms);
	}
	return 0;
}

/* A request's length in ns; beyond ~292 years is forever enough. */
static uint64_t request_ns(const struct linux_timespec *ts)
{
	if ((uint64_t)ts->sec >= UINT64_MAX / NSEC_PER_SEC - 1)
		return UINT64_MAX / 2;
	return (uint64_t)ts->sec * NSEC_PER_SEC + (uint64_t)ts->nsec;
}

static long read_request(uint64_t from, struct linux_timespec *ts)
{
	long r = emu_copy_from_user(ts, from, sizeof(*ts));
	if (r < 0)
		return r;
	if (ts->sec < 0 || ts->nsec < 0 || ts->nsec >= (int64_t)NSEC_PER_SEC)
		return -LINUX_EINVAL;
	return 0;
}

long emu_local_nanosleep(struct emu_thread *t, const uint64_t a[6])
{
	struct linux_timespec ts;
	(void)t;
	long r = read_request(a[0], &ts);
	if (r < 0)
		return r;
	return sleep_ns(request_ns(&ts));
}

long emu_local_clock_nanosleep(struct emu_thread *t, const uint64_t a[6])
{
	struct linux_timespec ts;
	(void)t;
	int64_t now = clock_ns(a[0]);
	if (now < 0)
		return now;
	long r = read_request(a[2], &ts);
	if (r < 0)
		return r;
	uint64_t ns = request_ns(&ts);
	if (a[1] & TIMER_ABSTIME)
		ns = ns > (uint64_t)now ? ns - (uint64_t)now : 0;
	return sleep_ns(ns);
}

long emu_local_sched_yield(struct emu_thread *t, const uint64_t a[6])
{
	(void)t, (void)a;
	mk_thread_yield();
	return 0;
}
