/* With O_APPEND every write goes to the end, wherever the offset was;
 * pwrite on Linux also appends. */
#include "../compat.h"

int main(void)
{
	char buf[32] = { 0 };
	int fd;

	scratch_enter();
	write_file("f", "start\n");
	fd = open("f", O_WRONLY | O_APPEND);
	show("lseek 0", lseek(fd, 0, SEEK_SET));
	show("write", write(fd, "more\n", 5));
	show("offset after", lseek(fd, 0, SEEK_CUR));
	show("pwrite at 0", pwrite(fd, "end\n", 4, 0));
	close(fd);
	fd = open("f", O_RDONLY);
	show("read", read(fd, buf, sizeof(buf) - 1));
	printf("data:\n%s", buf);
	close(fd);
	return 0;
}
