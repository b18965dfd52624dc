/* Opening a missing name, or creating in a missing directory, is ENOENT;
 * an empty path is ENOENT too. */
#include "../compat.h"

int main(void)
{
	scratch_enter();
	show_ok("open missing", open("missing", O_RDONLY));
	show_ok("create in missing dir", open("nodir/f", O_WRONLY | O_CREAT, 0644));
	show_ok("open empty path", open("", O_RDONLY));
	show_ok("absolute missing", open("/tmp/this/does/not/exist", O_RDONLY));
	show_ok("O_CREAT makes it", open("now", O_WRONLY | O_CREAT, 0644));
	show_ok("then it opens", open("now", O_RDONLY));
	show_ok("dotdot back in", open("../" "..", O_RDONLY | O_DIRECTORY));
	return 0;
}
