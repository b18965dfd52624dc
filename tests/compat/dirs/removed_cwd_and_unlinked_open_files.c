/* After its directory is removed the cwd still works for "." and ".."
 * but nothing can be created in it and getcwd is ENOENT; fstat of an open
 * file whose last name is gone shows nlink 0, and it can still be
 * fchmod'ed, written and truncated. */
#include "../compat.h"

int main(void)
{
	char buf[4096];
	struct stat st;
	int fd, dir;

	scratch_enter();
	need("mkdir", mkdir("gone", 0755) == 0);
	dir = open("gone", O_RDONLY | O_DIRECTORY);
	need("chdir", chdir("gone") == 0);
	show("rmdir the cwd by full path", rmdir(compat_scratch[0] ? "../gone" : "../gone"));
	show("getcwd raw", syscall(SYS_getcwd, buf, sizeof(buf)));
	show("stat .", stat(".", &st));
	printf("  nlink %ld dir %s\n", (long)st.st_nlink, S_ISDIR(st.st_mode) ? "yes" : "no");
	show_ok("create in removed cwd", open("x", O_WRONLY | O_CREAT, 0644));
	show("mkdir in removed cwd", mkdir("sub", 0755));
	show("symlink in removed cwd", symlink("t", "s"));
	show("stat ..", stat("..", &st));
	show_ok("openat removed dir fd, create", openat(dir, "y", O_WRONLY | O_CREAT, 0644));
	show("getdents64 on removed dir fd", syscall(SYS_getdents64, dir, buf, sizeof(buf)));
	show("chdir ..", chdir(".."));
	show("fchdir into removed dir", fchdir(dir));
	show("chdir back", chdir(compat_scratch));

	fd = open("f", O_RDWR | O_CREAT, 0644);
	need("open", fd >= 0);
	show("unlink f", unlink("f"));
	show("fstat", fstat(fd, &st));
	printf("  nlink %ld\n", (long)st.st_nlink);
	show("fchmod", fchmod(fd, 0600));
	show("write", write(fd, "abc", 3));
	show("ftruncate", ftruncate(fd, 1));
	fstat(fd, &st);
	printf("  mode %04o size %ld nlink %ld\n", st.st_mode & 07777, (long)st.st_size, (long)st.st_nlink);
	show("rmdir open cwd-less dir again", rmdir("gone"));
	return 0;
}
