/*
 * itimer.c: ITIMER_REAL (itimer.h). Under server.lock, except
 * itimer_any_armed.
 */
#include "itimer.h"
#include "process.h"
#include "server.h"

#define SIGALRM 14
#define SI_KERNEL 0x80

static uint32_t armed;                  /* processes whose timer is armed */

static void disarm(struct process *p)
{
	if (p->itimer.deadline_ns) {
		p->itimer.deadline_ns = 0;
		__atomic_fetch_sub(&armed, 1, __ATOMIC_RELAXED);
	}
}

void itimer_cancel(struct process *p)
{
	disarm(p);
	p->itimer.interval_ns = 0;
}

void itimer_get(const struct process *p, uint64_t *left_ns, uint64_t *interval_ns)
{
	uint64_t now = ux_now_ns(), at = p->itimer.deadline_ns;

	/* A due timer not fired yet reads as just about to (Linux: 1 us). */
	*left_ns = !at ? 0 : at > now ? at - now : 1000;
	*interval_ns = p->itimer.interval_ns;
}

void itimer_set(struct process *p, uint64_t value_ns, uint64_t interval_ns,
		uint64_t *old_left_ns, uint64_t *old_interval_ns)
{
	itimer_get(p, old_left_ns, old_interval_ns);
	disarm(p);
	p->itimer.interval_ns = value_ns ? interval_ns : 0;
	if (value_ns) {
		p->itimer.deadline_ns = ux_now_ns() + value_ns;
		__atomic_fetch_add(&armed, 1, __ATOMIC_RELAXED);
	}
}

bool itimer_any_armed(void)
{
	return __atomic_load_n(&armed, __ATOMIC_RELAXED) != 0;
}

void itimer_fire(uint64_t now_ns)
{
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *p = process_slot(i);
		if (!p->itimer.deadline_ns)
			continue;
		if (p->state != PROCESS_RUNNING) {
			disarm(p);
			continue;
		}
		if (p->itimer.deadline_ns > now_ns)
			continue;
		if (p->itimer.interval_ns) {
			while (p->itimer.deadline_ns <= now_ns)     /* overruns coalesce */
				p->itimer.deadline_ns += p->itimer.interval_ns;
		} else {
			disarm(p);
		}
		struct signal_info info = { .code = SI_KERNEL };
		signal_send(p, SIGALRM, &info);
	}
}
