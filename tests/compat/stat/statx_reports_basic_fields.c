/* statx fills the basic fields for a file, a directory and a symlink, and
 * agrees with fstat. */
#include "../compat.h"
#include <stdint.h>

int main(void)
{
	struct lx_statx sx;
	struct stat st;

	scratch_enter();
	write_file("f", "hello");
	need("chmod", chmod("f", 0604) == 0);
	need("symlink", symlink("f", "l") == 0);
	need("mkdir", mkdir("d", 0700) == 0);
	show("statx f", syscall(SYS_statx, AT_FDCWD, "f", 0, LX_STATX_BASIC_STATS, &sx));
	check("  basic stats in mask", (sx.stx_mask & LX_STATX_BASIC_STATS) == LX_STATX_BASIC_STATS);
	printf("  mode %06o size %llu nlink %u\n", sx.stx_mode, (unsigned long long)sx.stx_size, sx.stx_nlink);
	need("stat", stat("f", &st) == 0);
	check("  ino matches stat", sx.stx_ino == st.st_ino);
	check("  mtime matches stat", sx.stx_mtime.tv_sec == st.st_mtime);
	show("statx l nofollow", syscall(SYS_statx, AT_FDCWD, "l", AT_SYMLINK_NOFOLLOW, LX_STATX_BASIC_STATS, &sx));
	check("  is symlink", S_ISLNK(sx.stx_mode));
	show("statx l", syscall(SYS_statx, AT_FDCWD, "l", 0, LX_STATX_BASIC_STATS, &sx));
	check("  is regular", S_ISREG(sx.stx_mode));
	show("statx d", syscall(SYS_statx, AT_FDCWD, "d", 0, LX_STATX_BASIC_STATS, &sx));
	printf("  mode %06o\n", sx.stx_mode);
	show("statx missing", syscall(SYS_statx, AT_FDCWD, "nope", 0, LX_STATX_BASIC_STATS, &sx));
	show("statx bad flags", syscall(SYS_statx, AT_FDCWD, "f", 0x40000000, LX_STATX_BASIC_STATS, &sx));
	show("statx reserved mask bit", syscall(SYS_statx, AT_FDCWD, "f", 0, 0x80000000u, &sx));
	return 0;
}
