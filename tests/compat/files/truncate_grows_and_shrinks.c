/* truncate and ftruncate set the size; growing reads back as zeros;
 * negative lengths are EINVAL; truncate on a missing file is ENOENT. */
#include "../compat.h"

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	char buf[8];
	int fd;

	scratch_enter();
	write_file("f", "abcdef");
	show("truncate to 3", truncate("f", 3));
	printf("size: %ld\n", size_of("f"));
	show("truncate to 8", truncate("f", 8));
	printf("size: %ld\n", size_of("f"));
	fd = open("f", O_RDWR);
	show("read", read(fd, buf, 8));
	printf("bytes: %c%c%c %d %d %d %d %d\n", buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6], buf[7]);
	show("ftruncate to 1", ftruncate(fd, 1));
	printf("size: %ld\n", size_of("f"));
	show("offset unchanged", lseek(fd, 0, SEEK_CUR));
	show("ftruncate -1", ftruncate(fd, -1));
	show("truncate -1", truncate("f", -1));
	show("truncate missing", truncate("missing", 0));
	show("truncate empty path", truncate("", 0));
	close(fd);
	return 0;
}
