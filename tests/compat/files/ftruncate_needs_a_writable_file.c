/* ftruncate needs a file open for writing (EINVAL otherwise, not EBADF);
 * on a pipe it is EINVAL; on O_APPEND it works; reads and writes of
 * zero bytes return 0 but still check the fd; offsets that overflow with
 * the count are EINVAL. */
#include "../compat.h"
#include <limits.h>

int main(void)
{
	char buf[4];
	int fd, p[2];
	struct stat st;

	scratch_enter();
	write_file("f", "abcdef");
	fd = open("f", O_RDONLY);
	show("ftruncate O_RDONLY", ftruncate(fd, 0));
	show("write 0 bytes to O_RDONLY", write(fd, buf, 0));
	show("read 0 bytes", read(fd, buf, 0));
	close(fd);
	fd = open("f", O_WRONLY | O_APPEND);
	show("ftruncate O_APPEND", ftruncate(fd, 2));
	stat("f", &st);
	printf("size: %ld\n", (long)st.st_size);
	show("read 0 bytes from O_WRONLY", read(fd, buf, 0));
	show("write 0 bytes", write(fd, buf, 0));
	close(fd);
	need("pipe", pipe(p) == 0);
	show("ftruncate pipe", ftruncate(p[1], 0));
	show("ftruncate bad fd", ftruncate(99, 0));
	show("read 0 bytes bad fd", read(99, buf, 0));
	fd = open("f", O_RDWR);
	show("pread offset+count overflows", pread(fd, buf, 2, LLONG_MAX));
	show("pwrite offset+count overflows", pwrite(fd, buf, 2, LLONG_MAX));
	show("pread negative offset", pread(fd, buf, 2, -5));
	show("pwrite negative offset", pwrite(fd, "x", 1, -5));
	show("pread on pipe", pread(p[0], buf, 1, 0));
	show("pwrite on pipe", pwrite(p[1], "x", 1, 0));
	show("truncate through symlink", (symlink("f", "l"), truncate("l", 1)));
	stat("f", &st);
	printf("size: %ld\n", (long)st.st_size);
	return 0;
}
