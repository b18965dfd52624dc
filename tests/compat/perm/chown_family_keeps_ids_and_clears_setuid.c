/* chown, fchown, lchown and fchownat to the file's own ids (and -1,
 * which keeps an id), as any user may: the ids stay, ctime changes,
 * and on a non-directory S_ISUID goes, and S_ISGID with group execute
 * (without it, it stays for root and for a member of the file's group,
 * as the test's own file is); a directory keeps both. Then the errors.
 * fchown through syscall(): musl retries a failed one through /proc. */
#include "../compat.h"
#include <time.h>

static struct stat lst(const char *path)
{
	struct stat st;

	need(path, lstat(path, &st) == 0);
	return st;
}

static void show_mode(const char *path)
{
	printf("%s: mode %06o\n", path, lst(path).st_mode);
}

static void chown_with_mode(const char *label, const char *path, mode_t mode)
{
	need("chmod", chmod(path, mode) == 0);
	show(label, chown(path, -1, -1));
	show_mode(path);
}

static int ctime_later(const struct stat *a, const struct stat *b)
{
	return b->st_ctim.tv_sec > a->st_ctim.tv_sec ||
	       (b->st_ctim.tv_sec == a->st_ctim.tv_sec && b->st_ctim.tv_nsec > a->st_ctim.tv_nsec);
}

int main(void)
{
	struct timespec pause = { 0, 20000000 };
	struct stat before, after;
	int fd, pfd;

	scratch_enter();
	write_file("f", "x");
	need("symlink", symlink("f", "l") == 0);
	need("mkdir", mkdir("d", 0755) == 0);
	before = lst("f");

	show("chown -1 -1", chown("f", -1, -1));
	show("chown to its own ids", chown("f", before.st_uid, before.st_gid));
	show("chown own uid only", chown("f", before.st_uid, -1));
	show("chown own gid only", chown("f", -1, before.st_gid));
	after = lst("f");
	check("ids unchanged", after.st_uid == before.st_uid && after.st_gid == before.st_gid);

	before = lst("f");
	nanosleep(&pause, NULL);
	show("chown changing nothing", chown("f", -1, -1));
	after = lst("f");
	check("ctime changed", ctime_later(&before, &after));

	chown_with_mode("setuid", "f", 04755);
	chown_with_mode("setgid, group execute", "f", 02755);
	chown_with_mode("setgid, no group execute", "f", 02745);
	chown_with_mode("both, group execute", "f", 06711);
	chown_with_mode("setuid, no execute at all", "f", 04644);
	chown_with_mode("directory", "d", 06755);

	need("chmod", chmod("f", 04755) == 0);
	fd = open("f", O_RDONLY);
	show("fchown", syscall(SYS_fchown, fd, -1, -1));
	show_mode("f");
	need("chmod", chmod("f", 04755) == 0);
	show("lchown on the link", lchown("l", -1, -1));
	show_mode("f");
	show("chown through the link", chown("l", -1, -1));
	show_mode("f");
	need("chmod", chmod("f", 04755) == 0);
	show("fchownat nofollow", syscall(SYS_fchownat, AT_FDCWD, "l", -1, -1, AT_SYMLINK_NOFOLLOW));
	show_mode("f");
	show("fchownat", syscall(SYS_fchownat, AT_FDCWD, "l", -1, -1, 0));
	show_mode("f");
	need("chmod", chmod("f", 04755) == 0);
	show("fchownat AT_EMPTY_PATH", syscall(SYS_fchownat, fd, "", -1, -1, AT_EMPTY_PATH));
	show_mode("f");

	show("chown missing", chown("missing", -1, -1));
	show("chown under a file", chown("f/x", -1, -1));
	show("chown empty path", chown("", -1, -1));
	show("fchown bad fd", syscall(SYS_fchown, 99, -1, -1));
	pfd = open("f", O_PATH);
	show("fchown O_PATH fd", syscall(SYS_fchown, pfd, -1, -1));
	show("fchownat O_PATH fd, AT_EMPTY_PATH",
	     syscall(SYS_fchownat, pfd, "", -1, -1, AT_EMPTY_PATH));
	show("fchownat bad flags", syscall(SYS_fchownat, AT_FDCWD, "f", -1, -1, 0x4));
	show("fchownat empty path", syscall(SYS_fchownat, fd, "", -1, -1, 0));
	show("fchownat bad dirfd", syscall(SYS_fchownat, 99, "f", -1, -1, 0));
	show("fchownat dirfd a file", syscall(SYS_fchownat, fd, "x", -1, -1, 0));
	show("lchown missing", lchown("missing", -1, -1));
	return 0;
}
