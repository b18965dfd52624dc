/* getcwd follows chdir and fchdir; ".." goes up; chdir to a file is
 * ENOTDIR; a buffer too small for the path is ERANGE. */
#include "../compat.h"

static void show_cwd(const char *label)
{
	char buf[256];
	size_t base = strlen(compat_scratch);

	if (!getcwd(buf, sizeof(buf))) {
		printf("%s: -1 %s\n", label, errname(errno));
		return;
	}
	if (!strncmp(buf, compat_scratch, base))
		printf("%s: <scratch>%s\n", label, buf + base);
	else
		printf("%s: %s\n", label, buf);
}

int main(void)
{
	char tiny[4];
	int dir;

	scratch_enter();
	show_cwd("start");
	need("mkdir", mkdir("a", 0755) == 0);
	need("mkdir", mkdir("a/b", 0755) == 0);
	write_file("f", "x");
	show("chdir a/b", chdir("a/b"));
	show_cwd("cwd");
	show("chdir ..", chdir(".."));
	show_cwd("cwd");
	dir = open("b", O_RDONLY | O_DIRECTORY);
	show("chdir /", chdir("/"));
	show_cwd("cwd");
	show("fchdir", fchdir(dir));
	show_cwd("cwd");
	show("chdir to file", chdir("../../f"));
	show("chdir missing", chdir("nope"));
	show("fchdir bad fd", fchdir(99));
	show("fchdir on file", fchdir(open("../../f", O_RDONLY)));
	show("getcwd raw, tiny buffer", syscall(SYS_getcwd, tiny, sizeof(tiny)));
	show("getcwd raw, size 0", syscall(SYS_getcwd, tiny, 0));
	show_cwd("still");
	return 0;
}
