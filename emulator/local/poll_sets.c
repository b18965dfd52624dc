/*
 * poll_sets.c: select's sets and the timeouts of select, pselect6 and
 * ppoll as Linux checks them (poll_sets.h).
 */
#include "poll_sets.h"

bool poll_timeout_ns(int64_t sec, int64_t nsec, uint64_t *ns)
{
	if (sec < 0 || nsec < 0 || nsec >= NSEC_PER_SEC)
		return false;
	/* Past ~292 years the end is never reached: forever. */
	if ((uint64_t)sec > (UINT64_MAX - NSEC_PER_SEC) / NSEC_PER_SEC)
		*ns = POLL_FOREVER;
	else
		*ns = (uint64_t)sec * NSEC_PER_SEC + (uint64_t)nsec;
	return true;
}

bool select_timeval_ns(int64_t sec, int64_t usec, uint64_t *ns)
{
	/* The kernel's sum wraps (it builds with -fno-strict-overflow). */
	int64_t whole = (int64_t)((uint64_t)sec + (uint64_t)(usec / 1000000));

	return poll_timeout_ns(whole, usec % 1000000 * 1000, ns);
}

unsigned select_word_to_pollfds(int base, int n, uint64_t in, uint64_t out, uint64_t ex,
				struct linux_pollfd *fds)
{
	unsigned count = 0;

	for (int bit = 0; bit < 64 && base + bit < n; bit++) {
		uint64_t mask = 1ull << bit;
		int16_t events = 0;

		if (in & mask)
			events |= LINUX_POLLIN | LINUX_POLLRDNORM | LINUX_POLLRDBAND;
		if (out & mask)
			events |= LINUX_POLLOUT | LINUX_POLLWRNORM | LINUX_POLLWRBAND;
		if (ex & mask)
			events |= LINUX_POLLPRI;
		if (events)
			fds[count++] = (struct linux_pollfd){ base + bit, events, 0 };
	}
	return count;
}

unsigned select_ready(const struct linux_pollfd *p)
{
	unsigned r = p->revents, which = 0;

	if ((p->events & LINUX_POLLIN) && (r & SELECT_IN_SET))
		which |= 1;
	if ((p->events & LINUX_POLLOUT) && (r & SELECT_OUT_SET))
		which |= 2;
	if ((p->events & LINUX_POLLPRI) && (r & SELECT_EX_SET))
		which |= 4;
	return which;
}

unsigned select_count(unsigned which)
{
	return (which & 1) + (which >> 1 & 1) + (which >> 2 & 1);
}
