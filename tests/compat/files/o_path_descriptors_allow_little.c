/* An O_PATH descriptor names a file without opening it: fstat, fchdir,
 * dup, close, F_GETFD/F_SETFD/F_GETFL and use as a dirfd work; read,
 * write, lseek, getdents64, ftruncate, mmap and F_SETFL are EBADF.
 * F_GETFL shows O_PATH and drops the access mode and O_CREAT-type flags.
 * O_PATH|O_NOFOLLOW on a symlink opens the link itself. */
#include "../compat.h"
#include <sys/ioctl.h>
#include <sys/mman.h>

#ifndef O_PATH
#define O_PATH 010000000
#endif

int main(void)
{
	char buf[64];
	struct stat st;
	int fd, dir, lnk, d, avail;
	long n;

	scratch_enter();
	write_file("f", "data");
	need("mkdir", mkdir("d", 0755) == 0);
	write_file("d/inner", "in");
	need("symlink", symlink("f", "l") == 0);
	fd = syscall(SYS_open, "f", O_PATH | O_RDWR | O_APPEND | O_TRUNC);
	need("open O_PATH", fd >= 0);
	printf("F_GETFL: %#o\n", fcntl(fd, F_GETFL));
	show("fstat", fstat(fd, &st));
	printf("  size %ld (O_TRUNC ignored)\n", (long)st.st_size);
	show("read", read(fd, buf, sizeof(buf)));
	show("write", write(fd, "x", 1));
	show("pread", pread(fd, buf, 1, 0));
	show("lseek", lseek(fd, 0, SEEK_SET));
	show("ftruncate", ftruncate(fd, 0));
	show("F_SETFL", fcntl(fd, F_SETFL, O_NONBLOCK));
	show("F_SETFD", fcntl(fd, F_SETFD, FD_CLOEXEC));
	show("F_GETFD", fcntl(fd, F_GETFD));
	errno = 0;
	check("mmap fails", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	d = dup(fd);
	show_ok("dup", d);
	printf("dup F_GETFL: %#o\n", fcntl(d, F_GETFL));
	show("close dup", close(d));
	show("ioctl FIONREAD", ioctl(fd, 0x541B, &avail));
	dir = syscall(SYS_open, "d", O_PATH | O_DIRECTORY);
	show_ok("open dir O_PATH", dir);
	printf("dir F_GETFL: %#o\n", fcntl(dir, F_GETFL));
	show("getdents64", syscall(SYS_getdents64, dir, buf, sizeof(buf)));
	show_ok("openat via O_PATH dirfd", openat(dir, "inner", O_RDONLY));
	show("fstatat via O_PATH dirfd", fstatat(dir, "inner", &st, 0));
	show("fchdir", fchdir(dir));
	check("now inside d", access("inner", F_OK) == 0);
	need("chdir back", chdir("..") == 0);
	lnk = syscall(SYS_open, "l", O_PATH | O_NOFOLLOW);
	show_ok("open symlink O_PATH|O_NOFOLLOW", lnk);
	show("fstat", fstat(lnk, &st));
	check("  is the symlink", S_ISLNK(st.st_mode));
	n = show("readlinkat empty path", readlinkat(lnk, "", buf, sizeof(buf)));
	printf("  text: %.*s\n", (int)(n > 0 ? n : 0), buf);
	show_ok("open O_PATH on dir with O_DIRECTORY file", syscall(SYS_open, "f", O_PATH | O_DIRECTORY));
	show_ok("open O_PATH missing", syscall(SYS_open, "missing", O_PATH));
	show_ok("open O_PATH|O_CREAT missing", syscall(SYS_open, "missing", O_PATH | O_CREAT, 0644));
	check("missing not created", access("missing", F_OK) != 0);
	return 0;
}
