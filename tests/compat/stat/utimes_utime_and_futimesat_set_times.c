/* The older calls that set times: utimes and futimesat take timevals
 * (microseconds checked before the path is looked at), utime a utimbuf
 * of whole seconds; NULL means now; futimesat with a NULL path and a
 * descriptor sets that file's times. Called through syscall(): the C
 * library may implement them with utimensat. */
#include "../compat.h"
#include <sys/time.h>
#include <time.h>
#include <utime.h>

static void show_times(const char *label, const char *path)
{
	struct stat st;

	need(path, stat(path, &st) == 0);
	printf("%s: atime %lld.%09ld mtime %lld.%09ld\n", label, (long long)st.st_atim.tv_sec,
	       st.st_atim.tv_nsec, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

static void show_now(const char *label, const char *path)
{
	struct stat st;
	time_t now = time(NULL);

	need(path, stat(path, &st) == 0);
	check(label, st.st_atime >= now - 2 && st.st_mtime >= now - 2 && st.st_mtime <= now + 1);
}

int main(void)
{
	struct timeval tv[2] = { { 1000000000, 5 }, { 1100000000, 999999 } };
	struct timeval big[2] = { { 0, 1000000 }, { 0, 0 } };
	struct timeval neg[2] = { { 0, 0 }, { 0, -1 } };
	struct utimbuf ub = { 1200000000, 1300000000 };
	int fd, dfd;

	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	write_file("d/g", "y");

	show("utimes", syscall(SYS_utimes, "f", tv));
	show_times("f", "f");
	show("utimes NULL", syscall(SYS_utimes, "f", NULL));
	show_now("utimes NULL: now", "f");
	show("utimes usec 1000000", syscall(SYS_utimes, "f", big));
	show("utimes usec -1", syscall(SYS_utimes, "f", neg));
	show("utimes bad usec, missing path", syscall(SYS_utimes, "missing", big));
	show("utimes missing", syscall(SYS_utimes, "missing", tv));
	show("utimes under a file", syscall(SYS_utimes, "f/x", tv));
	show("utimes times unreadable", syscall(SYS_utimes, "f", (void *)8));

	show("utime", syscall(SYS_utime, "f", &ub));
	show_times("f", "f");
	show("utime NULL", syscall(SYS_utime, "f", NULL));
	show_now("utime NULL: now", "f");
	show("utime missing", syscall(SYS_utime, "missing", &ub));

	dfd = open("d", O_RDONLY | O_DIRECTORY);
	show("futimesat relative to dirfd", syscall(SYS_futimesat, dfd, "g", tv));
	show_times("d/g", "d/g");
	fd = open("f", O_RDONLY);
	show("futimesat fd, NULL path", syscall(SYS_futimesat, fd, NULL, tv));
	show_times("f", "f");
	show("futimesat AT_FDCWD, NULL path", syscall(SYS_futimesat, AT_FDCWD, NULL, tv));
	show("futimesat bad fd, NULL path", syscall(SYS_futimesat, 99, NULL, tv));
	show("futimesat bad usec", syscall(SYS_futimesat, fd, NULL, big));
	show("futimesat dirfd a file", syscall(SYS_futimesat, fd, "x", tv));
	show("futimesat NULL times", syscall(SYS_futimesat, dfd, "g", NULL));
	show_now("futimesat NULL: now", "d/g");
	return 0;
}
