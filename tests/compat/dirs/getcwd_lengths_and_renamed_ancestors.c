/* The raw getcwd returns the length with the NUL; a buffer one byte short
 * is ERANGE, size 1 too; a renamed ancestor shows in the path at once;
 * chdir through a symlink records the real path; chdir to "file/" or to ""
 * and fchdir on a file, a pipe or an O_PATH file fail. */
#include "../compat.h"

#ifndef O_PATH
#define O_PATH 010000000
#endif

static void show_cwd(const char *label)
{
	char buf[256];
	size_t base = strlen(compat_scratch);
	long n = syscall(SYS_getcwd, buf, sizeof(buf));

	if (n < 0) {
		printf("%s: -1 %s\n", label, errname(errno));
		return;
	}
	check("  length includes the NUL", n == (long)strlen(buf) + 1);
	if (!strncmp(buf, compat_scratch, base))
		printf("%s: <scratch>%s\n", label, buf + base);
	else
		printf("%s: %s\n", label, buf);
}

int main(void)
{
	char buf[256];
	size_t len;
	int p[2], fd;

	scratch_enter();
	need("mkdir", mkdir("a", 0755) == 0 && mkdir("a/b", 0755) == 0);
	write_file("f", "x");
	need("symlink", symlink("renamed/b", "link") == 0);
	show("chdir a/b", chdir("a/b"));
	show_cwd("cwd");
	len = strlen(getcwd(buf, sizeof(buf)));
	show("exact size gives the length (0 = yes)", syscall(SYS_getcwd, buf, len + 1) == (long)len + 1 ? 0 : -1);
	show("one byte short", syscall(SYS_getcwd, buf, len));
	show("size 1", syscall(SYS_getcwd, buf, 1));
	show("NULL buffer", syscall(SYS_getcwd, NULL, 64));
	show("rename ancestor", rename("../../a", "../../renamed"));
	show_cwd("cwd");
	show("chdir via symlink", chdir("../../link"));
	show_cwd("cwd");
	show("chdir ../../f/", chdir("../../f/"));
	show("chdir empty", chdir(""));
	fd = open("../../f", O_RDONLY);
	show("fchdir on file", fchdir(fd));
	need("pipe", pipe(p) == 0);
	show("fchdir on pipe", fchdir(p[0]));
	fd = open("../../f", O_PATH);
	show("fchdir on O_PATH file", fchdir(fd));
	show_cwd("still");
	return 0;
}
