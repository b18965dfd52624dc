/* unlink removes names, not directories (EISDIR); unlinkat needs
 * AT_REMOVEDIR for a directory and refuses it for a file. An open file
 * stays readable after its name is gone. */
#include "../compat.h"

int main(void)
{
	char buf[8] = { 0 };
	int fd;

	scratch_enter();
	write_file("f", "data");
	need("mkdir", mkdir("d", 0755) == 0);
	fd = open("f", O_RDONLY);
	show("unlink f", unlink("f"));
	check("f is gone", access("f", F_OK) != 0);
	show("read after unlink", read(fd, buf, sizeof(buf) - 1));
	printf("data: %s\n", buf);
	show("unlink missing", unlink("f"));
	show("unlink dir", unlink("d"));
	show("unlinkat dir without flag", unlinkat(AT_FDCWD, "d", 0));
	write_file("g", "x");
	show("unlinkat file with AT_REMOVEDIR", unlinkat(AT_FDCWD, "g", AT_REMOVEDIR));
	show("unlinkat bad flag", unlinkat(AT_FDCWD, "g", 0x1));
	show("unlinkat file", unlinkat(AT_FDCWD, "g", 0));
	show("unlinkat dir", unlinkat(AT_FDCWD, "d", AT_REMOVEDIR));
	show("unlink empty path", unlink(""));
	return 0;
}
