/* fcntl: F_GETPIPE_SZ says 65536 for a new pipe on either end;
 * F_SETPIPE_SZ rounds up to a page (and to a power of two of pages) and
 * returns the new size, which both ends see; below the bytes held it is
 * EBUSY, a size too large to round EINVAL; on a regular file both are
 * EBADF. F_GETOWN of a file is 0. F_SETFD keeps only FD_CLOEXEC;
 * F_GETFL shows each pipe end's access mode. dup2 of a closed fd onto
 * itself is EBADF. */
#include "../compat.h"

#ifndef F_SETPIPE_SZ
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#endif

int main(void)
{
	int p[2], fd;
	char buf[8192];

	scratch_enter();
	need("pipe", pipe(p) == 0);
	fd = open("f", O_RDWR | O_CREAT, 0644);
	need("open", fd >= 0);
	show("F_GETPIPE_SZ read end", fcntl(p[0], F_GETPIPE_SZ));
	show("F_GETPIPE_SZ write end", fcntl(p[1], F_GETPIPE_SZ));
	show("F_SETPIPE_SZ 4096", fcntl(p[1], F_SETPIPE_SZ, 4096));
	show("F_GETPIPE_SZ read end", fcntl(p[0], F_GETPIPE_SZ));
	show("F_SETPIPE_SZ 1", fcntl(p[0], F_SETPIPE_SZ, 1));
	show("F_SETPIPE_SZ 5000", fcntl(p[0], F_SETPIPE_SZ, 5000));
	show("F_SETPIPE_SZ 12288", fcntl(p[0], F_SETPIPE_SZ, 12288));
	memset(buf, 'x', sizeof(buf));
	show("write 8192", write(p[1], buf, 8192));
	show("F_SETPIPE_SZ 4096 while holding 8192", fcntl(p[0], F_SETPIPE_SZ, 4096));
	show("F_SETPIPE_SZ 0 while holding 8192", fcntl(p[0], F_SETPIPE_SZ, 0));
	show("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
	show("read 8192", read(p[0], buf, 8192));
	show("F_SETPIPE_SZ 4096 when empty", fcntl(p[0], F_SETPIPE_SZ, 4096));
	show("F_SETPIPE_SZ -1", fcntl(p[0], F_SETPIPE_SZ, -1));
	show("F_GETPIPE_SZ on a file", fcntl(fd, F_GETPIPE_SZ));
	show("F_SETPIPE_SZ on a file", fcntl(fd, F_SETPIPE_SZ, 4096));
	show("F_GETPIPE_SZ bad fd", fcntl(99, F_GETPIPE_SZ));
	show("F_GETOWN of a file (raw: musl tries F_GETOWN_EX first)", syscall(SYS_fcntl, fd, F_GETOWN));
	show("F_SETFD 3", fcntl(fd, F_SETFD, 3));
	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_SETFD -2", fcntl(fd, F_SETFD, -2));
	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_GETFL read end & O_ACCMODE", fcntl(p[0], F_GETFL) & O_ACCMODE);
	show("F_GETFL write end & O_ACCMODE", fcntl(p[1], F_GETFL) & O_ACCMODE);
	close(90);
	show("dup2 closed onto itself", dup2(90, 90));
	show("dup3 closed onto itself", syscall(SYS_dup3, 90, 90, 0));
	show("F_DUPFD_CLOEXEC bad fd", fcntl(90, F_DUPFD_CLOEXEC, 0));
	show("F_DUPFD_CLOEXEC negative", fcntl(fd, F_DUPFD_CLOEXEC, -1));
	return 0;
}
