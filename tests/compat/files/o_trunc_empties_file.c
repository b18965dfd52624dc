/* O_TRUNC empties an existing file opened for writing, and writes then
 * start from the beginning. */
#include "../compat.h"

static long size_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

int main(void)
{
	int fd;

	scratch_enter();
	write_file("f", "0123456789");
	printf("size before: %ld\n", size_of("f"));
	fd = open("f", O_WRONLY | O_TRUNC);
	printf("size after O_WRONLY|O_TRUNC: %ld\n", size_of("f"));
	show("write", write(fd, "ab", 2));
	close(fd);
	printf("size after write: %ld\n", size_of("f"));
	fd = open("f", O_RDWR | O_TRUNC);
	printf("size after O_RDWR|O_TRUNC: %ld\n", size_of("f"));
	close(fd);
	return 0;
}
