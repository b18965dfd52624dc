/*
 * poll_sets.h: the pure part of select, pselect6 and ppoll, as Linux's
 * fs/select.c has it: timeouts checked and normalised, and select's fd
 * sets turned into poll's array and back. No app memory and no server
 * here (poll.c does those), so the host tests compare it with Linux.
 */
#ifndef EMULATOR_POLL_SETS_H
#define EMULATOR_POLL_SETS_H

#include <stdbool.h>
#include <stdint.h>

struct linux_pollfd {
	int32_t fd;
	int16_t events, revents;
};

#define LINUX_POLLIN     0x001
#define LINUX_POLLPRI    0x002
#define LINUX_POLLOUT    0x004
#define LINUX_POLLERR    0x008
#define LINUX_POLLHUP    0x010
#define LINUX_POLLNVAL   0x020
#define LINUX_POLLRDNORM 0x040
#define LINUX_POLLRDBAND 0x080
#define LINUX_POLLWRNORM 0x100
#define LINUX_POLLWRBAND 0x200

/* What readable, writable and exceptional mean (fs/select.c). */
#define SELECT_IN_SET  (LINUX_POLLRDNORM | LINUX_POLLRDBAND | LINUX_POLLIN | \
			LINUX_POLLHUP | LINUX_POLLERR)
#define SELECT_OUT_SET (LINUX_POLLWRBAND | LINUX_POLLWRNORM | LINUX_POLLOUT | LINUX_POLLERR)
#define SELECT_EX_SET  LINUX_POLLPRI

#define NSEC_PER_SEC 1000000000ll
#define POLL_FOREVER UINT64_MAX

/* A timeout as poll_select_set_timeout takes it: its length in ns, or
 * false when Linux says EINVAL (negative, or nsec out of range). */
bool poll_timeout_ns(int64_t sec, int64_t nsec, uint64_t *ns);
/* select's timeval, which Linux first normalises (usec may exceed a
 * second). */
bool select_timeval_ns(int64_t sec, int64_t usec, uint64_t *ns);

/* One 64-bit word of select's three sets (fds base..base+63, only those
 * below n) as pollfds appended at fds: how many. */
unsigned select_word_to_pollfds(int base, int n, uint64_t in, uint64_t out, uint64_t ex,
				struct linux_pollfd *fds);
/* poll's answer for one of them as select's bits: which of its sets it
 * is ready in (bit 0 in, 1 out, 2 ex), as do_select counts them. */
unsigned select_ready(const struct linux_pollfd *p);
/* How many sets that is (do_select counts each). */
unsigned select_count(unsigned which);

#endif
