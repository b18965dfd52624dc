/* SEEK_DATA and SEEK_HOLE on a file without holes: data at the offset
 * asked, the only hole at the end; at or past the end both are ENXIO.
 * An offset that would overflow is EINVAL and leaves the position alone;
 * lseek on a pipe is ESPIPE, on a directory SEEK_SET 0 works. */
#include "../compat.h"
#include <limits.h>

int main(void)
{
	int fd, dir, p[2];

	scratch_enter();
	fd = open("f", O_RDWR | O_CREAT, 0644);
	need("open", fd >= 0);
	need("write", write(fd, "0123456789", 10) == 10);
	show("SEEK_DATA 0", lseek(fd, 0, SEEK_DATA));
	show("SEEK_DATA 4", lseek(fd, 4, SEEK_DATA));
	show("SEEK_HOLE 0", lseek(fd, 0, SEEK_HOLE));
	show("SEEK_HOLE 9", lseek(fd, 9, SEEK_HOLE));
	show("SEEK_DATA 10 (end)", lseek(fd, 10, SEEK_DATA));
	show("SEEK_HOLE 10 (end)", lseek(fd, 10, SEEK_HOLE));
	show("SEEK_DATA past end", lseek(fd, 100, SEEK_DATA));
	show("SEEK_HOLE past end", lseek(fd, 100, SEEK_HOLE));
	show("SEEK_DATA negative", lseek(fd, -1, SEEK_DATA));
	show("SEEK_SET 3", lseek(fd, 3, SEEK_SET));
	show("SEEK_CUR overflow", lseek(fd, LLONG_MAX, SEEK_CUR));
	show("SEEK_END overflow", lseek(fd, LLONG_MAX, SEEK_END));
	show("position kept", lseek(fd, 0, SEEK_CUR));
	show("SEEK_CUR to 0", lseek(fd, -3, SEEK_CUR));
	close(fd);
	fd = open("empty", O_RDWR | O_CREAT, 0644);
	show("empty SEEK_DATA 0", lseek(fd, 0, SEEK_DATA));
	show("empty SEEK_HOLE 0", lseek(fd, 0, SEEK_HOLE));
	close(fd);
	need("pipe", pipe(p) == 0);
	show("pipe SEEK_SET", lseek(p[0], 0, SEEK_SET));
	show("pipe SEEK_CUR", lseek(p[1], 0, SEEK_CUR));
	need("mkdir", mkdir("d", 0755) == 0);
	dir = open("d", O_RDONLY | O_DIRECTORY);
	show("dir SEEK_SET 0", lseek(dir, 0, SEEK_SET));
	show("dir SEEK_CUR 0", lseek(dir, 0, SEEK_CUR));
	show("dir negative", lseek(dir, -1, SEEK_SET));
	return 0;
}
