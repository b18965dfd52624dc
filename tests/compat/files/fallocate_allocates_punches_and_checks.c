/* fallocate: mode 0 grows a file to offset + len with zeros (never
 * shrinks it), FALLOC_FL_KEEP_SIZE allocates without growing, a punched
 * hole (PUNCH_HOLE | KEEP_SIZE) reads as zeros and keeps the size. The
 * checks, in Linux's order: the descriptor, the range (EINVAL), the mode
 * (unknown bits, PUNCH without KEEP_SIZE, PUNCH with ZERO: EOPNOTSUPP),
 * then the file: not open for writing (EBADF), a pipe (ESPIPE), a device
 * (ENODEV), an end past the largest offset (EFBIG). Only what every file
 * system that allocates agrees on (no ZERO_RANGE, COLLAPSE or INSERT that
 * works), and what Linux 6.1 and later versions agree on: mixes such as
 * COLLAPSE | KEEP_SIZE went from EINVAL to EOPNOTSUPP, and 0x80 became
 * FALLOC_FL_WRITE_ZEROES. */
#include "../compat.h"

#include <limits.h>

#define KEEP    0x01
#define PUNCH   0x02
#define ZERO    0x10
#define UNKNOWN 0x1000

static long fall(int fd, int mode, long off, long len)
{
	return syscall(SYS_fallocate, fd, mode, off, len);
}

static long size_of(int fd)
{
	struct stat st;

	need("fstat", fstat(fd, &st) == 0);
	return (long)st.st_size;
}

/* "all zero" or where the first non-zero byte of [off, off + len) is. */
static void zeros(const char *label, int fd, long off, long len)
{
	char buf[256];
	long at = off;

	while (at < off + len) {
		long want = off + len - at < (long)sizeof(buf) ? off + len - at : (long)sizeof(buf);
		long got = pread(fd, buf, want, at);
		need("pread", got == want);
		for (long i = 0; i < got; i++)
			if (buf[i]) {
				printf("%s: byte %ld is %d\n", label, at + i - off, buf[i]);
				return;
			}
		at += got;
	}
	printf("%s: all zero\n", label);
}

int main(void)
{
	int fd, rfd, pfd, nfd, dfd, p[2];
	char buf[16] = { 0 };

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	need("open f", fd >= 0);

	show("allocate 10000 in an empty file", fall(fd, 0, 0, 10000));
	printf("size: %ld\n", size_of(fd));
	zeros("allocated bytes", fd, 0, 10000);
	need("write", pwrite(fd, "abcdefgh", 8, 100) == 8);
	show("allocate inside the file", fall(fd, 0, 0, 50));
	printf("size: %ld\n", size_of(fd));
	show("allocate past the end, offset 12000", fall(fd, 0, 12000, 100));
	printf("size: %ld\n", size_of(fd));
	zeros("gap before the new end", fd, 10000, 2100);
	show("keep size past the end", fall(fd, KEEP, 12100, 5000));
	printf("size: %ld\n", size_of(fd));
	need("write", pwrite(fd, "xyz", 3, 12100) == 3);
	printf("size after writing at the end: %ld\n", size_of(fd));

	show("punch a hole over the data", fall(fd, PUNCH | KEEP, 102, 4));
	printf("size: %ld\n", size_of(fd));
	need("pread", pread(fd, buf, 8, 100) == 8);
	printf("data: %c%c %d%d%d%d %c%c\n", buf[0], buf[1], buf[2], buf[3], buf[4], buf[5],
	       buf[6], buf[7]);
	show("punch a hole past the end", fall(fd, PUNCH | KEEP, 20000, 100));
	printf("size: %ld\n", size_of(fd));
	show("punch to the end and beyond", fall(fd, PUNCH | KEEP, 12101, 1000));
	printf("size: %ld\n", size_of(fd));
	need("pread", pread(fd, buf, 3, 12100) == 3);
	printf("tail: %c %d %d\n", buf[0], buf[1], buf[2]);

	/* The descriptor and the range. */
	show("bad fd", fall(99, 0, 0, 1));
	show("bad fd and length 0", fall(99, 0, 0, 0));
	show("length 0", fall(fd, 0, 0, 0));
	show("length -1", fall(fd, 0, 0, -1));
	show("offset -1", fall(fd, 0, -1, 1));
	/* The mode. */
	show("unknown mode bit", fall(fd, UNKNOWN, 0, 1));
	show("punch without keep size", fall(fd, PUNCH, 0, 1));
	show("punch and zero range", fall(fd, PUNCH | ZERO | KEEP, 0, 1));
	/* The file. */
	rfd = open("f", O_RDONLY);
	pfd = open("f", O_PATH);
	nfd = open("/dev/null", O_WRONLY);
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	need("opens", rfd >= 0 && pfd >= 0 && nfd >= 0 && dfd >= 0);
	need("pipe", pipe(p) == 0);
	show("read-only file", fall(rfd, 0, 0, 1));
	show("read-only file, unknown mode bit", fall(rfd, UNKNOWN, 0, 1));
	show("O_PATH", fall(pfd, 0, 0, 1));
	show("directory", fall(dfd, 0, 0, 1));
	show("pipe write end", fall(p[1], 0, 0, 1));
	show("pipe read end", fall(p[0], 0, 0, 1));
	show("pipe write end, length 0", fall(p[1], 0, 0, 0));
	show("/dev/null", fall(nfd, 0, 0, 1));
	show("end past the largest offset", fall(fd, 0, LONG_MAX - 5, 10));
	printf("size: %ld\n", size_of(fd));

	/* musl's posix_fallocate: mode 0, the error returned. */
	printf("posix_fallocate to 20000: %d\n", posix_fallocate(fd, 0, 20000));
	printf("size: %ld\n", size_of(fd));
	printf("posix_fallocate on a pipe: %s\n", errname(posix_fallocate(p[1], 0, 1)));
	return 0;
}
