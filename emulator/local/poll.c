/*
 * poll.c: select, pselect6 and ppoll as the server's poll, with Linux's
 * checks in Linux's order (fs/select.c). The server parks a poll until a
 * descriptor is ready or its timeout (whole ms) passes; a longer or
 * finer wait is polled again until the deadline on the emulator's clock.
 *
 * select builds poll's array in the request itself (one message: at most
 * UX_DATA_MAX / 8 descriptors with a bit set, else ENOMEM) and turns the
 * answer back into the sets. A signal mask argument is applied around
 * the wait with the server's rt_sigprocmask and restored after, as
 * Linux's set_user_sigmask does. The time left is written back to the
 * timeout, as the raw calls do on Linux (a failed write is ignored).
 */
#include <stdbool.h>

#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"
#include "poll_sets.h"

#define SIG_SETMASK   2
#define SIGSET_SIZE   8
#define RLIMIT_NOFILE 7
#define MIN_MAX_FDS   64                /* Linux's smallest descriptor table */
#define POLL_MAX      (UX_DATA_MAX / sizeof(struct linux_pollfd))
#define INT_MAX_MS    0x7fffffff

/* A call's timeout: what the app asked for and when it began. */
struct timeout {
	bool given;
	int64_t sec, nsec;              /* normalised, as Linux keeps it */
	uint64_t start, deadline;       /* deadline POLL_FOREVER: none */
};

struct saved_mask {
	bool applied;
	uint64_t old;
};

static long timeout_start(struct timeout *to, int64_t sec, int64_t nsec, bool timeval)
{
	uint64_t ns;

	if (!(timeval ? select_timeval_ns(sec, nsec, &ns) : poll_timeout_ns(sec, nsec, &ns)))
		return -LINUX_EINVAL;
	to->given = true;
	to->sec = ns == POLL_FOREVER ? sec : (int64_t)(ns / NSEC_PER_SEC);
	to->nsec = ns == POLL_FOREVER ? 0 : (int64_t)(ns % NSEC_PER_SEC);
	to->start = emu_monotonic_ns();
	to->deadline = ns == POLL_FOREVER || ns > POLL_FOREVER - to->start ? POLL_FOREVER
									  : to->start + ns;
	return 0;
}

/* poll's timeout for the next wait: -1 forever, else ms rounded up. */
static int64_t wait_ms(const struct timeout *to)
{
	if (!to->given || to->deadline == POLL_FOREVER)
		return -1;
	uint64_t now = emu_monotonic_ns();
	if (now >= to->deadline)
		return 0;
	uint64_t ms = (to->deadline - now + 999999) / 1000000;
	return ms > INT_MAX_MS ? INT_MAX_MS : (int64_t)ms;
}

static bool expired(const struct timeout *to)
{
	return wait_ms(to) == 0;
}

/* poll_select_finish: the time left back into the app's timeout (not for
 * a zero one); as timeval (usec) for select. */
static void timeout_finish(const struct timeout *to, uint64_t at, bool timeval)
{
	uint64_t elapsed = emu_monotonic_ns() - to->start;
	int64_t sec = to->sec - (int64_t)(elapsed / NSEC_PER_SEC);
	int64_t nsec = to->nsec - (int64_t)(elapsed % NSEC_PER_SEC);
	int64_t left[2];

	if (!to->given || (to->sec == 0 && to->nsec == 0))
		return;
	if (nsec < 0) {
		nsec += NSEC_PER_SEC;
		sec--;
	}
	if (sec < 0)
		sec = nsec = 0;
	left[0] = sec;
	left[1] = timeval ? nsec / 1000 : nsec;
	emu_copy_to_user(at, left, sizeof(left));
}

static long read_timeout(struct timeout *to, uint64_t at, bool timeval)
{
	int64_t ts[2];

	if (!at)
		return 0;
	if (emu_copy_from_user(ts, at, sizeof(ts)) < 0)
		return -LINUX_EFAULT;
	return timeout_start(to, ts[0], ts[1], timeval);
}

/* set_user_sigmask: rt_sigprocmask(SIG_SETMASK) with the call's mask. */
static long mask_apply(struct emu_thread *t, uint64_t set, uint64_t size, struct saved_mask *s)
{
	uint64_t mask;

	if (!set)
		return 0;
	if (size != SIGSET_SIZE)
		return -LINUX_EINVAL;
	if (emu_copy_from_user(&mask, set, sizeof(mask)) < 0)
		return -LINUX_EFAULT;
	long r = emu_signal_mask(t, SIG_SETMASK, mask, &s->old);
	if (r < 0)
		return r;
	s->applied = true;
	return 0;
}

/* The mask before the call back, unless a handler broke the call: then,
 * as Linux, the call's mask stays until the handler is set up and the old
 * one goes into its frame (local/signal.c). */
static void mask_restore(struct emu_thread *t, const struct saved_mask *s, long result)
{
	if (!s->applied)
		return;
	if (result == -LINUX_EINTR && t->signal_ready) {
		t->frame_mask = s->old;
		t->frame_mask_set = 1;
		return;
	}
	emu_signal_mask(t, SIG_SETMASK, s->old, NULL);
}

/* ppoll's wait: the server's poll on the app's array until ready. */
static long poll_until(struct emu_thread *t, uint64_t fds, uint32_t nfds,
		       const struct timeout *to)
{
	long r;

	do {
		const uint64_t arg[6] = { fds, nfds, (uint64_t)wait_ms(to) };
		r = emu_rpc_syscall(t, LINUX_SYS_poll, arg);
	} while (r == 0 && !expired(to));
	return r;
}

long emu_local_ppoll(struct emu_thread *t, const uint64_t a[6])
{
	struct timeout to = { 0 };
	struct saved_mask saved = { 0 };

	long r = read_timeout(&to, a[2], false);
	if (r < 0)
		return r;
	r = mask_apply(t, a[3], a[4], &saved);
	if (r < 0)
		return r;
	r = poll_until(t, a[0], (uint32_t)a[1], &to);
	mask_restore(t, &saved, r);
	timeout_finish(&to, a[2], false);
	return r;
}

/* The largest nfds select looks at: Linux clamps to its descriptor
 * table's size; here the fds that can exist, below RLIMIT_NOFILE. */
static long select_limit(struct emu_thread *t, int n)
{
	const uint64_t arg[6] = { 0, RLIMIT_NOFILE, 0, 1 };
	uint64_t limit[2];

	if (n <= MIN_MAX_FDS)
		return n;
	long r = emu_rpc_syscall_in_place(t, LINUX_SYS_prlimit64, arg, 0, sizeof(limit));
	if (r < 0)
		return r;
	memcpy(limit, t->msg.reply.data, sizeof(limit));
	if (limit[0] < MIN_MAX_FDS)
		limit[0] = MIN_MAX_FDS;
	return (uint64_t)n > limit[0] ? (long)limit[0] : n;
}

static long read_word(uint64_t set, unsigned word, uint64_t *bits)
{
	*bits = 0;
	if (!set)
		return 0;
	return emu_copy_from_user(bits, set + word * 8ull, 8) < 0 ? -LINUX_EFAULT : 0;
}

/* get_fd_set for the three sets, as pollfds in the request: how many. */
static long select_gather(struct emu_thread *t, int n, const uint64_t set[3])
{
	struct linux_pollfd word_fds[64];
	uint8_t *to = t->msg.request.data;
	unsigned count = 0;

	for (unsigned w = 0; w * 64 < (unsigned)n; w++) {
		uint64_t bits[3];
		for (int i = 0; i < 3; i++)
			if (read_word(set[i], w, &bits[i]) < 0)
				return -LINUX_EFAULT;
		unsigned k = select_word_to_pollfds((int)w * 64, n, bits[0], bits[1], bits[2],
						    word_fds);
		if (count + k > POLL_MAX)
			return -LINUX_ENOMEM;
		memcpy(to + count * sizeof(word_fds[0]), word_fds, k * sizeof(word_fds[0]));
		count += k;
	}
	return count;
}

/* set_fd_set: every word of each set given, only the ready bits. */
static long select_scatter(int n, const uint64_t set[3], const struct linux_pollfd *fds,
			   unsigned count)
{
	unsigned at = 0;

	for (unsigned w = 0; w * 64 < (unsigned)n; w++) {
		uint64_t bits[3] = { 0, 0, 0 };
		/* fds ascend, but the dropped ones (fd -1) keep their place. */
		for (; at < count && (fds[at].fd < 0 || (unsigned)fds[at].fd / 64 <= w); at++) {
			unsigned which = fds[at].fd < 0 ? 0 : select_ready(&fds[at]);
			for (int i = 0; i < 3; i++)
				if (which & (1u << i))
					bits[i] |= 1ull << (fds[at].fd % 64);
		}
		for (int i = 0; i < 3; i++)
			if (set[i] && emu_copy_to_user(set[i] + w * 8ull, &bits[i], 8) < 0)
				return -LINUX_EFAULT;
	}
	return 0;
}

/* Polls the gathered array until select has an answer: how many bits
 * are ready, with poll's answer in the reply; -EBADF for a closed fd. */
static long select_wait(struct emu_thread *t, unsigned count, const struct timeout *to)
{
	struct linux_pollfd *fds = (struct linux_pollfd *)t->msg.reply.data;

	for (;;) {
		const uint64_t arg[6] = { 1, count, (uint64_t)wait_ms(to) };
		uint32_t len = count * (uint32_t)sizeof(*fds);
		long r = emu_rpc_syscall_in_place(t, LINUX_SYS_poll, arg, len, len);
		long ready = 0;
		if (r <= 0)
			return r;
		for (unsigned i = 0; i < count; i++) {
			if (fds[i].revents & LINUX_POLLNVAL)
				return -LINUX_EBADF;
			ready += select_count(select_ready(&fds[i]));
		}
		if (ready || expired(to))
			return ready;
		/* Only events select does not count (a hang-up on a
		 * descriptor asked only for writing): they stay, so leave
		 * those out of the next wait. */
		for (unsigned i = 0; i < count; i++)
			if (fds[i].revents)
				fds[i].fd = -1;
		memmove(t->msg.request.data, fds, len);
	}
}

static long do_select(struct emu_thread *t, int n, const uint64_t set[3],
		      const struct timeout *to)
{
	if (n < 0)
		return -LINUX_EINVAL;
	long limit = select_limit(t, n);
	if (limit < 0)
		return limit;
	n = (int)limit;
	long count = select_gather(t, n, set);
	if (count < 0)
		return count;
	long ready = select_wait(t, (unsigned)count, to);
	if (ready < 0)
		return ready;
	if (ready == 0)
		count = 0;      /* the sets come back empty */
	long r = select_scatter(n, set, (struct linux_pollfd *)t->msg.reply.data, (unsigned)count);
	return r < 0 ? r : ready;
}

long emu_local_select(struct emu_thread *t, const uint64_t a[6])
{
	const uint64_t set[3] = { a[1], a[2], a[3] };
	struct timeout to = { 0 };

	long r = read_timeout(&to, a[4], true);
	if (r < 0)
		return r;
	r = do_select(t, (int)a[0], set, &to);
	timeout_finish(&to, a[4], true);
	return r;
}

long emu_local_pselect6(struct emu_thread *t, const uint64_t a[6])
{
	const uint64_t set[3] = { a[1], a[2], a[3] };
	struct timeout to = { 0 };
	struct saved_mask saved = { 0 };
	uint64_t pack[2] = { 0, 0 };    /* the mask's address and size */

	if (a[5] && emu_copy_from_user(pack, a[5], sizeof(pack)) < 0)
		return -LINUX_EFAULT;
	long r = read_timeout(&to, a[4], false);
	if (r < 0)
		return r;
	r = mask_apply(t, pack[0], pack[1], &saved);
	if (r < 0)
		return r;
	r = do_select(t, (int)a[0], set, &to);
	mask_restore(t, &saved, r);
	timeout_finish(&to, a[4], false);
	return r;
}
