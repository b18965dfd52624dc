/* fstat and newfstatat(AT_EMPTY_PATH) on a pipe report a FIFO of size 0
 * (the pipe's unread bytes are not its size); the two ends share an inode;
 * statx(AT_EMPTY_PATH) on /dev/null reports its rdev. */
#include "../compat.h"
#include <stdint.h>
#include <sys/sysmacros.h>

int main(void)
{
	struct stat a, b;
	struct lx_statx sx;
	int p[2], fd;

	need("pipe", pipe(p) == 0);
	need("write", write(p[1], "abc", 3) == 3);
	show("fstat read end", fstat(p[0], &a));
	check("  is FIFO", S_ISFIFO(a.st_mode));
	printf("  permission bits %04o size %ld\n", a.st_mode & 07777, (long)a.st_size);
	show("newfstatat AT_EMPTY_PATH write end", syscall(SYS_newfstatat, p[1], "", &b, AT_EMPTY_PATH));
	check("  same inode as read end", a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	show("statx AT_EMPTY_PATH pipe", syscall(SYS_statx, p[0], "", AT_EMPTY_PATH, 0x7ff, &sx));
	check("  is FIFO", S_ISFIFO(sx.stx_mode));
	fd = open("/dev/null", O_RDONLY);
	show("newfstatat AT_EMPTY_PATH /dev/null", syscall(SYS_newfstatat, fd, "", &a, AT_EMPTY_PATH));
	printf("  chr %s rdev %u:%u\n", S_ISCHR(a.st_mode) ? "yes" : "no", major(a.st_rdev), minor(a.st_rdev));
	show("statx AT_EMPTY_PATH /dev/null", syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x7ff, &sx));
	printf("  chr %s rdev %u:%u\n", S_ISCHR(sx.stx_mode) ? "yes" : "no", sx.stx_rdev_major, sx.stx_rdev_minor);
	show("statx empty path without flag", syscall(SYS_statx, fd, "", 0, 0x7ff, &sx));
	show("statx AT_EMPTY_PATH bad fd", syscall(SYS_statx, 99, "", AT_EMPTY_PATH, 0x7ff, &sx));
	show("newfstatat AT_EMPTY_PATH AT_FDCWD", syscall(SYS_newfstatat, AT_FDCWD, "", &a, AT_EMPTY_PATH));
	check("  is the cwd, a directory", S_ISDIR(a.st_mode));
	show("statx both sync flags", syscall(SYS_statx, fd, "", AT_EMPTY_PATH | 0x2000 | 0x4000, 0x7ff, &sx));
	show("fstat closed", fstat(99, &a));
	return 0;
}
