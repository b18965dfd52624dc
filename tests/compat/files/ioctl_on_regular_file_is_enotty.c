/* Terminal ioctls on a regular file fail with ENOTTY; on a bad fd, EBADF. */
#include "../compat.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	struct termios t;
	struct winsize ws;
	int fd, pgrp;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	show("TCGETS", ioctl(fd, TCGETS, &t));
	show("TIOCGWINSZ", ioctl(fd, TIOCGWINSZ, &ws));
	show("TIOCGPGRP", ioctl(fd, TIOCGPGRP, &pgrp));
	show("isatty", isatty(fd));
	show("TCGETS bad fd", ioctl(99, TCGETS, &t));
	close(fd);
	return 0;
}
