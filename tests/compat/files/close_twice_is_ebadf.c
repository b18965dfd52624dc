/* close frees the descriptor: the second close, and I/O on it, is EBADF. */
#include "../compat.h"

int main(void)
{
	int fd;
	char c;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	show("close", close(fd));
	show("close again", close(fd));
	show("read closed", read(fd, &c, 1));
	show("write closed", write(fd, "x", 1));
	show("fstat closed", fstat(fd, &(struct stat){ 0 }));
	show("close -1", close(-1));
	show("close huge", syscall(SYS_close, 1 << 30));
	return 0;
}
