/* readlink and readlinkat only read symlinks: a directory or a path that
 * goes through a symlink to one is EINVAL, a trailing slash follows the
 * link; a negative size is EINVAL; the result is cut to the buffer with no
 * NUL even for a one-byte buffer; readlinkat works from a dirfd. */
#include "../compat.h"

int main(void)
{
	char buf[64];
	int dir;
	long n;

	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	need("symlink", symlink("d", "ld") == 0);
	need("symlink", symlink("../f", "d/up") == 0);
	need("symlink", symlink("f", "lf") == 0);
	show("readlink dir", readlink("d", buf, sizeof(buf)));
	show("readlink .", readlink(".", buf, sizeof(buf)));
	show("readlink ld/", readlink("ld/", buf, sizeof(buf)));
	show("readlink lf/", readlink("lf/", buf, sizeof(buf)));
	n = show("readlink through symlinked dir", readlink("ld/up", buf, sizeof(buf)));
	printf("  text: %.*s\n", (int)(n > 0 ? n : 0), buf);
	show("readlink negative size", syscall(SYS_readlink, "lf", buf, -1));
	memset(buf, '#', sizeof(buf));
	show("readlink 1 byte", readlink("ld/up", buf, 1));
	printf("  bytes: %c%c\n", buf[0], buf[1]);
	memset(buf, '#', sizeof(buf));
	show("readlink exact size", readlink("ld/up", buf, 4));
	printf("  bytes: %.5s\n", buf);
	dir = open("d", O_RDONLY | O_DIRECTORY);
	n = show("readlinkat dirfd", readlinkat(dir, "up", buf, sizeof(buf)));
	printf("  text: %.*s\n", (int)(n > 0 ? n : 0), buf);
	show("readlinkat bad dirfd", readlinkat(99, "up", buf, sizeof(buf)));
	show("readlinkat file as dirfd", readlinkat(open("f", O_RDONLY), "up", buf, sizeof(buf)));
	show("readlinkat absolute ignores dirfd", readlinkat(99, "/nonexistent-compat", buf, sizeof(buf)));
	return 0;
}
