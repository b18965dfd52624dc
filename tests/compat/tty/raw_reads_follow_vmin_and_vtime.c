/*
 * Raw reads of the terminal that is standard input (the console in the
 * system, a pseudo-terminal on the host) with nothing typed: VMIN = VTIME
 * = 0 returns 0 at once; VMIN = 0, VTIME = 3 returns 0 after at least
 * 0.3 s; FIONREAD counts nothing; poll times out after its timeout;
 * O_NONBLOCK gives EAGAIN in raw and canonical mode; the modes set are
 * the modes read back, and the saved ones come back at the end.
 */
#include "../compat.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>

/* The kernel's termios has 19 control characters; musl's struct has
 * room for 32 and TCGETS leaves the rest as they were. */
#define KERNEL_NCCS 19

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

static void set_mode(struct termios *t, int canonical, int vmin, int vtime)
{
	if (canonical)
		t->c_lflag |= ICANON;
	else
		t->c_lflag &= ~ICANON;
	t->c_cc[VMIN] = vmin;
	t->c_cc[VTIME] = vtime;
	need("tcsetattr", tcsetattr(0, TCSANOW, t) == 0);
}

int main(void)
{
	struct termios saved, t, back;
	struct pollfd p = { 0, POLLIN, 0 };
	char buf[16];
	long long t0, took;
	int n = -1, flags;

	setvbuf(stdout, NULL, _IONBF, 0);
	need("stdin is a terminal", isatty(0));
	need("tcgetattr", tcgetattr(0, &saved) == 0);
	t = saved;
	t.c_lflag &= ~ECHO;
	set_mode(&t, 0, 0, 0);
	need("tcgetattr", tcgetattr(0, &back) == 0);
	check("raw mode reads back", !(back.c_lflag & (ICANON | ECHO)) &&
	      back.c_cc[VMIN] == 0 && back.c_cc[VTIME] == 0);
	t0 = now_ms();
	show("VMIN 0 VTIME 0 read", read(0, buf, sizeof(buf)));
	check("returned at once (< 1 s)", now_ms() - t0 < 1000);

	set_mode(&t, 0, 0, 3);
	t0 = now_ms();
	show("VMIN 0 VTIME 3 read", read(0, buf, sizeof(buf)));
	took = now_ms() - t0;
	check("waited at least 0.3 s", took >= 300);
	check("and less than 5 s", took < 5000);
	show("FIONREAD", ioctl(0, FIONREAD, &n));
	printf("bytes waiting: %d\n", n);

	set_mode(&t, 0, 1, 0);
	t0 = now_ms();
	show("poll for input, 100 ms", poll(&p, 1, 100));
	check("poll waited at least 100 ms", now_ms() - t0 >= 100);

	flags = fcntl(0, F_GETFL);
	need("F_SETFL", fcntl(0, F_SETFL, flags | O_NONBLOCK) == 0);
	show("VMIN 1 nonblocking read", read(0, buf, sizeof(buf)));
	set_mode(&t, 1, 1, 0);
	show("canonical nonblocking read", read(0, buf, sizeof(buf)));
	need("F_SETFL", fcntl(0, F_SETFL, flags) == 0);

	need("tcsetattr", tcsetattr(0, TCSANOW, &saved) == 0);
	need("tcgetattr", tcgetattr(0, &back) == 0);
	check("modes restored", back.c_lflag == saved.c_lflag &&
	      !memcmp(back.c_cc, saved.c_cc, KERNEL_NCCS));
	return 0;
}
