/* rename moves a name, replacing a file atomically; it refuses a file over
 * a directory (EISDIR), a directory over a file (ENOTDIR) or a non-empty
 * directory (ENOTEMPTY), and a directory into itself (EINVAL). */
#include "../compat.h"

static void show_file(const char *path)
{
	char buf[16] = { 0 };
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("%s: missing\n", path);
		return;
	}
	read(fd, buf, sizeof(buf) - 1);
	printf("%s: %s\n", path, buf);
	close(fd);
}

int main(void)
{
	scratch_enter();
	write_file("a", "A");
	write_file("b", "B");
	need("mkdir", mkdir("d", 0755) == 0);
	need("mkdir", mkdir("e", 0755) == 0);
	write_file("e/inside", "I");
	need("mkdir", mkdir("empty", 0755) == 0);
	show("rename a over b", rename("a", "b"));
	show_file("a");
	show_file("b");
	show("rename b to itself", rename("b", "b"));
	show("rename file over dir", rename("b", "d"));
	show("rename dir over file", rename("d", "b"));
	show("rename dir over non-empty dir", rename("d", "e"));
	show("rename dir over empty dir", rename("d", "empty"));
	check("d gone, empty is the moved dir", access("d", F_OK) != 0 && access("empty", F_OK) == 0);
	show("rename dir into itself", rename("e", "e/sub"));
	show("rename missing", rename("nope", "x"));
	show("rename into missing dir", rename("b", "nodir/b"));
	show("rename into other dir", rename("b", "e/b"));
	show_file("e/b");
	show("renameat", renameat(AT_FDCWD, "e/b", AT_FDCWD, "back"));
	show_file("back");
	return 0;
}
