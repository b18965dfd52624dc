/* open with O_CREAT makes a file; what write puts in, read gives back. */
#include "../compat.h"

int main(void)
{
	char buf[32] = { 0 };
	int fd;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT | O_EXCL, 0644);
	show_ok("open O_CREAT|O_EXCL", fd);
	show("write", write(fd, "hello, world\n", 13));
	show("lseek to 0", lseek(fd, 0, SEEK_SET));
	show("read", read(fd, buf, sizeof(buf)));
	printf("data: %s", buf);
	show("read at end", read(fd, buf, sizeof(buf)));
	show("close", close(fd));
	fd = open("f", O_RDONLY);
	show("read after reopen", read(fd, buf, 5));
	show("write to O_RDONLY fd", write(fd, "x", 1));
	close(fd);
	return 0;
}
