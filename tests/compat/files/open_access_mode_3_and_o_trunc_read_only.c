/* Odd open flags: access mode 3 (O_RDWR|O_WRONLY) opens a file for neither
 * reading nor writing but F_GETFL reports 3; on a directory it is EISDIR.
 * O_TRUNC with O_RDONLY still truncates; O_EXCL without O_CREAT is
 * ignored; O_CREAT on an existing file keeps its mode; unknown flag bits
 * are ignored by open. */
#include "../compat.h"
#include <sys/ioctl.h>

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	char buf[8];
	struct stat st;
	int fd;

	scratch_enter();
	write_file("f", "abcdef");
	need("mkdir", mkdir("d", 0755) == 0);
	fd = syscall(SYS_open, "f", 3);
	show_ok("open mode 3", fd);
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	show("read", read(fd, buf, 1));
	show("write", write(fd, "x", 1));
	show("lseek", lseek(fd, 1, SEEK_SET));
	show("fstat", fstat(fd, &st));
	show("ftruncate", ftruncate(fd, 0));
	close(fd);
	show_ok("open dir mode 3", syscall(SYS_open, "d", 3));
	show_ok("open dir mode 3 with O_DIRECTORY", syscall(SYS_open, "d", 3 | O_DIRECTORY));
	fd = open("f", O_RDONLY | O_TRUNC);
	show_ok("open O_RDONLY|O_TRUNC", fd);
	printf("size after: %ld\n", size_of("f"));
	show("read", read(fd, buf, 1));
	close(fd);
	write_file("f", "abcdef");
	show_ok("open dir O_RDONLY|O_TRUNC", open("d", O_RDONLY | O_TRUNC));
	show_ok("open O_EXCL without O_CREAT", open("f", O_RDONLY | O_EXCL));
	need("chmod", chmod("f", 0640) == 0);
	show_ok("O_CREAT existing with mode 0777", fd = open("f", O_RDWR | O_CREAT, 0777));
	stat("f", &st);
	printf("mode kept: %04o, size kept: %ld\n", st.st_mode & 07777, (long)st.st_size);
	close(fd);
	fd = syscall(SYS_open, "f", O_RDONLY | 0x40000000);
	show_ok("open with unknown high bit", fd);
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	close(fd);
	fd = open("f", O_RDWR);
	lseek(fd, 2, SEEK_SET);
	int avail = -1;
	show("FIONREAD on a file", ioctl(fd, FIONREAD, &avail));
	printf("  bytes left: %d\n", avail);
	lseek(fd, 10, SEEK_SET);
	show("FIONREAD past the end", ioctl(fd, FIONREAD, &avail));
	printf("  bytes left: %d\n", avail);
	close(fd);
	fd = open("/dev/null", O_RDONLY);
	show("FIONREAD on /dev/null", ioctl(fd, FIONREAD, &avail));
	fd = open("d", O_RDONLY);
	show("FIONREAD on a directory", ioctl(fd, FIONREAD, &avail));
	return 0;
}
