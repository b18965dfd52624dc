/* fcntl: close-on-exec is per descriptor, status flags per open file;
 * F_DUPFD finds the lowest free fd at or above its argument. */
#include "../compat.h"

int main(void)
{
	int fd, d, fl;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	show("F_GETFD after O_CLOEXEC", fcntl(fd, F_GETFD));
	show("F_SETFD 0", fcntl(fd, F_SETFD, 0));
	show("F_GETFD", fcntl(fd, F_GETFD));
	fl = fcntl(fd, F_GETFL);
	check("F_GETFL access mode is O_RDWR", (fl & O_ACCMODE) == O_RDWR);
	check("F_GETFL has no O_APPEND", !(fl & O_APPEND));
	show("F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	d = dup(fd);
	fl = fcntl(d, F_GETFL);
	check("dup sees O_APPEND", (fl & O_APPEND) != 0);
	check("dup sees O_NONBLOCK", (fl & O_NONBLOCK) != 0);
	show("F_SETFL cannot change access mode", fcntl(fd, F_SETFL, O_RDONLY));
	check("still O_RDWR", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
	check("O_APPEND cleared", !(fcntl(fd, F_GETFL) & O_APPEND));
	show("F_DUPFD 20", fcntl(fd, F_DUPFD, 20));
	show("F_DUPFD 20 again", fcntl(fd, F_DUPFD, 20));
	show("F_DUPFD_CLOEXEC 30", fcntl(fd, F_DUPFD_CLOEXEC, 30));
	show("F_GETFD 30", fcntl(30, F_GETFD));
	show("F_GETFD 20", fcntl(20, F_GETFD));
	show("F_DUPFD negative", fcntl(fd, F_DUPFD, -1));
	show("F_GETFD bad fd", fcntl(99, F_GETFD));
	show("unknown command", fcntl(fd, 9999));
	return 0;
}
