/* select and pselect6 (the raw calls: musl's wrappers copy the timeout)
 * on pipes: the sets come back with only the ready bits, a descriptor in
 * two sets counts twice, a hang-up is readable but not writable, bits at
 * nfds and above are cleared; EBADF for a closed descriptor in a set,
 * EINVAL for a negative nfds or timeout (select normalises microseconds
 * past a second, pselect6 refuses nanoseconds past one), EFAULT for a bad
 * set; the time left is written back (not into a zero timeout). pselect6's
 * signal mask needs size 8 and is restored afterwards. */
#include "../compat.h"
#include <signal.h>
#include <sys/select.h>
#include <time.h>

static int p[2];

static long sel(int n, fd_set *r, fd_set *w, fd_set *e, long sec, long usec)
{
	struct timeval tv = { sec, usec };
	return syscall(SYS_select, n, r, w, e, &tv);
}

static void only(fd_set *s, int fd)
{
	FD_ZERO(s);
	FD_SET(fd, s);
}

static void basics(void)
{
	fd_set r, w;
	int n = (p[0] > p[1] ? p[0] : p[1]) + 1;

	only(&r, p[0]);
	only(&w, p[1]);
	show("empty pipe, read and write sets", sel(n, &r, &w, NULL, 0, 0));
	check("read end not set", !FD_ISSET(p[0], &r));
	check("write end set", FD_ISSET(p[1], &w));
	need("write", write(p[1], "x", 1) == 1);
	only(&r, p[0]);
	only(&w, p[1]);
	show("byte in pipe", sel(n, &r, &w, NULL, 0, 0));
	check("read end set", FD_ISSET(p[0], &r));
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	FD_SET(p[1], &r);
	only(&w, p[1]);
	show("write end also in read set", sel(n, &r, &w, NULL, 0, 0));
	check("write end not readable", !FD_ISSET(p[1], &r));
	only(&r, p[1]);
	FD_SET(p[0], &r);
	only(&w, p[1]);
	FD_SET(p[0], &w);
	show("both ends in both sets", sel(n, &r, &w, NULL, 0, 0));
	only(&r, p[0]);
	show("nfds stops below the read end", sel(p[0], &r, NULL, NULL, 0, 0));
	check("its bit is cleared", !FD_ISSET(p[0], &r));
	show("no sets at all", sel(n, NULL, NULL, NULL, 0, 0));
}

static void errors(void)
{
	fd_set r;
	int closed = dup(0);

	need("dup", closed >= 0);
	close(closed);
	only(&r, closed);
	show("closed fd in read set", sel(closed + 1, &r, NULL, NULL, 0, 0));
	show("closed fd in except set", sel(closed + 1, NULL, NULL, &r, 0, 0));
	only(&r, p[0]);
	show("negative nfds", sel(-1, &r, NULL, NULL, 0, 0));
	show("negative seconds", sel(p[0] + 1, &r, NULL, NULL, -1, 0));
	show("negative microseconds", sel(p[0] + 1, &r, NULL, NULL, 0, -1));
	show("1.5 s as 0 s + 1500000 us", sel(p[0] + 1, &r, NULL, NULL, 0, 1500000));
	only(&r, p[0]);
	show("2 s - 1000000 us", sel(p[0] + 1, &r, NULL, NULL, 2, -1000000));
	show("1 s - 2000000 us", sel(p[0] + 1, &r, NULL, NULL, 1, -2000000));
	show("bad read set", sel(p[0] + 1, (fd_set *)8, NULL, NULL, 0, 0));
	show("bad timeout", syscall(SYS_select, p[0] + 1, &r, NULL, NULL, (void *)8));
}

static void time_left(void)
{
	fd_set r;
	struct timeval tv;

	only(&r, p[0]);
	tv = (struct timeval){ 5, 0 };
	show("ready, 5 s timeout", syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv));
	check("time left at most 5 s", tv.tv_sec < 5 || (tv.tv_sec == 5 && tv.tv_usec == 0));
	check("time left over 4 s", tv.tv_sec >= 4);
	char c;
	need("read", read(p[0], &c, 1) == 1);
	only(&r, p[0]);
	tv = (struct timeval){ 0, 30000 };
	show("nothing ready in 30 ms", syscall(SYS_select, p[0] + 1, &r, NULL, NULL, &tv));
	check("read set emptied", !FD_ISSET(p[0], &r));
	printf("time left: %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
	tv = (struct timeval){ 0, 0 };
	show("no fds, zero timeout", syscall(SYS_select, 0, NULL, NULL, NULL, &tv));
	only(&r, p[0]);
	tv = (struct timeval){ 0, 1500000 };
	show("nothing ready in 1.5 s as usec", syscall(SYS_select, p[0] + 1, NULL, NULL, &r, &tv));
	printf("time left: %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
}

static void hangups(void)
{
	fd_set r, w;
	int q[2];

	need("pipe", pipe(q) == 0);
	close(q[1]);
	only(&r, q[0]);
	show("no writer: read end readable", sel(q[0] + 1, &r, NULL, NULL, 0, 0));
	only(&w, q[0]);
	show("no writer: read end in write set", sel(q[0] + 1, NULL, &w, NULL, 0, 50000));
	only(&w, q[0]);
	show("no writer: read end in except set", sel(q[0] + 1, NULL, NULL, &w, 0, 50000));
	close(q[0]);
	need("pipe", pipe(q) == 0);
	close(q[0]);
	only(&w, q[1]);
	show("no reader: write end writable", sel(q[1] + 1, NULL, &w, NULL, 0, 0));
	only(&r, q[1]);
	show("no reader: write end readable", sel(q[1] + 1, &r, NULL, NULL, 0, 0));
	close(q[1]);
}

static long psel(int n, fd_set *r, struct timespec *ts, void *pack)
{
	return syscall(SYS_pselect6, n, r, NULL, NULL, ts, pack);
}

static void pselect6(void)
{
	unsigned long mask = 1UL << (SIGUSR1 - 1), before, after;
	struct { void *set; size_t size; } pack = { &mask, 8 };
	struct timespec ts;
	fd_set r;

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &before, 8);
	only(&r, p[1]);
	ts = (struct timespec){ 0, 0 };
	show("pselect6 with a mask", psel(p[1] + 1, NULL, &ts, &pack));
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &after, 8);
	check("mask restored", before == after);
	pack.size = 7;
	show("mask size 7", psel(p[1] + 1, NULL, &ts, &pack));
	pack.set = NULL;
	show("no mask, size 7", psel(p[1] + 1, NULL, &ts, &pack));
	pack = (typeof(pack)){ (void *)8, 8 };
	show("bad mask", psel(p[1] + 1, NULL, &ts, &pack));
	show("bad mask pack", psel(p[1] + 1, NULL, &ts, (void *)8));
	ts = (struct timespec){ 0, 1000000000 };
	show("nsec of a whole second", psel(p[0] + 1, &r, &ts, NULL));
	ts = (struct timespec){ -1, 0 };
	show("negative seconds", psel(p[0] + 1, &r, &ts, NULL));
	only(&r, p[0]);
	ts = (struct timespec){ 0, 20000000 };
	show("nothing ready in 20 ms", psel(p[0] + 1, &r, &ts, NULL));
	printf("time left: %ld.%09ld\n", (long)ts.tv_sec, ts.tv_nsec);
	fd_set w;
	only(&w, p[1]);
	ts = (struct timespec){ 5, 0 };
	show("writable, 5 s", syscall(SYS_pselect6, p[1] + 1, NULL, &w, NULL, &ts, NULL));
	check("time left over 4 s, at most 5", ts.tv_sec >= 4 &&
	      (ts.tv_sec < 5 || ts.tv_nsec == 0));
	show("pselect6 negative nfds", psel(-1, NULL, NULL, NULL));
}

int main(void)
{
	need("pipe", pipe(p) == 0);
	basics();
	errors();
	time_left();
	hangups();
	pselect6();
	return 0;
}
