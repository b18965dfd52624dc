/* link makes a second name for the same inode and raises st_nlink; unlink
 * lowers it; linking a directory is EPERM, onto an existing name EEXIST. */
#include "../compat.h"

static long nlink_of(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_nlink : -1;
}

int main(void)
{
	struct stat a, b;
	char buf[8] = { 0 };
	int fd;

	scratch_enter();
	write_file("a", "one");
	printf("nlink a: %ld\n", nlink_of("a"));
	show("link a b", link("a", "b"));
	printf("nlink a: %ld\n", nlink_of("a"));
	stat("a", &a);
	stat("b", &b);
	check("same inode", a.st_ino == b.st_ino);
	fd = open("b", O_WRONLY | O_APPEND);
	write(fd, "+", 1);
	close(fd);
	fd = open("a", O_RDONLY);
	read(fd, buf, sizeof(buf) - 1);
	printf("a reads: %s\n", buf);
	close(fd);
	show("unlink a", unlink("a"));
	printf("nlink b: %ld\n", nlink_of("b"));
	need("mkdir", mkdir("d", 0755) == 0);
	show("link dir", link("d", "d2"));
	show("link onto existing", link("b", "d"));
	show("link missing", link("missing", "c"));
	show("linkat", linkat(AT_FDCWD, "b", AT_FDCWD, "c", 0));
	printf("nlink b: %ld\n", nlink_of("b"));
	show("linkat bad flag", linkat(AT_FDCWD, "b", AT_FDCWD, "e", 0x1));
	return 0;
}
