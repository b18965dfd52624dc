/* "." and ".." cannot be created, removed or renamed: mkdir and link are
 * EEXIST, rmdir "." EINVAL and ".." ENOTEMPTY, unlink EISDIR, rename of or
 * onto either EBUSY; renaming a directory below itself is EINVAL at any
 * depth and onto its own ancestor ENOTEMPTY. */
#include "../compat.h"

int main(void)
{
	scratch_enter();
	need("mkdir", mkdir("a", 0755) == 0);
	need("mkdir", mkdir("a/b", 0755) == 0);
	need("mkdir", mkdir("a/b/c", 0755) == 0);
	write_file("f", "x");
	show("mkdir .", mkdir(".", 0755));
	show("mkdir a/..", mkdir("a/..", 0755));
	show("link f .", link("f", "."));
	show("link f a/..", link("f", "a/.."));
	show("symlink x a/.", symlink("x", "a/."));
	show("rmdir a/.", rmdir("a/."));
	show("rmdir a/b/..", rmdir("a/b/.."));
	show("unlink a/.", unlink("a/."));
	show("unlink a/..", unlink("a/.."));
	show("rename a/. z", rename("a/.", "z"));
	show("rename a/b/.. z", rename("a/b/..", "z"));
	show("rename f a/.", rename("f", "a/."));
	show("rename a/b a/b/..", rename("a/b", "a/b/.."));
	show("rename a a/b/c/d", rename("a", "a/b/c/d"));
	show("rename a a/b/c", rename("a", "a/b/c"));
	show("rename a/b/c a", rename("a/b/c", "a"));
	show("rename a/b/c a/b", rename("a/b/c", "a/b"));
	show("rename a/b/c/ a/c/", rename("a/b/c/", "a/c/"));
	check("a/c moved", access("a/c", F_OK) == 0 && access("a/b/c", F_OK) != 0);
	show("rmdir a/c/.", rmdir("a/c/."));
	show("rmdir a/c/../c", rmdir("a/c/../c"));
	show("open . O_CREAT|O_WRONLY", open(".", O_CREAT | O_WRONLY, 0644) < 0 ? -1 : 0);
	return 0;
}
