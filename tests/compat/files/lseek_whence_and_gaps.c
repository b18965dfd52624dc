/* lseek's three whences; seeking past the end and writing leaves zeros;
 * a negative result is EINVAL. */
#include "../compat.h"

int main(void)
{
	unsigned char buf[8];
	int fd;

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	show("write", write(fd, "abcd", 4));
	show("SEEK_SET 1", lseek(fd, 1, SEEK_SET));
	show("SEEK_CUR 2", lseek(fd, 2, SEEK_CUR));
	show("SEEK_END -1", lseek(fd, -1, SEEK_END));
	show("SEEK_END +4", lseek(fd, 4, SEEK_END));
	show("write past end", write(fd, "Z", 1));
	show("pread gap", pread(fd, buf, 8, 2));
	printf("bytes: %d %d %d %d %d %d %c\n", buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]);
	show("SEEK_SET -1", lseek(fd, -1, SEEK_SET));
	show("SEEK_CUR -100", lseek(fd, -100, SEEK_CUR));
	show("bad whence", lseek(fd, 0, 99));
	show("bad fd", lseek(99, 0, SEEK_SET));
	close(fd);
	return 0;
}
