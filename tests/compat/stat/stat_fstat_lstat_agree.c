/* stat, fstat and lstat (the raw calls) agree on a file; lstat describes a
 * symlink itself, stat its target. */
#include "../compat.h"

static void describe(const char *label, const struct stat *st)
{
	const char *type = S_ISREG(st->st_mode) ? "regular" : S_ISDIR(st->st_mode) ? "directory"
			 : S_ISLNK(st->st_mode) ? "symlink" : "other";

	printf("%s: %s mode %04o", label, type, st->st_mode & 07777);
	if (!S_ISDIR(st->st_mode))
		printf(" size %ld nlink %ld", (long)st->st_size, (long)st->st_nlink);
	printf("\n");
}

int main(void)
{
	struct stat a, b, c, l;
	int fd;

	scratch_enter();
	write_file("f", "12345");
	need("chmod", chmod("f", 0640) == 0);
	need("symlink", symlink("f", "link") == 0);
	need("mkdir", mkdir("d", 0751) == 0);
	show("stat", syscall(SYS_stat, "f", &a));
	fd = open("f", O_RDONLY);
	show("fstat", syscall(SYS_fstat, fd, &b));
	show("lstat", syscall(SYS_lstat, "f", &c));
	describe("f", &a);
	check("same inode and device", a.st_ino == b.st_ino && a.st_dev == b.st_dev && a.st_ino == c.st_ino);
	check("same mtime", a.st_mtime == b.st_mtime);
	show("lstat link", syscall(SYS_lstat, "link", &l));
	describe("link (lstat)", &l);
	check("symlink size is target length", l.st_size == 1);
	show("stat link", syscall(SYS_stat, "link", &l));
	describe("link (stat)", &l);
	check("stat link is f", l.st_ino == a.st_ino);
	show("stat d", syscall(SYS_stat, "d", &l));
	describe("d", &l);
	check("uid is euid", a.st_uid == geteuid());
	check("blksize positive", a.st_blksize > 0);
	return 0;
}
