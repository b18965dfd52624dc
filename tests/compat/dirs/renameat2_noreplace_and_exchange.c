/* renameat2: RENAME_NOREPLACE refuses to replace (EEXIST), RENAME_EXCHANGE
 * swaps two names, both together are EINVAL. */
#include "../compat.h"

#define LX_RENAME_NOREPLACE 1
#define LX_RENAME_EXCHANGE 2

static void show_file(const char *path)
{
	char buf[16] = { 0 };
	int fd = open(path, O_RDONLY);

	read(fd, buf, sizeof(buf) - 1);
	printf("%s: %s\n", path, fd < 0 ? "missing" : buf);
	close(fd);
}

int main(void)
{
	scratch_enter();
	write_file("a", "A");
	write_file("b", "B");
	show("NOREPLACE over existing", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "b", LX_RENAME_NOREPLACE));
	show("EXCHANGE", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "b", LX_RENAME_EXCHANGE));
	show_file("a");
	show_file("b");
	show("EXCHANGE with missing", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "c", LX_RENAME_EXCHANGE));
	show("both flags", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "c",
				   LX_RENAME_NOREPLACE | LX_RENAME_EXCHANGE));
	show("unknown flag", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "c", 0x100));
	show("NOREPLACE to new name", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "c", LX_RENAME_NOREPLACE));
	show_file("c");
	show("no flags replaces", syscall(SYS_renameat2, AT_FDCWD, "c", AT_FDCWD, "b", 0));
	show_file("b");
	return 0;
}
