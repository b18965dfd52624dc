/* pread and pwrite use their own offset and leave the file's alone. */
#include "../compat.h"

int main(void)
{
	char buf[16] = { 0 };
	int fd;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	show("write", write(fd, "0123456789", 10));
	show("lseek 2", lseek(fd, 2, SEEK_SET));
	show("pread at 5", pread(fd, buf, 3, 5));
	printf("data: %s\n", buf);
	show("offset after pread", lseek(fd, 0, SEEK_CUR));
	show("pwrite at 8", pwrite(fd, "XYZ", 3, 8));
	show("offset after pwrite", lseek(fd, 0, SEEK_CUR));
	show("pread past end", pread(fd, buf, 4, 100));
	show("pread negative offset", pread(fd, buf, 4, -1));
	memset(buf, 0, sizeof(buf));
	show("read all", pread(fd, buf, sizeof(buf) - 1, 0));
	printf("data: %s\n", buf);
	close(fd);
	return 0;
}
