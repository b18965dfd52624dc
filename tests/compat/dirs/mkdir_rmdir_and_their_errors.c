/* mkdir and rmdir, and their errors: EEXIST, ENOENT, ENOTEMPTY, ENOTDIR,
 * EINVAL for ".", and mkdirat relative to a directory fd. */
#include "../compat.h"

int main(void)
{
	struct stat st;
	int dir;

	scratch_enter();
	show("mkdir a", mkdir("a", 0755));
	show("mkdir a again", mkdir("a", 0755));
	show("mkdir in missing", mkdir("x/y", 0755));
	show("mkdir a/b", mkdir("a/b", 0700));
	stat("a/b", &st);
	check("a/b is a directory", S_ISDIR(st.st_mode));
	show("rmdir non-empty a", rmdir("a"));
	write_file("file", "x");
	show("mkdir over file", mkdir("file", 0755));
	show("rmdir a file", rmdir("file"));
	show("rmdir a/b/.", rmdir("a/b/."));
	show("rmdir missing", rmdir("nope"));
	show("rmdir a/b", rmdir("a/b"));
	dir = open("a", O_RDONLY | O_DIRECTORY);
	show("mkdirat", mkdirat(dir, "c", 0755));
	check("a/c exists", stat("a/c", &st) == 0 && S_ISDIR(st.st_mode));
	show("unlinkat AT_REMOVEDIR", unlinkat(dir, "c", AT_REMOVEDIR));
	show("mkdir trailing slash", mkdir("e/", 0755));
	check("e exists", stat("e", &st) == 0);
	show("rmdir trailing slash", rmdir("e/"));
	show("rmdir a", rmdir("a"));
	return 0;
}
