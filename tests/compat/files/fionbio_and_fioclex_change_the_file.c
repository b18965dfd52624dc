/*
 * The generic file ioctls: FIONBIO sets and clears O_NONBLOCK (a read of
 * an empty pipe then fails with EAGAIN instead of waiting), FIOCLEX and
 * FIONCLEX set and clear close-on-exec, FIONREAD counts what a pipe holds;
 * a terminal ioctl on a pipe is ENOTTY.
 */
#include "../compat.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	int p[2], on = 1, off = 0, n = -1;
	char c;
	struct termios t;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (pipe(p))
		return 1;
	show("FIONBIO on", ioctl(p[0], FIONBIO, &on));
	printf("O_NONBLOCK set: %s\n", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
	show("read of empty pipe", (int)read(p[0], &c, 1));
	show("FIONBIO off", ioctl(p[0], FIONBIO, &off));
	printf("O_NONBLOCK set: %s\n", fcntl(p[0], F_GETFL) & O_NONBLOCK ? "yes" : "no");
	show("FIOCLEX", ioctl(p[1], FIOCLEX));
	printf("FD_CLOEXEC: %d\n", fcntl(p[1], F_GETFD));
	show("FIONCLEX", ioctl(p[1], FIONCLEX));
	printf("FD_CLOEXEC: %d\n", fcntl(p[1], F_GETFD));
	write(p[1], "abc", 3);
	show("FIONREAD", ioctl(p[0], FIONREAD, &n));
	printf("bytes waiting: %d\n", n);
	show("TCGETS on a pipe", ioctl(p[0], TCGETS, &t));
	return 0;
}
