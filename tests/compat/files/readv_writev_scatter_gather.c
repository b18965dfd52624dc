/* writev gathers buffers in order; readv scatters into them in order. */
#include "../compat.h"
#include <sys/uio.h>

int main(void)
{
	struct iovec out[3] = {
		{ "abc", 3 }, { "", 0 }, { "defgh", 5 },
	};
	char a[2], b[4], c[8] = { 0 };
	struct iovec in[3] = { { a, 2 }, { b, 4 }, { c, sizeof(c) - 1 } };
	int fd;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	show("writev", writev(fd, out, 3));
	lseek(fd, 0, SEEK_SET);
	show("readv", readv(fd, in, 3));
	printf("a=%.2s b=%.4s c=%s\n", a, b, c);
	show("writev no buffers", writev(fd, out, 0));
	show("readv negative count", readv(fd, in, -1));
	show("writev bad fd", writev(99, out, 3));
	close(fd);
	return 0;
}
