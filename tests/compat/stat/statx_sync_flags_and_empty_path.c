/* statx: AT_STATX_FORCE_SYNC and AT_STATX_DONT_SYNC are accepted alone but
 * not together (EINVAL); AT_NO_AUTOMOUNT is accepted; a mask of 0 still
 * answers; AT_EMPTY_PATH statxes the fd itself (a file, a pipe); an empty
 * path without it is ENOENT; a relative path under a file fd is ENOTDIR,
 * under a bad fd EBADF; the answer matches fstat. */
#include "../compat.h"
#include <stdint.h>
#include <sys/sysmacros.h>

#define FORCE_SYNC 0x2000
#define DONT_SYNC 0x4000
#define NO_AUTOMOUNT 0x800
#define EMPTY_PATH 0x1000

static long sx(int dirfd, const char *path, int flags, unsigned mask, struct lx_statx *s)
{
	memset(s, 0, sizeof(*s));
	return syscall(SYS_statx, dirfd, path, flags, mask, s);
}

int main(void)
{
	struct lx_statx s;
	struct stat st;
	int fd, p[2];

	scratch_enter();
	write_file("f", "twelve bytes");
	need("chmod", chmod("f", 0640) == 0);
	fd = open("f", O_RDONLY);
	need("open", fd >= 0);
	need("pipe", pipe(p) == 0);
	show("FORCE_SYNC", sx(AT_FDCWD, "f", FORCE_SYNC, LX_STATX_BASIC_STATS, &s));
	show("DONT_SYNC", sx(AT_FDCWD, "f", DONT_SYNC, LX_STATX_BASIC_STATS, &s));
	show("both sync flags", sx(AT_FDCWD, "f", FORCE_SYNC | DONT_SYNC, LX_STATX_BASIC_STATS, &s));
	show("NO_AUTOMOUNT", sx(AT_FDCWD, "f", NO_AUTOMOUNT, LX_STATX_BASIC_STATS, &s));
	show("mask 0", sx(AT_FDCWD, "f", 0, 0, &s));
	printf("  size %llu mode %06o\n", (unsigned long long)s.stx_size, s.stx_mode);
	show("mask TYPE only", sx(AT_FDCWD, "f", 0, 1, &s));
	check("  TYPE reported", (s.stx_mask & 1) != 0);
	show("EMPTY_PATH on file fd", sx(fd, "", EMPTY_PATH, LX_STATX_BASIC_STATS, &s));
	need("fstat", fstat(fd, &st) == 0);
	check("  ino, mode, nlink, size match fstat",
	      s.stx_ino == st.st_ino && s.stx_mode == st.st_mode && s.stx_nlink == st.st_nlink &&
	      s.stx_size == (uint64_t)st.st_size);
	check("  uid, gid match fstat", s.stx_uid == st.st_uid && s.stx_gid == st.st_gid);
	check("  mtime matches fstat", s.stx_mtime.tv_sec == st.st_mtim.tv_sec &&
					s.stx_mtime.tv_nsec == (uint32_t)st.st_mtim.tv_nsec);
	check("  dev matches fstat", makedev(s.stx_dev_major, s.stx_dev_minor) == st.st_dev);
	show("EMPTY_PATH on pipe", sx(p[0], "", EMPTY_PATH, LX_STATX_BASIC_STATS, &s));
	check("  is a FIFO", S_ISFIFO(s.stx_mode));
	show("EMPTY_PATH with AT_FDCWD", sx(AT_FDCWD, "", EMPTY_PATH, LX_STATX_BASIC_STATS, &s));
	check("  is a directory", S_ISDIR(s.stx_mode));
	show("empty path, no flag", sx(fd, "", 0, LX_STATX_BASIC_STATS, &s));
	show("relative under file fd", sx(fd, "x", 0, LX_STATX_BASIC_STATS, &s));
	show("relative under bad fd", sx(99, "x", 0, LX_STATX_BASIC_STATS, &s));
	show("absolute under bad fd", sx(99, "/", 0, LX_STATX_BASIC_STATS, &s));
	show("EMPTY_PATH, bad fd", sx(99, "", EMPTY_PATH, LX_STATX_BASIC_STATS, &s));
	show("both sync flags, bad fd", sx(99, "x", FORCE_SYNC | DONT_SYNC, LX_STATX_BASIC_STATS, &s));
	return 0;
}
