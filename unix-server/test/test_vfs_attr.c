/*
 * test_vfs_attr.c: utimensat, fchownat/fchown, statfs/fstatfs, fsync,
 * syncfs and fadvise64 in the VFS: their checks in Linux's order, who
 * may (root and other users), what a chown clears, pipes. The compat
 * programs compare the same calls with the host; these cover what the
 * host cannot show as any user (other users' files, root's overrides).
 */
#include "vfs_test_util.h"

#define NOW LINUX_UTIME_NOW
#define OMIT LINUX_UTIME_OMIT
#define KEEP 0xffffffffu

static struct linux_timespec T[2];

static const struct linux_timespec *times(int64_t a, int64_t an, int64_t m, int64_t mn)
{
	T[0] = (struct linux_timespec){ a, an };
	T[1] = (struct linux_timespec){ m, mn };
	return T;
}

static void as_user(uint32_t uid, uint32_t gid)
{
	P.cred = (struct vfs_cred){ uid, gid, uid, gid };
}

static void utimensat_sets_omits_and_orders_errors(void)
{
	struct tmpfs_node *f;

	vsetup();
	vmkfile("/f", "x");
	f = vnode("/f");
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(10, 1, 20, 2), 0) == 0);
	UNIT_CHECK(f->atime.sec == 10 && f->atime.nsec == 1 && f->mtime.sec == 20);
	UNIT_CHECK(f->ctime.sec == 1000);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(0, OMIT, 0, NOW), 0) == 0);
	UNIT_CHECK(f->atime.sec == 10 && f->mtime.sec == 1000 && f->mtime.nsec == 5);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(10, 1, 20, 2), 0) == 0);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", NULL, 0) == 0);
	UNIT_CHECK(f->atime.sec == 1000 && f->mtime.sec == 1000);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/nope", times(0, OMIT, 0, OMIT), 0x4) == 0);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", NULL, 0x4) == -UX_EINVAL);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/nope", times(0, -1, 0, 0), 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(0, 1000000000, 0, 0), 0) ==
		   -UX_EINVAL);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f/x", NULL, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, NULL, NULL, 0) == -UX_EFAULT);
	vteardown();
}

static void utimensat_nofollow_and_the_fd_form(void)
{
	int fd, path_fd;

	vsetup();
	vmkfile("/f", "x");
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/l") == 0);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/l", times(7, 0, 8, 0), AT_SYMLINK_NOFOLLOW) == 0);
	UNIT_CHECK(vnode("/l")->mtime.sec == 8 && vnode("/f")->mtime.sec == 1000);
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_utimensat(&P, fd, NULL, times(3, 0, 4, 0), 0) == 0);
	UNIT_CHECK(vnode("/f")->mtime.sec == 4);
	UNIT_CHECK(vfs_utimensat(&P, fd, NULL, NULL, AT_SYMLINK_NOFOLLOW) == -UX_EINVAL);
	UNIT_CHECK(vfs_utimensat(&P, 50, NULL, NULL, 0) == -UX_EBADF);
	path_fd = vopen("/f", O_PATH);
	UNIT_CHECK(vfs_utimensat(&P, path_fd, NULL, NULL, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_utimensat(&P, path_fd, "", times(5, 0, 6, 0), AT_EMPTY_PATH) == 0);
	UNIT_CHECK(vnode("/f")->mtime.sec == 6);
	vteardown();
}

/* Explicit times need the owner (EPERM); "now" the owner or write permission (EACCES). */
static void utimensat_permissions_of_other_users(void)
{
	vsetup();
	vmkfile("/f", "x");
	vmkfile("/w", "x");
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/w", 0666, 0) == 0);
	as_user(5, 5);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(1, 0, 2, 0), 0) == -UX_EPERM);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", times(0, NOW, 0, OMIT), 0) == -UX_EPERM);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/f", NULL, 0) == -UX_EACCES);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/w", times(0, NOW, 0, NOW), 0) == 0);
	UNIT_CHECK(vfs_utimensat(&P, AT_FDCWD, "/w", times(1, 0, 2, 0), 0) == -UX_EPERM);
	as_user(0, 0);
	vteardown();
}

static void utimensat_and_fchown_on_a_pipe(void)
{
	int fds[2];
	struct linux_stat st;

	vsetup();
	UNIT_CHECK(vfs_pipe2(&P, fds, 0) == 0);
	UNIT_CHECK(vfs_utimensat(&P, fds[0], NULL, times(3, 0, 4, 0), 0) == 0);
	UNIT_CHECK(vfs_fstat(&P, fds[1], &st) == 0 && st.st_mtim.tv_sec == 4);
	UNIT_CHECK(vfs_utimensat(&P, fds[1], "", times(5, 0, 6, 0), AT_EMPTY_PATH) == 0);
	UNIT_CHECK(vfs_fstat(&P, fds[0], &st) == 0 && st.st_atim.tv_sec == 5);
	UNIT_CHECK(vfs_fchown(&P, fds[0], 7, 8) == 0);
	UNIT_CHECK(vfs_fstat(&P, fds[1], &st) == 0 && st.st_uid == 7 && st.st_gid == 8);
	UNIT_CHECK(vfs_fchownat(&P, fds[0], "", KEEP, 9, AT_EMPTY_PATH) == 0);
	UNIT_CHECK(vfs_fstat(&P, fds[1], &st) == 0 && st.st_uid == 7 && st.st_gid == 9);
	vteardown();
}

static uint32_t chown_mode(const char *path, uint32_t mode)
{
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, path, mode, 0) == 0);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, path, KEEP, KEEP, 0) == 0);
	return vnode(path)->mode & 07777;
}

/* Linux's chown_common: S_ISUID always, S_ISGID with group execute, on non-directories. */
static void chown_clears_set_id_bits_even_for_root(void)
{
	vsetup();
	vmkfile("/f", NULL);
	vmkdir("/d");
	vnode("/f")->ctime.sec = 1;
	UNIT_CHECK(chown_mode("/f", 04755) == 0755 && vnode("/f")->ctime.sec == 1000);
	UNIT_CHECK(chown_mode("/f", 02755) == 0755);
	UNIT_CHECK(chown_mode("/f", 02745) == 02745);
	UNIT_CHECK(chown_mode("/f", 06711) == 0711);
	UNIT_CHECK(chown_mode("/d", 06755) == 06755);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 3, 4, 0) == 0);
	UNIT_CHECK(vnode("/f")->uid == 3 && vnode("/f")->gid == 4);
	vteardown();
}

/* A user may chown only its own file, to its own uid and to its group or the file's. */
static void chown_rules_for_other_users(void)
{
	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 5, 6, 0) == 0);
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/f", 02745, 0) == 0);
	as_user(5, 7);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 5, 6, 0) == 0);
	UNIT_CHECK((vnode("/f")->mode & 07777) == 0745);  /* not in group 6 */
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 6, KEEP, 0) == -UX_EPERM);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", KEEP, 8, 0) == -UX_EPERM);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", KEEP, 7, 0) == 0);
	UNIT_CHECK(vnode("/f")->gid == 7);
	as_user(9, 9);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", KEEP, KEEP, 0) == 0);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 5, KEEP, 0) == -UX_EPERM);
	as_user(0, 0);
	vteardown();
}

static void chown_errors(void)
{
	int fd;

	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/l") == 0);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/l", 3, 3, AT_SYMLINK_NOFOLLOW) == 0);
	UNIT_CHECK(vnode("/l")->uid == 3 && vnode("/f")->uid == 0);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f", 1, 1, 0x4) == -UX_EINVAL);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/nope", 1, 1, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_fchownat(&P, AT_FDCWD, "/f/x", 1, 1, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_fchownat(&P, 50, "f", 1, 1, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fchown(&P, 50, 1, 1) == -UX_EBADF);
	fd = vopen("/f", O_PATH);
	UNIT_CHECK(vfs_fchown(&P, fd, 1, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_fchownat(&P, fd, "", 2, 2, AT_EMPTY_PATH) == 0 && vnode("/f")->uid == 2);
	vteardown();
}

static void statfs_is_a_tmpfs_and_a_pipe_is_pipefs(void)
{
	struct linux_statfs a, b;
	int fds[2];

	vsetup();
	v.fs.max_blocks = v.fs.max_inodes = 1000;
	vmkfile("/f", "x");
	UNIT_CHECK(vfs_statfs(&P, "/f", &a) == 0);
	UNIT_CHECK(a.f_type == 0x01021994 && a.f_bsize == 4096 && a.f_frsize == 4096);
	UNIT_CHECK(a.f_namelen == 255 && a.f_blocks == 1000 && a.f_bfree < 1000);
	UNIT_CHECK(a.f_bavail == a.f_bfree && a.f_files == 1000 && a.f_ffree == 1000 - v.fs.nodes);
	UNIT_CHECK((a.f_flags & 0x20) && a.f_spare[0] == 0);
	UNIT_CHECK(vfs_fstatfs(&P, vopen("/f", O_PATH), &b) == 0 && !memcmp(&a, &b, sizeof(a)));
	UNIT_CHECK(vfs_statfs(&P, "/nope", &a) == -UX_ENOENT);
	UNIT_CHECK(vfs_fstatfs(&P, 50, &a) == -UX_EBADF);
	UNIT_CHECK(vfs_pipe2(&P, fds, 0) == 0);
	UNIT_CHECK(vfs_fstatfs(&P, fds[0], &a) == 0 && a.f_type == 0x50495045 && a.f_blocks == 0);
	vteardown();
}

static void fsync_syncfs_and_fadvise_checks(void)
{
	int f, d, n, o, fds[2];

	vsetup();
	vmkfile("/f", "x");
	f = vopen("/f", O_RDONLY);
	d = vopen("/", O_RDONLY);
	n = vopen("/dev/null", O_RDWR);
	o = vopen("/f", O_PATH);
	UNIT_CHECK(vfs_pipe2(&P, fds, 0) == 0);
	UNIT_CHECK(vfs_fsync(&P, f) == 0 && vfs_fsync(&P, d) == 0);
	UNIT_CHECK(vfs_fsync(&P, n) == -UX_EINVAL && vfs_fsync(&P, fds[1]) == -UX_EINVAL);
	UNIT_CHECK(vfs_fsync(&P, o) == -UX_EBADF && vfs_fsync(&P, 50) == -UX_EBADF);
	UNIT_CHECK(vfs_syncfs(&P, fds[0]) == 0 && vfs_syncfs(&P, n) == 0);
	UNIT_CHECK(vfs_syncfs(&P, o) == -UX_EBADF);
	for (int advice = 0; advice <= 5; advice++)
		UNIT_CHECK(vfs_fadvise64(&P, f, 0, 0, advice) == 0);
	UNIT_CHECK(vfs_fadvise64(&P, f, 0, 0, 6) == -UX_EINVAL);
	UNIT_CHECK(vfs_fadvise64(&P, f, 0, -1, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_fadvise64(&P, n, 0, 0, 4) == 0 && vfs_fadvise64(&P, d, 0, 0, 0) == 0);
	UNIT_CHECK(vfs_fadvise64(&P, fds[0], 0, -1, 9) == -UX_ESPIPE);
	UNIT_CHECK(vfs_fadvise64(&P, o, 0, 0, 9) == -UX_EBADF);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(utimensat_sets_omits_and_orders_errors),
	UNIT_CASE(utimensat_nofollow_and_the_fd_form),
	UNIT_CASE(utimensat_permissions_of_other_users),
	UNIT_CASE(utimensat_and_fchown_on_a_pipe),
	UNIT_CASE(chown_clears_set_id_bits_even_for_root),
	UNIT_CASE(chown_rules_for_other_users),
	UNIT_CASE(chown_errors),
	UNIT_CASE(statfs_is_a_tmpfs_and_a_pipe_is_pipefs),
	UNIT_CASE(fsync_syncfs_and_fadvise_checks),
};

UNIT_MAIN("vfs_attr", cases)
