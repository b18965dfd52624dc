/* open's flag checks: O_NOFOLLOW on a symlink is ELOOP, even with
 * O_CREAT (but EEXIST with O_EXCL), a symlink earlier in the path is still
 * followed, O_NOFOLLOW|O_PATH opens the link itself. O_TMPFILE needs write
 * access, no O_CREAT and its O_DIRECTORY bit (EINVAL), a directory
 * (ENOTDIR on a file, ENOENT when missing); whether a real O_TMPFILE works
 * depends on the file system, so it is left out. O_CREAT|O_DIRECTORY is
 * EINVAL (Linux 6.4 on) and creates nothing. */
#include "../compat.h"

#ifndef O_PATH
#define O_PATH 010000000
#endif
#ifndef O_TMPFILE
#define O_TMPFILE (020000000 | O_DIRECTORY)
#endif

int main(void)
{
	struct stat st;
	int fd;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	write_file("d/f", "data");
	need("symlink", symlink("f", "d/l") == 0);
	need("symlink", symlink("d", "dl") == 0);
	show_ok("O_NOFOLLOW on a symlink", open("d/l", O_RDONLY | O_NOFOLLOW));
	show_ok("O_NOFOLLOW, symlink earlier in the path", open("dl/f", O_RDONLY | O_NOFOLLOW));
	show_ok("O_NOFOLLOW on a symlink to a dir", open("dl", O_RDONLY | O_NOFOLLOW | O_DIRECTORY));
	fd = open("d/l", O_PATH | O_NOFOLLOW);
	show_ok("O_NOFOLLOW|O_PATH on a symlink", fd);
	check("  fstat says symlink", fstat(fd, &st) == 0 && S_ISLNK(st.st_mode));
	show_ok("O_NOFOLLOW|O_CREAT on a symlink", open("d/l", O_WRONLY | O_CREAT | O_NOFOLLOW, 0644));
	show_ok("O_NOFOLLOW|O_CREAT|O_EXCL on a symlink", open("d/l", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0644));
	show_ok("O_TMPFILE read-only", open("d", O_TMPFILE | O_RDONLY, 0600));
	show_ok("O_TMPFILE on a file", open("d/f", O_TMPFILE | O_RDWR, 0600));
	show_ok("O_TMPFILE on a missing dir", open("nope", O_TMPFILE | O_RDWR, 0600));
	show_ok("O_TMPFILE with O_CREAT", open("d", O_TMPFILE | O_CREAT | O_RDWR, 0600));
	show_ok("O_TMPFILE without O_DIRECTORY", open("d", 020000000 | O_RDWR, 0600));
	show_ok("O_CREAT|O_DIRECTORY, missing", open("new", O_CREAT | O_DIRECTORY | O_RDWR, 0644));
	check("  nothing created", access("new", F_OK) != 0);
	show_ok("O_CREAT|O_DIRECTORY, existing dir", open("d", O_CREAT | O_DIRECTORY | O_RDONLY, 0644));
	return 0;
}
