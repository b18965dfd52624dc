/* F_GETFL reports the access mode plus O_LARGEFILE (always set on x86-64)
 * and the status flags; F_SETFL ignores the access mode and the open-time
 * flags (O_CREAT, O_EXCL, O_TRUNC, O_NOCTTY) and keeps O_APPEND and
 * O_NONBLOCK; F_SETFD keeps only FD_CLOEXEC; F_DUPFD at or above the
 * RLIMIT_NOFILE soft limit is EINVAL. */
#include "../compat.h"
#include <sys/resource.h>

int main(void)
{
	struct rlimit r;
	int fd, p[2];

	scratch_enter();
	fd = syscall(SYS_open, "f", O_RDWR | O_CREAT | O_TRUNC | O_EXCL, 0644);
	need("open", fd >= 0);
	printf("F_GETFL raw O_RDWR: %#o\n", fcntl(fd, F_GETFL));
	show("F_SETFL open-time flags", fcntl(fd, F_SETFL, O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY | O_WRONLY));
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	show("F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	show("F_SETFL 0", fcntl(fd, F_SETFL, 0));
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	close(fd);
	fd = syscall(SYS_open, "f", O_RDONLY | O_CLOEXEC);
	printf("F_GETFL raw O_RDONLY|O_CLOEXEC: %#o\n", fcntl(fd, F_GETFL));
	close(fd);
	fd = syscall(SYS_open, "f", O_WRONLY | O_APPEND);
	printf("F_GETFL raw O_WRONLY|O_APPEND: %#o\n", fcntl(fd, F_GETFL));
	close(fd);
	fd = syscall(SYS_open, ".", O_RDONLY | O_DIRECTORY);
	printf("F_GETFL raw directory: %#o\n", fcntl(fd, F_GETFL));
	show("F_SETFD 3", fcntl(fd, F_SETFD, 3));
	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_SETFD ~0", fcntl(fd, F_SETFD, ~0));
	show("F_GETFD", fcntl(fd, F_GETFD));
	show("F_SETFD 2", fcntl(fd, F_SETFD, 2));
	show("F_GETFD", fcntl(fd, F_GETFD));
	need("pipe", pipe(p) == 0);
	printf("F_GETFL pipe read end: %#o\n", fcntl(p[0], F_GETFL));
	printf("F_GETFL pipe write end: %#o\n", fcntl(p[1], F_GETFL));
	need("pipe2", pipe2(p, O_NONBLOCK) == 0);
	printf("F_GETFL pipe2 O_NONBLOCK: %#o\n", fcntl(p[0], F_GETFL));
	r.rlim_cur = 64;
	r.rlim_max = 64;
	need("setrlimit", setrlimit(RLIMIT_NOFILE, &r) == 0);
	show("F_DUPFD 63", fcntl(fd, F_DUPFD, 63));
	show("F_DUPFD 64", fcntl(fd, F_DUPFD, 64));
	show("F_DUPFD_CLOEXEC 64", fcntl(fd, F_DUPFD_CLOEXEC, 64));
	show("F_DUPFD 62 with 62 and 63 taken", (dup2(fd, 62), fcntl(fd, F_DUPFD, 62)));
	show("dup2 to 64", dup2(fd, 64));
	show("dup3 to 64", dup3(fd, 64, O_CLOEXEC));
	show("dup2 to -1", dup2(fd, -1));
	show("dup2 closed onto itself", dup2(60, 60));
	show("close -1", close(-1));
	show("close 64", close(64));
	return 0;
}
