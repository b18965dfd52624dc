/* open with O_CREAT follows a dangling symlink and creates its target;
 * O_EXCL refuses any existing name, a dangling symlink included; O_NOFOLLOW
 * with O_CREAT on a symlink is ELOOP; a symlink loop is ELOOP; a chain of
 * 40 symlinks resolves and 41 do not. */
#include "../compat.h"

int main(void)
{
	char name[16], to[16];
	struct stat st;
	int fd;

	scratch_enter();
	need("symlink", symlink("target", "dangling") == 0);
	need("symlink", symlink("loop", "loop") == 0);
	need("symlink", symlink("nodir/target", "deep") == 0);
	show_ok("O_CREAT|O_EXCL on dangling", open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0644));
	check("target not created", access("target", F_OK) != 0);
	show_ok("O_CREAT|O_NOFOLLOW on dangling", open("dangling", O_WRONLY | O_CREAT | O_NOFOLLOW, 0644));
	fd = open("dangling", O_WRONLY | O_CREAT, 0600);
	show_ok("O_CREAT on dangling", fd);
	write(fd, "via", 3);
	close(fd);
	show("stat target", stat("target", &st));
	printf("  mode %04o size %ld\n", st.st_mode & 07777, (long)st.st_size);
	show("lstat dangling", lstat("dangling", &st));
	check("  still a symlink", S_ISLNK(st.st_mode));
	show_ok("O_CREAT on symlink into missing dir", open("deep", O_WRONLY | O_CREAT, 0644));
	show_ok("O_CREAT on loop", open("loop", O_WRONLY | O_CREAT, 0644));
	show_ok("O_RDONLY on loop", open("loop", O_RDONLY));
	show_ok("O_NOFOLLOW on loop", open("loop", O_RDONLY | O_NOFOLLOW));
	show_ok("loop as component", open("loop/x", O_RDONLY));
	/* c0 -> target, c1 -> c0, ... c40 -> c39 */
	need("symlink", symlink("target", "c0") == 0);
	for (int i = 1; i <= 40; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		snprintf(to, sizeof(to), "c%d", i - 1);
		need("symlink", symlink(to, name) == 0);
	}
	show("stat chain of 39 links", stat("c38", &st));
	show("stat chain of 40 links", stat("c39", &st));
	show("stat chain of 41 links", stat("c40", &st));
	show_ok("open chain of 40 links", open("c39", O_RDONLY));
	show_ok("open chain of 41 links", open("c40", O_RDONLY));
	return 0;
}
