/* openat resolves relative paths from its directory fd, absolute ones
 * ignore it, and a non-directory fd gives ENOTDIR. */
#include "../compat.h"

int main(void)
{
	char buf[8] = { 0 };
	int dir, fd, file;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	write_file("d/inside", "in\n");
	write_file("outside", "out\n");
	dir = open("d", O_RDONLY | O_DIRECTORY);
	need("open dir", dir >= 0);
	fd = openat(dir, "inside", O_RDONLY);
	show("read via dirfd", read(fd, buf, sizeof(buf) - 1));
	printf("data: %s", buf);
	close(fd);
	show_ok("openat dirfd, missing name", openat(dir, "outside", O_RDONLY));
	show_ok("openat AT_FDCWD", fd = openat(AT_FDCWD, "outside", O_RDONLY));
	close(fd);
	file = open("outside", O_RDONLY);
	show_ok("openat file fd", openat(file, "x", O_RDONLY));
	show_ok("openat bad fd", openat(1000, "x", O_RDONLY));
	show_ok("openat bad fd, absolute path", fd = openat(1000, "/", O_RDONLY | O_DIRECTORY));
	show_ok("openat O_CREAT via dirfd", fd = openat(dir, "new", O_WRONLY | O_CREAT, 0600));
	close(fd);
	check("created inside d", access("d/new", F_OK) == 0);
	return 0;
}
