/*
 * itimer.h: ITIMER_REAL, the one interval timer of a process (alarm,
 * setitimer, getitimer): a deadline on the apps' CLOCK_MONOTONIC and an
 * interval; at the deadline the process gets SIGALRM and the timer is set
 * again by its interval (or disarmed). Checked on the server's tick
 * (serve_timer), so it fires within a tick of its time, never early.
 * Kept across exec; a fork child starts without one (Linux's rules).
 */
#ifndef UX_ITIMER_H
#define UX_ITIMER_H

#include <stdbool.h>
#include <stdint.h>

struct process;

struct itimer {
	uint64_t deadline_ns;           /* 0: disarmed */
	uint64_t interval_ns;
};

/* Sets p's timer (value_ns 0 disarms) and gives the old one's time left
 * and interval. */
void itimer_set(struct process *p, uint64_t value_ns, uint64_t interval_ns,
		uint64_t *old_left_ns, uint64_t *old_interval_ns);
/* Disarms it (the process ends). */
void itimer_cancel(struct process *p);
/* Time left (0: disarmed) and interval. */
void itimer_get(const struct process *p, uint64_t *left_ns, uint64_t *interval_ns);
/* Some process has its timer armed (read without the lock, as a hint). */
bool itimer_any_armed(void);
/* Sends SIGALRM to every process whose deadline has passed. */
void itimer_fire(uint64_t now_ns);

#endif
