/* newfstatat: relative to a dirfd, follows symlinks unless
 * AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH describes the fd itself, and unknown
 * flags are EINVAL. */
#include "../compat.h"

int main(void)
{
	struct stat st;
	int dir, fd;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	write_file("d/f", "abc");
	need("symlink", symlink("f", "d/l") == 0);
	dir = open("d", O_RDONLY | O_DIRECTORY);
	show("follow", syscall(SYS_newfstatat, dir, "l", &st, 0));
	check("  is regular, size 3", S_ISREG(st.st_mode) && st.st_size == 3);
	show("nofollow", syscall(SYS_newfstatat, dir, "l", &st, AT_SYMLINK_NOFOLLOW));
	check("  is symlink", S_ISLNK(st.st_mode));
	fd = open("d/f", O_RDONLY);
	show("empty path", syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH));
	check("  is regular, size 3", S_ISREG(st.st_mode) && st.st_size == 3);
	show("empty path without flag", syscall(SYS_newfstatat, fd, "", &st, 0));
	show("bad flags", syscall(SYS_newfstatat, dir, "f", &st, 0x40000000));
	show("file as dirfd", syscall(SYS_newfstatat, fd, "x", &st, 0));
	show("bad dirfd", syscall(SYS_newfstatat, 99, "f", &st, 0));
	show("AT_FDCWD", syscall(SYS_newfstatat, AT_FDCWD, "d/f", &st, 0));
	return 0;
}
