/*
 * test_poll_sets.c: select's sets as poll's array and back, and the
 * timeout checks of select, pselect6 and ppoll (emulator/local/
 * poll_sets.c), against the host's Linux: the same pipes in each state
 * are asked through the host's select and through its poll with the
 * events the emulator sends, and the same timeouts are given to the
 * host's calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "local/poll_sets.c"
#include "unit.h"

static void constants_are_linux_s(void)
{
	UNIT_CHECK(LINUX_POLLIN == POLLIN && LINUX_POLLPRI == POLLPRI && LINUX_POLLOUT == POLLOUT);
	UNIT_CHECK(LINUX_POLLERR == POLLERR && LINUX_POLLHUP == POLLHUP &&
		   LINUX_POLLNVAL == POLLNVAL);
	UNIT_CHECK(LINUX_POLLRDNORM == POLLRDNORM && LINUX_POLLRDBAND == POLLRDBAND);
	UNIT_CHECK(LINUX_POLLWRNORM == POLLWRNORM && LINUX_POLLWRBAND == POLLWRBAND);
	UNIT_CHECK(sizeof(struct linux_pollfd) == sizeof(struct pollfd));
}

/* A pipe end in one of the states select tells apart. */
enum state { EMPTY_READ, EMPTY_WRITE, DATA_READ, NO_WRITER, NO_READER, FULL_WRITE, STATES };

static int make(enum state s, int other[1])
{
	int p[2];
	char page[4096] = { 0 };

	if (pipe2(p, O_NONBLOCK) != 0)
		return -1;
	switch (s) {
	case DATA_READ:
		(void)!write(p[1], "x", 1);
		break;
	case NO_WRITER:
		close(p[1]);
		p[1] = -1;
		break;
	case NO_READER:
		close(p[0]);
		p[0] = -1;
		break;
	case FULL_WRITE:
		while (write(p[1], page, sizeof(page)) > 0)
			;
		break;
	default:
		break;
	}
	bool reader = s == EMPTY_READ || s == DATA_READ || s == NO_WRITER;
	*other = reader ? p[1] : p[0];
	return reader ? p[0] : p[1];
}

/* Which sets (bit 0 in, 1 out, 2 ex) the host's select says fd is
 * ready in, asked in the sets of want. */
static unsigned host_select(int fd, unsigned want)
{
	fd_set s[3];
	struct timeval tv = { 0, 0 };
	unsigned got = 0;

	for (int i = 0; i < 3; i++) {
		FD_ZERO(&s[i]);
		if (want & (1u << i))
			FD_SET(fd, &s[i]);
	}
	if (select(fd + 1, &s[0], &s[1], &s[2], &tv) < 0)
		return ~0u;
	for (int i = 0; i < 3; i++)
		got |= FD_ISSET(fd, &s[i]) ? 1u << i : 0;
	return got;
}

/* The same through the emulator's conversion and the host's poll. */
static unsigned ours(int fd, unsigned want)
{
	struct linux_pollfd fds[64];
	uint64_t bit = 1ull << (fd % 64);
	int base = fd - fd % 64;

	unsigned n = select_word_to_pollfds(base, fd + 1, want & 1 ? bit : 0, want & 2 ? bit : 0,
					    want & 4 ? bit : 0, fds);
	if (n != 1 || fds[0].fd != fd || poll((struct pollfd *)fds, 1, 0) < 0)
		return ~0u;
	return select_ready(&fds[0]);
}

static void every_pipe_state_and_set_matches_host_select(void)
{
	for (int s = 0; s < STATES; s++) {
		int other, fd = make((enum state)s, &other);
		UNIT_CHECK(fd >= 0);
		for (unsigned want = 1; want < 8; want++) {
			unsigned host = host_select(fd, want), got = ours(fd, want);
			if (host != got)
				printf("  state %d sets %u: host %#x, ours %#x\n", s, want, host, got);
			UNIT_CHECK(host == got);
			UNIT_CHECK(select_count(got) == (unsigned)__builtin_popcount(got));
		}
		close(fd);
		if (other >= 0)
			close(other);
	}
}

static void words_give_only_bits_below_nfds(void)
{
	struct linux_pollfd fds[64];

	UNIT_CHECK(select_word_to_pollfds(64, 70, ~0ull, 0, 0, fds) == 6);
	UNIT_CHECK(fds[0].fd == 64 && fds[5].fd == 69);
	UNIT_CHECK(select_word_to_pollfds(0, 64, 0, 1ull << 63, 1ull << 63, fds) == 1);
	UNIT_CHECK(fds[0].fd == 63 && (fds[0].events & LINUX_POLLOUT) &&
		   (fds[0].events & LINUX_POLLPRI) && !(fds[0].events & LINUX_POLLIN));
	UNIT_CHECK(select_word_to_pollfds(0, 0, ~0ull, ~0ull, ~0ull, fds) == 0);
	UNIT_CHECK(select_word_to_pollfds(0, 3, 0x5, 0x2, 0, fds) == 3);
	UNIT_CHECK(fds[0].fd == 0 && fds[1].fd == 1 && fds[2].fd == 2);
}

/* A closed descriptor in a set: EBADF from the host once its timeout
 * passed the checks (without waiting), EINVAL when it did not. */
static int host_select_timeout(long sec, long usec)
{
	int fd = dup(0);
	close(fd);
	fd_set r;
	FD_ZERO(&r);
	FD_SET(fd, &r);
	struct timeval tv = { sec, usec };
	return syscall(SYS_select, fd + 1, &r, NULL, NULL, &tv) < 0 ? errno : 0;
}

static int host_ppoll_timeout(long sec, long nsec)
{
	struct timespec ts = { sec, nsec };
	return syscall(SYS_ppoll, (void *)8, 1, &ts, NULL, 0) < 0 ? errno : 0;
}

static void timeouts_are_refused_as_the_host_refuses_them(void)
{
	static const long cases[][2] = {
		{ 0, 0 }, { 0, -1 }, { -1, 0 }, { 0, 999999 }, { 0, 1000000 }, { 0, 1500000 },
		{ 2, -1000000 }, { 1, -2000000 }, { 0, 999999999 }, { 0, 1000000000 },
		{ 1, -1 }, { 0x7fffffffffffffffl, 0 }, { 0x7fffffffffffffffl, 1000000 },
		{ -0x7fffffffffffffffl - 1, -1000000 }, { 1l << 40, 5 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint64_t ns;
		long sec = cases[i][0], frac = cases[i][1];
		bool sel_ok = select_timeval_ns(sec, frac, &ns);
		bool poll_ok = poll_timeout_ns(sec, frac, &ns);
		int host_sel = host_select_timeout(sec, frac), host_poll = host_ppoll_timeout(sec, frac);
		if (sel_ok != (host_sel == EBADF) || poll_ok != (host_poll == EFAULT))
			printf("  %ld, %ld: select %d (host %d), ppoll %d (host %d)\n", sec, frac,
			       sel_ok, host_sel, poll_ok, host_poll);
		UNIT_CHECK(sel_ok == (host_sel == EBADF));
		UNIT_CHECK(poll_ok == (host_poll == EFAULT));
	}
}

static void timeouts_in_nanoseconds(void)
{
	uint64_t ns;

	UNIT_CHECK(select_timeval_ns(1, 1500000, &ns) && ns == 2500000000ull);
	UNIT_CHECK(select_timeval_ns(2, -1000000, &ns) && ns == 1000000000ull);
	UNIT_CHECK(poll_timeout_ns(0, 7, &ns) && ns == 7);
	UNIT_CHECK(poll_timeout_ns(0x7fffffffffffffffl, 0, &ns) && ns == POLL_FOREVER);
	UNIT_CHECK(poll_timeout_ns(18446744073l, 0, &ns) && ns == POLL_FOREVER);
	UNIT_CHECK(poll_timeout_ns(18446744072l, 0, &ns) && ns == 18446744072000000000ull);
}

static const struct unit_case cases[] = {
	UNIT_CASE(constants_are_linux_s),
	UNIT_CASE(every_pipe_state_and_set_matches_host_select),
	UNIT_CASE(words_give_only_bits_below_nfds),
	UNIT_CASE(timeouts_are_refused_as_the_host_refuses_them),
	UNIT_CASE(timeouts_in_nanoseconds),
};

UNIT_MAIN("poll_sets", cases)
