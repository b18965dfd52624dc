/* umask returns the old mask and clears its bits from the mode of files
 * and directories created afterwards; chmod ignores it. */
#include "../compat.h"

static void show_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0)
		printf("%s: mode %04o\n", path, st.st_mode & 07777);
}

int main(void)
{
	int fd;

	scratch_enter();
	printf("umask(027) returned %03o\n", umask(027));
	printf("umask(077) returned %03o\n", umask(077));
	fd = open("f", O_WRONLY | O_CREAT, 0666);
	close(fd);
	show_mode("f");
	mkdir("d", 0777);
	show_mode("d");
	umask(0);
	fd = open("g", O_WRONLY | O_CREAT, 0666);
	close(fd);
	show_mode("g");
	umask(0777);
	fd = open("h", O_WRONLY | O_CREAT, 0666);
	close(fd);
	show_mode("h");
	chmod("h", 0644);
	show_mode("h");
	printf("umask(0177777) keeps %03o\n", (unsigned)syscall(SYS_umask, 0177777));
	printf("mask now %03o\n", umask(022));
	return 0;
}
