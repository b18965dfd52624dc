/* utimensat: explicit times to the nanosecond, UTIME_OMIT and UTIME_NOW,
 * NULL times meaning now, AT_SYMLINK_NOFOLLOW, a NULL path meaning the
 * descriptor itself (futimens), ctime set to now by any change, and
 * Linux's errors in Linux's order (both UTIME_OMIT succeeds before the
 * path or the flags are looked at; the path before the nanoseconds). */
#include "../compat.h"
#include <time.h>

static long utimens(int dirfd, const char *path, const struct timespec *ts, int flags)
{
	return syscall(SYS_utimensat, dirfd, path, ts, flags);
}

static struct stat lst(const char *path)
{
	struct stat st;

	need(path, lstat(path, &st) == 0);
	return st;
}

static int is_now(struct timespec t)
{
	time_t now = time(NULL);

	return t.tv_sec >= now - 2 && t.tv_sec <= now + 1;
}

static void show_times(const char *label, const char *path)
{
	struct stat st = lst(path);

	printf("%s: atime %lld.%09ld mtime %lld.%09ld ctime now %s\n", label,
	       (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec,
	       st.st_mtim.tv_nsec, is_now(st.st_ctim) ? "yes" : "no");
}

int main(void)
{
	struct timespec set[2] = { { 1000000000, 123456789 }, { 1100000000, 5 } };
	struct timespec omit_a[2] = { { 7, UTIME_OMIT }, { 1200000000, 0 } };
	struct timespec now_m[2] = { { 1300000000, 999999999 }, { 7, UTIME_NOW } };
	struct timespec link[2] = { { 1400000000, 1 }, { 1500000000, 2 } };
	struct timespec omit[2] = { { 0, UTIME_OMIT }, { 0, UTIME_OMIT } };
	struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct timespec big[2] = { { 0, 1000000000 }, { 0, 0 } };
	struct timespec neg[2] = { { 0, 0 }, { 0, -1 } };
	struct stat st;
	int fd, pfd, p[2];

	scratch_enter();
	write_file("f", "x");
	need("symlink", symlink("f", "l") == 0);
	need("mkdir", mkdir("d", 0755) == 0);

	show("explicit", utimens(AT_FDCWD, "f", set, 0));
	show_times("f", "f");
	show("omit atime", utimens(AT_FDCWD, "f", omit_a, 0));
	show_times("f", "f");
	show("now for mtime", utimens(AT_FDCWD, "f", now_m, 0));
	st = lst("f");
	printf("atime %lld.%09ld, mtime now: %s\n", (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, is_now(st.st_mtim) ? "yes" : "no");
	show("NULL times", utimens(AT_FDCWD, "f", NULL, 0));
	st = lst("f");
	check("NULL: atime, mtime and ctime are now", is_now(st.st_atim) && is_now(st.st_mtim) &&
	      is_now(st.st_ctim));
	show("both UTIME_NOW", utimens(AT_FDCWD, "d", now, 0));
	st = lst("d");
	check("UTIME_NOW: times now", is_now(st.st_atim) && is_now(st.st_mtim));

	show("explicit again", utimens(AT_FDCWD, "f", set, 0));
	show("nofollow on the link", utimens(AT_FDCWD, "l", link, AT_SYMLINK_NOFOLLOW));
	show_times("l", "l");
	show_times("f untouched", "f");
	show("through the link", utimens(AT_FDCWD, "l", omit_a, 0));
	show_times("f", "f");

	fd = open("f", O_RDONLY);
	show("fd, NULL path", utimens(fd, NULL, set, 0));
	show_times("f", "f");
	show("fd, NULL path, flags", utimens(fd, NULL, set, AT_SYMLINK_NOFOLLOW));
	show("fd, empty path", utimens(fd, "", set, 0));
	show("fd, empty path, AT_EMPTY_PATH", utimens(fd, "", omit_a, AT_EMPTY_PATH));
	show_times("f", "f");
	show("bad fd, NULL path", utimens(99, NULL, set, 0));
	show("AT_FDCWD, NULL path", utimens(AT_FDCWD, NULL, set, 0));
	pfd = open("f", O_PATH);
	show("O_PATH fd, NULL path", utimens(pfd, NULL, set, 0));
	show("O_PATH fd, AT_EMPTY_PATH", utimens(pfd, "", set, AT_EMPTY_PATH));
	need("pipe", pipe(p) == 0);
	show("pipe fd, NULL path", utimens(p[0], NULL, NULL, 0));

	show("both omit, missing path", utimens(AT_FDCWD, "missing", omit, 0));
	show("both omit, bad flags", utimens(AT_FDCWD, "f", omit, 0x4));
	show("missing", utimens(AT_FDCWD, "missing", set, 0));
	show("under a file", utimens(AT_FDCWD, "f/x", set, 0));
	show("bad flags", utimens(AT_FDCWD, "f", set, 0x4));
	show("nsec 1000000000", utimens(AT_FDCWD, "f", big, 0));
	show("nsec -1", utimens(AT_FDCWD, "f", neg, 0));
	show("bad nsec, missing path", utimens(AT_FDCWD, "missing", big, 0));
	show("bad dirfd", utimens(99, "f", set, 0));
	show("dirfd a file", utimens(fd, "x", set, 0));
	show("empty path", utimens(AT_FDCWD, "", set, 0));
	show("times unreadable", utimens(AT_FDCWD, "f", (struct timespec *)8, 0));
	show_times("f at the end", "f");
	return 0;
}
