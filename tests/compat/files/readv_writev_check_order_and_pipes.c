/* readv and writev check the descriptor (EBADF) and its mode before the
 * vector: a bad fd with too many vectors, a bad vector pointer or a length
 * overflow is EBADF; with a good fd those are EINVAL, EFAULT and EINVAL.
 * readv from a pipe returns what is there without waiting to fill the
 * later vectors. */
#include "../compat.h"
#include <stdint.h>
#include <sys/uio.h>

int main(void)
{
	static struct iovec many[1100];
	char a[8], b[8], c[8];
	struct iovec two[2] = { { a, 4 }, { b, 4 } };
	struct iovec huge[2] = { { a, SIZE_MAX / 2 + 1 }, { b, SIZE_MAX / 2 + 1 } };
	int fd, ro, p[2];

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	ro = open("f", O_RDONLY);
	for (int i = 0; i < 1100; i++)
		many[i] = (struct iovec){ a, 1 };
	show("readv bad fd, 1100 vectors", readv(99, many, 1100));
	show("readv bad fd, bad vector pointer", syscall(SYS_readv, 99, (void *)16, 2));
	show("writev bad fd, length overflow", writev(99, huge, 2));
	show("writev read-only fd, bad vector pointer", syscall(SYS_writev, ro, (void *)16, 2));
	show("writev read-only fd, 1100 vectors", writev(ro, many, 1100));
	show("readv 1100 vectors", readv(fd, many, 1100));
	show("readv 1024 vectors at end of file", readv(fd, many, 1024));
	show("readv bad vector pointer", syscall(SYS_readv, fd, (void *)16, 2));
	show("writev length overflow", writev(fd, huge, 2));
	show("writev 1024 vectors", writev(fd, many, 1024));
	need("pipe", pipe(p) == 0);
	show("write 6 to pipe", write(p[1], "abcdef", 6));
	show("readv 4+4 with 6 in pipe", readv(p[0], two, 2));
	show("write 4 to pipe", write(p[1], "ghij", 4));
	struct iovec three[3] = { { a, 0 }, { b, 4 }, { c, 4 } };
	fflush(stdout);
	show("readv 0+4+4 with 4 in pipe", readv(p[0], three, 3));
	printf("b: %.4s\n", b);
	return 0;
}
