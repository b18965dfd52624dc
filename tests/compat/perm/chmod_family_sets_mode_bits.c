/* chmod, fchmod and fchmodat set the permission bits (and setuid, setgid,
 * sticky, for the file's owner); type bits passed in are ignored. */
#include "../compat.h"

static void show_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0)
		printf("%s: mode %06o\n", path, st.st_mode);
}

int main(void)
{
	int fd;

	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	show("chmod 0600", chmod("f", 0600));
	show_mode("f");
	show("chmod 07777", chmod("f", 07777));
	show_mode("f");
	fd = open("f", O_RDONLY);
	show("fchmod 0444", fchmod(fd, 0444));
	show_mode("f");
	show("fchmod bad fd", fchmod(99, 0644));
	show("fchmodat", syscall(SYS_fchmodat, AT_FDCWD, "d", 01777));
	show_mode("d");
	show("chmod missing", chmod("missing", 0644));
	show("chmod with type bits", chmod("f", S_IFDIR | 0640));
	show_mode("f");
	close(fd);
	return 0;
}
