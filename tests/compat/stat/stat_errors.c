/* stat's errors: ENOENT for a missing name or an empty path, ENOTDIR for a
 * file used as a directory, ELOOP for a symlink loop. */
#include "../compat.h"

int main(void)
{
	struct stat st;

	scratch_enter();
	write_file("f", "x");
	need("symlink", symlink("loop", "loop") == 0);
	need("symlink", symlink("missing", "dangling") == 0);
	show("missing", stat("missing", &st));
	show("empty path", stat("", &st));
	show("file as dir", stat("f/x", &st));
	show("trailing slash on file", stat("f/", &st));
	show("symlink loop", stat("loop", &st));
	show("lstat symlink loop", lstat("loop", &st));
	show("dangling", stat("dangling", &st));
	show("lstat dangling", lstat("dangling", &st));
	return 0;
}
