/* ppoll (the raw call): a timespec timeout (NULL waits for ever, a bad
 * one is EINVAL before anything else), the time left written back (not
 * into a zero timeout), a signal mask of size 8 applied for the call and
 * restored (EINVAL for another size, unless there is no mask), nfds past
 * RLIMIT_NOFILE EINVAL, EFAULT for a bad array or mask. */
#include "../compat.h"
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <time.h>

static long pp(struct pollfd *fds, unsigned n, struct timespec *ts, void *mask, size_t size)
{
	return syscall(SYS_ppoll, fds, n, ts, mask, size);
}

int main(void)
{
	unsigned long mask = 1UL << (SIGUSR2 - 1), before, after;
	struct pollfd fds[2];
	struct timespec ts;
	int p[2];

	need("pipe", pipe(p) == 0);
	fds[0] = (struct pollfd){ p[0], POLLIN, 0 };
	fds[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	show("no timeout, write end ready", pp(fds, 2, NULL, NULL, 0));
	printf("revents: %#x %#x\n", fds[0].revents, fds[1].revents);
	ts = (struct timespec){ 0, 0 };
	show("zero timeout, read end only", pp(fds, 1, &ts, NULL, 0));
	printf("zero timeout kept: %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
	ts = (struct timespec){ 0, 30000000 };
	show("30 ms, nothing", pp(fds, 1, &ts, NULL, 0));
	printf("time left: %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
	ts = (struct timespec){ 5, 0 };
	show("5 s, write end ready", pp(fds, 2, &ts, NULL, 0));
	check("time left over 4 s, at most 5", ts.tv_sec >= 4 &&
	      (ts.tv_sec < 5 || ts.tv_nsec == 0));

	ts = (struct timespec){ 0, 1000000000 };
	show("nsec of a whole second", pp(fds, 2, &ts, NULL, 0));
	ts = (struct timespec){ 0, -1 };
	show("negative nsec", pp(fds, 2, &ts, NULL, 0));
	ts = (struct timespec){ -1, 0 };
	show("negative seconds", pp(fds, 2, &ts, &mask, 4));
	show("bad timeout", pp(fds, 2, (void *)8, NULL, 0));

	ts = (struct timespec){ 0, 0 };
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &before, 8);
	show("with a mask", pp(fds, 2, &ts, &mask, 8));
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &after, 8);
	check("mask restored", before == after);
	show("mask size 4", pp(fds, 2, &ts, &mask, 4));
	show("mask size 16", pp(fds, 2, &ts, &mask, 16));
	show("no mask, size 4", pp(fds, 2, &ts, NULL, 4));
	show("bad mask", pp(fds, 2, &ts, (void *)8, 8));
	show("bad array", pp((void *)8, 2, &ts, NULL, 0));
	show("mask size checked before the array", pp((void *)8, 2, &ts, &mask, 4));

	struct rlimit old, low = { 64, 64 };
	need("getrlimit", getrlimit(RLIMIT_NOFILE, &old) == 0);
	low.rlim_max = old.rlim_max;
	need("setrlimit", setrlimit(RLIMIT_NOFILE, &low) == 0);
	show("nfds past RLIMIT_NOFILE", pp(fds, 65, &ts, NULL, 0));
	static struct pollfd many[64];
	for (int i = 0; i < 64; i++)
		many[i] = (struct pollfd){ -1, POLLIN, 0 };
	many[63] = fds[1];
	show("nfds at RLIMIT_NOFILE", pp(many, 64, &ts, NULL, 0));
	need("setrlimit back", setrlimit(RLIMIT_NOFILE, &old) == 0);
	return 0;
}
