/* symlink stores any text; readlink returns it without a NUL, cut to the
 * buffer; readlink on a non-symlink is EINVAL; O_NOFOLLOW on a symlink is
 * ELOOP. */
#include "../compat.h"

int main(void)
{
	char buf[64];
	int dir;
	long n;

	scratch_enter();
	write_file("target", "T");
	show("symlink", symlink("target", "l"));
	memset(buf, '#', sizeof(buf));
	n = show("readlink", readlink("l", buf, sizeof(buf)));
	printf("text: %.*s, next byte %c\n", (int)n, buf, buf[n]);
	show("readlink short buffer", readlink("l", buf, 3));
	printf("text: %.3s\n", buf);
	show("symlink to nowhere", symlink("no/such/thing", "dangling"));
	n = readlink("dangling", buf, sizeof(buf));
	printf("dangling text: %.*s\n", (int)n, buf);
	show("symlink existing name", symlink("x", "l"));
	show("readlink regular file", readlink("target", buf, sizeof(buf)));
	show("readlink missing", readlink("missing", buf, sizeof(buf)));
	show("readlink zero size", syscall(SYS_readlink, "l", buf, 0));
	show_ok("open O_NOFOLLOW on symlink", open("l", O_RDONLY | O_NOFOLLOW));
	show_ok("open through symlink", open("l", O_RDONLY));
	need("mkdir", mkdir("d", 0755) == 0);
	dir = open("d", O_RDONLY | O_DIRECTORY);
	show("symlinkat", symlinkat("../target", dir, "up"));
	n = show("readlinkat", readlinkat(dir, "up", buf, sizeof(buf)));
	printf("text: %.*s\n", (int)n, buf);
	show_ok("open through relative symlink", open("d/up", O_RDONLY));
	show("symlink empty target", symlink("", "empty"));
	return 0;
}
