/* dup, dup2 and dup3 share the open file (offset); dup2 onto itself is a
 * no-op, dup3 onto itself is EINVAL; dup3 takes only O_CLOEXEC. */
#include "../compat.h"

int main(void)
{
	int fd, d1, d2;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	d1 = dup(fd);
	check("dup gives a new fd", d1 >= 0 && d1 != fd);
	show("write via dup", write(d1, "abc", 3));
	show("offset seen by original", lseek(fd, 0, SEEK_CUR));
	show("dup2 to 50", dup2(fd, 50));
	show("offset via 50", lseek(50, 0, SEEK_CUR));
	check("dup2 onto itself returns it", dup2(fd, fd) == fd);
	show("dup3 onto itself", syscall(SYS_dup3, fd, fd, 0));
	show("dup3 O_CLOEXEC to 51", dup3(fd, 51, O_CLOEXEC));
	show("F_GETFD 51", fcntl(51, F_GETFD));
	show("F_GETFD 50", fcntl(50, F_GETFD));
	show("dup3 bad flags", syscall(SYS_dup3, fd, 52, O_NONBLOCK));
	show("dup bad fd", dup(99));
	show("dup2 bad old fd", dup2(99, 53));
	show("dup2 over open fd", dup2(d1, 50));
	d2 = dup(50);
	show("close 50", close(50));
	show("dup of closed 50", dup(50));
	show("offset still shared", lseek(d2, 0, SEEK_CUR));
	return 0;
}
