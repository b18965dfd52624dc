/* O_DIRECTORY only opens directories; a trailing slash on a file name or a
 * file used as a path component gives ENOTDIR. */
#include "../compat.h"

int main(void)
{
	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	show_ok("O_DIRECTORY on file", open("f", O_RDONLY | O_DIRECTORY));
	show_ok("O_DIRECTORY on dir", open("d", O_RDONLY | O_DIRECTORY));
	show_ok("file with trailing slash", open("f/", O_RDONLY));
	show_ok("file as component", open("f/x", O_RDONLY));
	show_ok("create under file", open("f/x", O_WRONLY | O_CREAT, 0644));
	show_ok("dir with trailing slash", open("d/", O_RDONLY));
	show_ok("missing as component", open("nope/x", O_RDONLY));
	return 0;
}
