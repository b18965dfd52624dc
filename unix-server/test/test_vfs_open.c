/*
 * test_vfs_open.c: openat's flags and errors, and the data calls on the
 * descriptors it makes: read, write, pread64, pwrite64, lseek. Each
 * expected errno is what the host's Linux (6.x, as root) gives.
 */
#include "vfs_test_util.h"

static void create_read_write_roundtrip(void)
{
	char buf[16] = { 0 };
	int fd;

	vsetup();
	fd = vopen("/f", O_CREAT | O_RDWR);
	UNIT_CHECK(fd == 0);
	UNIT_CHECK(vfs_write(&P, fd, "hello", 5) == 5);
	UNIT_CHECK(vfs_read(&P, fd, buf, sizeof(buf)) == 0);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, SEEK_SET) == 0);
	UNIT_CHECK(vfs_read(&P, fd, buf, sizeof(buf)) == 5 && !strcmp(buf, "hello"));
	UNIT_CHECK(vfs_read(&P, fd, buf, 0) == 0);
	UNIT_CHECK((vnode("/f")->mode & 07777) == 0644);
	UNIT_CHECK(vnode("/f")->refs == 1);
	UNIT_CHECK(vfs_close(&P, fd) == 0);
	UNIT_CHECK(vnode("/f")->refs == 0);
	vteardown();
}

static void create_applies_umask_and_keeps_special_bits(void)
{
	vsetup();
	UNIT_CHECK(vfs_openat(&P, AT_FDCWD, "/a", O_CREAT | O_WRONLY, 07777) >= 0);
	UNIT_CHECK(vnode("/a")->mode == (S_IFREG | 07755));
	vfs_umask(&P, 0);
	UNIT_CHECK(vfs_openat(&P, AT_FDCWD, "/b", O_CREAT | O_WRONLY, 0177777) >= 0);
	UNIT_CHECK(vnode("/b")->mode == (S_IFREG | 07777));
	UNIT_CHECK(vfs_openat(&P, AT_FDCWD, "/a", O_CREAT | O_WRONLY, 0600) >= 0);
	UNIT_CHECK(vnode("/a")->mode == (S_IFREG | 07755));
	vteardown();
}

static void creat_in_setgid_directory_takes_its_group(void)
{
	vsetup();
	vmkdir("/g");
	vnode("/g")->mode |= S_ISGID;
	vnode("/g")->gid = 50;
	UNIT_CHECK(vopen("/g/f", O_CREAT | O_RDWR) >= 0);
	UNIT_CHECK(vnode("/g/f")->gid == 50 && vnode("/g/f")->mode == (S_IFREG | 0644));
	vmkdir("/g/d");
	UNIT_CHECK(vnode("/g/d")->gid == 50 && vnode("/g/d")->mode == (S_IFDIR | S_ISGID | 0755));
	vteardown();
}

static void open_errors(void)
{
	char name[300];

	vsetup();
	vmkfile("/f", "x");
	vmkdir("/d");
	UNIT_CHECK(vopen("", O_RDONLY) == -UX_ENOENT);
	UNIT_CHECK(vopen("/missing", O_RDONLY) == -UX_ENOENT);
	UNIT_CHECK(vopen("/missing/x", O_CREAT | O_RDWR) == -UX_ENOENT);
	UNIT_CHECK(vopen("/f/x", O_RDONLY) == -UX_ENOTDIR);
	UNIT_CHECK(vopen("/f/", O_RDONLY) == -UX_ENOTDIR);
	UNIT_CHECK(vopen("/f", O_RDONLY | O_DIRECTORY) == -UX_ENOTDIR);
	UNIT_CHECK(vopen("/d", O_WRONLY) == -UX_EISDIR);
	UNIT_CHECK(vopen("/d", O_RDWR) == -UX_EISDIR);
	UNIT_CHECK(vopen("/d", O_RDONLY | O_TRUNC) == -UX_EISDIR);
	UNIT_CHECK(vopen("/d", 3) == -UX_EISDIR);
	UNIT_CHECK(vopen("/f", O_CREAT | O_EXCL) == -UX_EEXIST);
	UNIT_CHECK(vopen("/d", O_CREAT | O_EXCL) == -UX_EEXIST);
	UNIT_CHECK(vopen("/d", O_CREAT) == -UX_EISDIR);
	UNIT_CHECK(vopen(".", O_CREAT) == -UX_EISDIR);
	UNIT_CHECK(vopen(".", O_CREAT | O_EXCL) == -UX_EEXIST);
	UNIT_CHECK(vopen("/", O_CREAT | O_RDWR) == -UX_EISDIR);
	UNIT_CHECK(vopen("/f/", O_CREAT) == -UX_EISDIR);
	UNIT_CHECK(vopen("/new/", O_CREAT) == -UX_EISDIR);
	UNIT_CHECK(vopen("/f", O_CREAT | O_DIRECTORY) == -UX_EINVAL);
	UNIT_CHECK(vopen("/new", O_CREAT | O_DIRECTORY) == -UX_EINVAL);
	UNIT_CHECK(vopen("/d", O_TMPFILE | O_RDWR) == -UX_EOPNOTSUPP);
	/* Linux's order: the flags (write access, no O_CREAT), then the
	 * directory, then the file system's answer. */
	UNIT_CHECK(vopen("/d", O_TMPFILE | O_RDONLY) == -UX_EINVAL);
	UNIT_CHECK(vopen("/missing", O_TMPFILE | O_RDONLY) == -UX_EINVAL);
	UNIT_CHECK(vopen("/d", O_TMPFILE | O_CREAT | O_RDWR) == -UX_EINVAL);
	UNIT_CHECK(vopen("/missing", O_TMPFILE | O_WRONLY) == -UX_ENOENT);
	UNIT_CHECK(vopen("/f", O_TMPFILE | O_WRONLY) == -UX_ENOTDIR);
	UNIT_CHECK(vopen("/d", 020000000 | O_RDWR) == -UX_EINVAL);
	memset(name, 'a', 257);       /* "/" and a 256-byte name */
	name[0] = '/';
	name[257] = 0;
	UNIT_CHECK(vopen(name, O_CREAT | O_RDWR) == -UX_ENAMETOOLONG);
	UNIT_CHECK(vopen(name, O_RDWR) == -UX_ENAMETOOLONG);
	UNIT_CHECK(vnode("/new") == NULL);
	UNIT_CHECK(v.files == 0);
	vteardown();
}

static void unknown_flags_are_ignored(void)
{
	vsetup();
	UNIT_CHECK(vopen("/f", O_CREAT | O_RDWR | 040000000 | 0x80000000u) >= 0);
	vteardown();
}

static void trunc_empties_even_when_opened_read_only(void)
{
	int fd;

	vsetup();
	vmkfile("/f", "hello");
	fd = vopen("/f", O_RDONLY | O_TRUNC);
	UNIT_CHECK(fd >= 0 && vnode("/f")->size == 0);
	vmkfile("/g", "hello");
	UNIT_CHECK(vopen("/g", O_RDWR) >= 0 && vnode("/g")->size == 5);
	UNIT_CHECK(vopen("/dev/null", O_WRONLY | O_TRUNC) >= 0);
	vteardown();
}

static void append_writes_at_the_end_every_time(void)
{
	int a, b;

	vsetup();
	vmkfile("/f", "12");
	a = vopen("/f", O_WRONLY | O_APPEND);
	b = vopen("/f", O_WRONLY);
	UNIT_CHECK(vfs_write(&P, a, "ab", 2) == 2);
	UNIT_CHECK(vfs_lseek(&P, a, 0, SEEK_CUR) == 4);
	UNIT_CHECK(vfs_write(&P, b, "XYZ", 3) == 3);
	UNIT_CHECK(vfs_lseek(&P, a, 0, SEEK_SET) == 0);
	UNIT_CHECK(vfs_write(&P, a, "c", 1) == 1);
	UNIT_CHECK(vfs_lseek(&P, a, 0, SEEK_CUR) == 5);
	UNIT_CHECK(vfs_pwrite64(&P, a, "d", 1, 0) == 1);
	UNIT_CHECK(vfs_lseek(&P, a, 0, SEEK_CUR) == 5);
	UNIT_CHECK_STR(vcat("/f"), "XYZbcd");
	UNIT_CHECK(vfs_fcntl(&P, b, F_SETFL, O_APPEND) == 0);
	UNIT_CHECK(vfs_write(&P, b, "e", 1) == 1);
	UNIT_CHECK_STR(vcat("/f"), "XYZbcde");
	vteardown();
}

static void access_mode_decides_read_and_write(void)
{
	char c;

	vsetup();
	vmkfile("/f", "x");
	UNIT_CHECK(vfs_write(&P, vopen("/f", O_RDONLY), "a", 1) == -UX_EBADF);
	UNIT_CHECK(vfs_read(&P, vopen("/f", O_WRONLY), &c, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_read(&P, vopen("/f", 3), &c, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_write(&P, vopen("/f", 3), &c, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_pread64(&P, vopen("/f", O_WRONLY), &c, 1, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_pwrite64(&P, vopen("/f", O_RDONLY), &c, 1, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_read(&P, 99, &c, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_write(&P, -5, &c, 1) == -UX_EBADF);
	vteardown();
}

static void symlinks_and_nofollow(void)
{
	char buf[8] = { 0 };
	int fd;

	vsetup();
	vmkfile("/f", "data");
	vmkdir("/d");
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	UNIT_CHECK(vfs_symlinkat(&P, "d", AT_FDCWD, "/ld") == 0);
	UNIT_CHECK(vfs_read(&P, vopen("/lf", O_RDONLY), buf, 8) == 4);
	UNIT_CHECK(vopen("/lf", O_RDONLY | O_NOFOLLOW) == -UX_ELOOP);
	UNIT_CHECK(vopen("/ld/", O_RDONLY | O_NOFOLLOW) >= 0);
	UNIT_CHECK(vopen("/lf", O_PATH | O_NOFOLLOW | O_DIRECTORY) == -UX_ENOTDIR);
	fd = vopen("/lf", O_PATH | O_NOFOLLOW);
	UNIT_CHECK(fd >= 0 && vfs_fcntl(&P, fd, F_GETFL, 0) == (O_PATH | O_NOFOLLOW));
	UNIT_CHECK(vfs_readlinkat(&P, fd, "", buf, 8) == 1 && buf[0] == 'f');
	vteardown();
}

static void creat_through_a_dangling_symlink_makes_the_target(void)
{
	vsetup();
	vmkdir("/d");
	UNIT_CHECK(vfs_symlinkat(&P, "d/target", AT_FDCWD, "/dl") == 0);
	UNIT_CHECK(vfs_symlinkat(&P, "/dl", AT_FDCWD, "/dl2") == 0);
	UNIT_CHECK(vopen("/dl", O_CREAT | O_NOFOLLOW) == -UX_ELOOP);
	UNIT_CHECK(vopen("/dl", O_CREAT | O_EXCL) == -UX_EEXIST);
	UNIT_CHECK(vnode("/d/target") == NULL);
	UNIT_CHECK(vopen("/dl2", O_CREAT | O_WRONLY) >= 0);
	UNIT_CHECK(vnode("/d/target") && tmpfs_is_reg(vnode("/d/target")));
	UNIT_CHECK(vfs_symlinkat(&P, "self", AT_FDCWD, "/self") == 0);
	UNIT_CHECK(vopen("/self", O_CREAT | O_WRONLY) == -UX_ELOOP);
	UNIT_CHECK(vfs_symlinkat(&P, "nodir/x", AT_FDCWD, "/bad") == 0);
	UNIT_CHECK(vopen("/bad", O_CREAT | O_WRONLY) == -UX_ENOENT);
	vteardown();
}

static void o_path_files_refuse_io(void)
{
	char buf[64];
	struct linux_stat st;
	int p;

	vsetup();
	vmkdir("/d");
	p = vopen("/d", O_PATH);
	UNIT_CHECK(vfs_read(&P, p, buf, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_write(&P, p, buf, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_getdents64(&P, p, buf, sizeof(buf)) == -UX_EBADF);
	UNIT_CHECK(vfs_lseek(&P, p, 0, SEEK_SET) == -UX_EBADF);
	UNIT_CHECK(vfs_ioctl(&P, p, LINUX_FIOCLEX, 0, NULL, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_ftruncate(&P, p, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fchmod(&P, p, 0700) == -UX_EBADF);
	UNIT_CHECK(vfs_fstat(&P, p, &st) == 0 && S_ISDIR(st.st_mode));
	UNIT_CHECK(vfs_fchdir(&P, p) == 0);
	UNIT_CHECK(vfs_openat(&P, p, "x", O_CREAT | O_RDWR, 0600) >= 0);
	UNIT_CHECK(vnode("/d/x") != NULL);
	vteardown();
}

static void dirfd_rules(void)
{
	int d, f;

	vsetup();
	vmkdir("/d");
	vmkfile("/d/x", "in d");
	vmkfile("/x", "in root");
	d = vopen("/d", O_RDONLY | O_DIRECTORY);
	f = vopen("/x", O_RDONLY);
	UNIT_CHECK(vfs_read(&P, vfs_openat(&P, d, "x", O_RDONLY, 0), (char[8]){ 0 }, 8) == 4);
	UNIT_CHECK(vfs_openat(&P, f, "x", O_RDONLY, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_openat(&P, 99, "x", O_RDONLY, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_openat(&P, -1, "x", O_RDONLY, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_openat(&P, 99, "/x", O_RDONLY, 0) >= 0);
	UNIT_CHECK(vfs_openat(&P, 99, "", O_RDONLY, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_openat(&P, d, "..", O_RDONLY, 0) >= 0);
	vteardown();
}

static void file_lives_while_open_after_unlink(void)
{
	char buf[8] = { 0 };
	int fd;

	vsetup();
	vmkfile("/f", "kept");
	fd = vopen("/f", O_RDWR);
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/f", 0) == 0);
	UNIT_CHECK(vnode("/f") == NULL);
	UNIT_CHECK(vfs_read(&P, fd, buf, 8) == 4 && !strcmp(buf, "kept"));
	UNIT_CHECK(vfs_write(&P, fd, "!", 1) == 1);
	UNIT_CHECK(v.fs.nodes > 0);
	vteardown();
}

static void read_and_write_on_directories(void)
{
	char c;
	int d;

	vsetup();
	d = vopen("/", O_RDONLY);
	UNIT_CHECK(vfs_read(&P, d, &c, 1) == -UX_EISDIR);
	UNIT_CHECK(vfs_read(&P, d, &c, 0) == -UX_EISDIR);
	UNIT_CHECK(vfs_pread64(&P, d, &c, 1, 0) == -UX_EISDIR);
	vteardown();
}

static void pread_pwrite_leave_the_offset(void)
{
	char buf[8] = { 0 };
	int fd;

	vsetup();
	vmkfile("/f", "abcdef");
	fd = vopen("/f", O_RDWR);
	UNIT_CHECK(vfs_read(&P, fd, buf, 1) == 1);
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 3, 2) == 3 && !memcmp(buf, "cde", 3));
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 3, 6) == 0);
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 3, 100) == 0);
	UNIT_CHECK(vfs_pwrite64(&P, fd, "XY", 2, 8) == 2);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, SEEK_CUR) == 1);
	UNIT_CHECK(vnode("/f")->size == 10);
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 8, 4) == 6 && !memcmp(buf, "ef\0\0XY", 6));
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 1, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_pwrite64(&P, fd, "x", 1, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_pread64(&P, 77, buf, 1, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_pread64(&P, 77, buf, 1, 0) == -UX_EBADF);
	vteardown();
}

static void lseek_on_files(void)
{
	int fd;

	vsetup();
	vmkfile("/f", "0123456789");
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_lseek(&P, fd, 4, SEEK_SET) == 4);
	UNIT_CHECK(vfs_lseek(&P, fd, 2, SEEK_CUR) == 6);
	UNIT_CHECK(vfs_lseek(&P, fd, -7, SEEK_CUR) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, SEEK_CUR) == 6);
	UNIT_CHECK(vfs_lseek(&P, fd, -3, SEEK_END) == 7);
	UNIT_CHECK(vfs_lseek(&P, fd, 100, SEEK_END) == 110);
	UNIT_CHECK(vfs_lseek(&P, fd, -11, SEEK_END) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, -1, SEEK_SET) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, 5) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, INT64_MAX, SEEK_SET) == INT64_MAX);
	UNIT_CHECK(vfs_lseek(&P, fd, 1, SEEK_CUR) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, INT64_MAX, SEEK_END) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, INT64_MIN, SEEK_CUR) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, fd, -INT64_MAX, SEEK_CUR) == 0);
	UNIT_CHECK(vfs_lseek(&P, fd, 3, SEEK_DATA) == 3);
	UNIT_CHECK(vfs_lseek(&P, fd, 3, SEEK_HOLE) == 10);
	UNIT_CHECK(vfs_lseek(&P, fd, 10, SEEK_DATA) == -UX_ENXIO);
	UNIT_CHECK(vfs_lseek(&P, fd, 10, SEEK_HOLE) == -UX_ENXIO);
	UNIT_CHECK(vfs_lseek(&P, fd, -1, SEEK_DATA) == -UX_ENXIO);
	UNIT_CHECK(vfs_lseek(&P, 42, 0, SEEK_SET) == -UX_EBADF);
	vteardown();
}

static void lseek_on_directories(void)
{
	int d;

	vsetup();
	d = vopen("/", O_RDONLY);
	UNIT_CHECK(vfs_lseek(&P, d, 0, SEEK_END) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, d, 3, SEEK_SET) == 3);
	UNIT_CHECK(vfs_lseek(&P, d, -1, SEEK_CUR) == 2);
	UNIT_CHECK(vfs_lseek(&P, d, -3, SEEK_CUR) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, d, 0, SEEK_DATA) == -UX_EINVAL);
	vteardown();
}

static void write_past_the_size_limit_is_efbig(void)
{
	int fd;

	vsetup();
	fd = vopen("/f", O_CREAT | O_RDWR);
	UNIT_CHECK(vfs_pwrite64(&P, fd, "x", 1, (int64_t)TMPFS_MAX_FILE_SIZE) == -UX_EFBIG);
	UNIT_CHECK(vfs_lseek(&P, fd, INT64_MAX, SEEK_SET) == INT64_MAX);
	/* Past the largest offset Linux checks first (rw_verify_area), as
	 * its tmpfs shows: EINVAL for a byte, nothing for zero bytes. */
	UNIT_CHECK(vfs_write(&P, fd, "x", 1) == -UX_EINVAL);
	UNIT_CHECK(vfs_read(&P, fd, (char[1]){ 0 }, 1) == -UX_EINVAL);
	UNIT_CHECK(vfs_read(&P, fd, (char[1]){ 0 }, 0) == 0);
	vteardown();
}

static void ioctl_on_files(void)
{
	int n = -1, fd;

	vsetup();
	vmkfile("/f", "abcdef");
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_lseek(&P, fd, 2, SEEK_SET) == 2);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONREAD, 0, &n, sizeof(n)) == 0 && n == 4);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONREAD, 0, &n, 2) == -UX_EFAULT);
	UNIT_CHECK(vfs_ioctl(&P, fd, 0x5401, 0, NULL, 0) == -UX_ENOTTY);
	UNIT_CHECK(vfs_ioctl(&P, vopen("/", O_RDONLY), LINUX_FIONREAD, 0, &n, 4) == -UX_ENOTTY);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIOCLEX, 0, NULL, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONCLEX, 0, NULL, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFD, 0) == 0);
	n = 1;
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONBIO, 0, &n, sizeof(n)) == 0);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFL, 0) & O_NONBLOCK);
	n = 0;
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONBIO, 0, &n, sizeof(n)) == 0);
	UNIT_CHECK(!(vfs_fcntl(&P, fd, F_GETFL, 0) & O_NONBLOCK));
	UNIT_CHECK(vfs_ioctl(&P, 50, LINUX_FIOCLEX, 0, NULL, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_poll(&P, fd, LINUX_POLLIN) == LINUX_POLLIN);
	UNIT_CHECK(vfs_poll(&P, fd, LINUX_POLLIN | LINUX_POLLOUT | LINUX_POLLPRI) ==
		   (LINUX_POLLIN | LINUX_POLLOUT));
	UNIT_CHECK(vfs_poll(&P, 50, LINUX_POLLIN) == LINUX_POLLNVAL);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(create_read_write_roundtrip),
	UNIT_CASE(create_applies_umask_and_keeps_special_bits),
	UNIT_CASE(creat_in_setgid_directory_takes_its_group),
	UNIT_CASE(open_errors),
	UNIT_CASE(unknown_flags_are_ignored),
	UNIT_CASE(trunc_empties_even_when_opened_read_only),
	UNIT_CASE(append_writes_at_the_end_every_time),
	UNIT_CASE(access_mode_decides_read_and_write),
	UNIT_CASE(symlinks_and_nofollow),
	UNIT_CASE(creat_through_a_dangling_symlink_makes_the_target),
	UNIT_CASE(o_path_files_refuse_io),
	UNIT_CASE(dirfd_rules),
	UNIT_CASE(file_lives_while_open_after_unlink),
	UNIT_CASE(read_and_write_on_directories),
	UNIT_CASE(pread_pwrite_leave_the_offset),
	UNIT_CASE(lseek_on_files),
	UNIT_CASE(lseek_on_directories),
	UNIT_CASE(write_past_the_size_limit_is_efbig),
	UNIT_CASE(ioctl_on_files),
};

UNIT_MAIN("vfs_open", cases)
