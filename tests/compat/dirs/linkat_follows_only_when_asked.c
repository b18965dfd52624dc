/* linkat links the symlink itself unless AT_SYMLINK_FOLLOW, which links
 * its target; a dangling symlink can be linked but not followed; a
 * directory found through a symlink is still EPERM; dirfds are used. */
#include "../compat.h"

int main(void)
{
	struct stat a, b;
	int dir;

	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	need("symlink", symlink("f", "l") == 0);
	need("symlink", symlink("missing", "dangling") == 0);
	need("symlink", symlink("d", "ld") == 0);
	show("linkat no flag", linkat(AT_FDCWD, "l", AT_FDCWD, "l2", 0));
	lstat("l2", &a);
	lstat("l", &b);
	check("  l2 is a symlink", S_ISLNK(a.st_mode));
	check("  l2 is l's inode", a.st_ino == b.st_ino);
	show("linkat AT_SYMLINK_FOLLOW", linkat(AT_FDCWD, "l", AT_FDCWD, "f2", AT_SYMLINK_FOLLOW));
	lstat("f2", &a);
	stat("f", &b);
	check("  f2 is regular", S_ISREG(a.st_mode));
	check("  f2 is f's inode", a.st_ino == b.st_ino);
	show("link (no flag) of symlink", link("l", "l3"));
	check("  l3 is a symlink", lstat("l3", &a) == 0 && S_ISLNK(a.st_mode));
	show("linkat dangling", linkat(AT_FDCWD, "dangling", AT_FDCWD, "dl", 0));
	show("linkat dangling followed", linkat(AT_FDCWD, "dangling", AT_FDCWD, "dl2", AT_SYMLINK_FOLLOW));
	show("linkat dir symlink followed", linkat(AT_FDCWD, "ld", AT_FDCWD, "dd", AT_SYMLINK_FOLLOW));
	show("linkat dir symlink itself", linkat(AT_FDCWD, "ld", AT_FDCWD, "ld2", 0));
	dir = open("d", O_RDONLY | O_DIRECTORY);
	show("linkat into dirfd", linkat(AT_FDCWD, "f", dir, "inner", 0));
	check("  d/inner exists", access("d/inner", F_OK) == 0);
	show("linkat from dirfd", linkat(dir, "inner", AT_FDCWD, "outer", 0));
	show("linkat bad dirfd", linkat(99, "f", AT_FDCWD, "z", 0));
	show("linkat file as dirfd", linkat(AT_FDCWD, "f", open("f", O_RDONLY), "z", 0));
	show("linkat empty old path", linkat(AT_FDCWD, "", AT_FDCWD, "z", 0));
	show("linkat empty new path", linkat(AT_FDCWD, "f", AT_FDCWD, "", 0));
	return 0;
}
