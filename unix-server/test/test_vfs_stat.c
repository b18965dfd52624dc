/*
 * test_vfs_stat.c: the attribute calls: fstat, newfstatat, statx,
 * faccessat2, truncate, ftruncate, fchmodat, fchmod, and getdents64's
 * record layout. Layouts themselves are pinned in test_vfs_abi.
 */
#include "vfs_test_util.h"
#include <dirent.h>

static void fstat_and_newfstatat_fill_struct_stat(void)
{
	struct linux_stat st;
	int fd;

	vsetup();
	vmkfile("/f", "hello");
	fd = vopen("/f", O_RDONLY);
	memset(&st, 0xff, sizeof(st));
	UNIT_CHECK(vfs_fstat(&P, fd, &st) == 0);
	UNIT_CHECK(st.st_dev == 0x801 && st.st_ino == vnode("/f")->ino);
	UNIT_CHECK(st.st_nlink == 1 && st.st_mode == (S_IFREG | 0644));
	UNIT_CHECK(st.st_uid == 0 && st.st_gid == 0 && st.st_rdev == 0 && st.pad0 == 0);
	UNIT_CHECK(st.st_size == 5 && st.st_blksize == 4096 && st.st_blocks == 8);
	UNIT_CHECK(st.st_mtim.tv_sec == 1000 && st.st_mtim.tv_nsec == 5);
	UNIT_CHECK(st.st_atim.tv_sec == 1000 && st.st_ctim.tv_sec == 1000);
	UNIT_CHECK(st.unused[0] == 0 && st.unused[1] == 0 && st.unused[2] == 0);
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/", &st, 0) == 0);
	UNIT_CHECK(S_ISDIR(st.st_mode) && st.st_ino == v.fs.root->ino && st.st_nlink == 3);
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/dev/null", &st, 0) == 0);
	UNIT_CHECK(st.st_mode == (S_IFCHR | 0666) && st.st_rdev == linux_makedev(1, 3));
	UNIT_CHECK(vfs_fstat(&P, 77, &st) == -UX_EBADF);
	vteardown();
}

static void newfstatat_flags(void)
{
	struct linux_stat st;
	int fd;

	vsetup();
	vmkfile("/f", "hello");
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/lf", &st, 0) == 0 && S_ISREG(st.st_mode));
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/lf", &st, AT_SYMLINK_NOFOLLOW) == 0);
	UNIT_CHECK(S_ISLNK(st.st_mode) && st.st_size == 1 && st.st_mode == (S_IFLNK | 0777));
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/f", &st, 0x4) == -UX_EINVAL);
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "", &st, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_newfstatat(&P, 99, "f", &st, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_newfstatat(&P, 99, "/f", &st, 0) == 0);
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_newfstatat(&P, fd, "x", &st, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_newfstatat(&P, fd, "", &st, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_newfstatat(&P, fd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 5);
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "", &st, AT_EMPTY_PATH) == 0 &&
		   st.st_ino == v.fs.root->ino);
	UNIT_CHECK(vfs_newfstatat(&P, 98, "", &st, AT_EMPTY_PATH) == -UX_EBADF);
	fd = vopen("/lf", O_PATH | O_NOFOLLOW);
	UNIT_CHECK(vfs_newfstatat(&P, fd, "", &st, AT_EMPTY_PATH) == 0 && S_ISLNK(st.st_mode));
	vteardown();
}

static void fstat_of_an_unlinked_file_shows_nlink_zero(void)
{
	struct linux_stat st;
	int fd;

	vsetup();
	vmkfile("/f", "x");
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/f", 0) == 0);
	UNIT_CHECK(vfs_fstat(&P, fd, &st) == 0 && st.st_nlink == 0 && st.st_size == 1);
	vteardown();
}

static void statx_fills_what_the_tmpfs_has(void)
{
	struct linux_statx sx;

	vsetup();
	vmkfile("/f", "hello");
	memset(&sx, 0xff, sizeof(sx));
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", 0, 0, &sx) == 0);
	UNIT_CHECK(sx.stx_mask == (STATX_BASIC_STATS | STATX_MNT_ID));
	UNIT_CHECK(sx.stx_blksize == 4096 && sx.stx_attributes == 0);
	UNIT_CHECK(sx.stx_attributes_mask == 0x203070);
	UNIT_CHECK(sx.stx_nlink == 1 && sx.stx_uid == 0 && sx.stx_gid == 0);
	UNIT_CHECK(sx.stx_mode == (S_IFREG | 0644) && sx.spare0 == 0);
	UNIT_CHECK(sx.stx_ino == vnode("/f")->ino && sx.stx_size == 5 && sx.stx_blocks == 8);
	UNIT_CHECK(sx.stx_mtime.tv_sec == 1000 && sx.stx_mtime.tv_nsec == 5);
	UNIT_CHECK(sx.stx_mtime.reserved == 0 && sx.stx_btime.tv_sec == 0);
	UNIT_CHECK(sx.stx_dev_major == 8 && sx.stx_dev_minor == 1);
	UNIT_CHECK(sx.stx_rdev_major == 0 && sx.stx_rdev_minor == 0);
	UNIT_CHECK(sx.stx_mnt_id == v.mnt_id && sx.spare3[11] == 0);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", 0, STATX_ALL, &sx) == 0);
	UNIT_CHECK(sx.stx_mask == (STATX_BASIC_STATS | STATX_MNT_ID));
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/", 0, STATX_TYPE, &sx) == 0);
	UNIT_CHECK(sx.stx_attributes == STATX_ATTR_MOUNT_ROOT);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/dev/tty", 0, STATX_TYPE, &sx) == 0);
	UNIT_CHECK(sx.stx_rdev_major == 5 && sx.stx_rdev_minor == 0);
	vteardown();
}

static void statx_flag_and_mask_errors(void)
{
	struct linux_statx sx;

	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", 0, 0x80000000u, &sx) == -UX_EINVAL);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", 0x6000, 0, &sx) == -UX_EINVAL);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", 0x1, 0, &sx) == -UX_EINVAL);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "", 0, 0, &sx) == -UX_ENOENT);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", AT_STATX_FORCE_SYNC, 0, &sx) == 0);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/f", AT_STATX_DONT_SYNC | AT_NO_AUTOMOUNT, 0, &sx) == 0);
	UNIT_CHECK(vfs_statx(&P, AT_FDCWD, "/lf", AT_SYMLINK_NOFOLLOW, 0, &sx) == 0);
	UNIT_CHECK(sx.stx_mode == (S_IFLNK | 0777));
	UNIT_CHECK(vfs_statx(&P, vopen("/f", O_RDONLY), "", AT_EMPTY_PATH, 0, &sx) == 0);
	UNIT_CHECK(S_ISREG(sx.stx_mode));
	vteardown();
}

static void faccessat_as_root(void)
{
	vsetup();
	vmkfile("/f", NULL);
	vmkfile("/x", NULL);
	vnode("/x")->mode = S_IFREG | 0001;
	vnode("/f")->mode = S_IFREG | 0000;
	vmkdir("/d");
	vnode("/d")->mode = S_IFDIR | 0000;
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", F_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", R_OK | W_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", X_OK, 0) == -UX_EACCES);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/x", X_OK | R_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/d", X_OK | W_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/lf", X_OK, 0) == -UX_EACCES);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/lf", X_OK, AT_SYMLINK_NOFOLLOW) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", 8, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", F_OK, 0x1) == -UX_EINVAL);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", F_OK, AT_EACCESS) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "", F_OK, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "", F_OK, AT_EMPTY_PATH) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/nope", F_OK, 0) == -UX_ENOENT);
	vteardown();
}

static void permission_bits_for_other_users(void)
{
	vsetup();
	vmkfile("/f", NULL);
	vnode("/f")->mode = S_IFREG | 0640;
	vnode("/f")->uid = 100;
	vnode("/f")->gid = 200;
	P.cred.uid = P.cred.euid = 100;
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", R_OK | W_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", X_OK, 0) == -UX_EACCES);
	P.cred.uid = P.cred.euid = 101;
	P.cred.gid = P.cred.egid = 200;
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", R_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", W_OK, 0) == -UX_EACCES);
	UNIT_CHECK(vopen("/f", O_WRONLY) == -UX_EACCES);
	UNIT_CHECK(vopen("/f", O_RDONLY) >= 0);
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/f", 0777, 0) == -UX_EPERM);
	P.cred.egid = 201;
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", R_OK, 0) == 0);
	UNIT_CHECK(vfs_faccessat2(&P, AT_FDCWD, "/f", R_OK, AT_EACCESS) == -UX_EACCES);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/nd", 0755) == -UX_EACCES);
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/f", 0) == -UX_EACCES);
	P.cred = (struct vfs_cred){ 0, 0, 0, 0 };
	vteardown();
}

static void truncate_and_ftruncate(void)
{
	int rw, ro;

	vsetup();
	vmkfile("/f", "hello");
	vmkdir("/d");
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	UNIT_CHECK(vfs_truncate(&P, "/f", -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_truncate(&P, "/d", 0) == -UX_EISDIR);
	UNIT_CHECK(vfs_truncate(&P, "/dev/null", 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_truncate(&P, "/nope", 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_truncate(&P, "/lf", 10) == 0 && vnode("/f")->size == 10);
	UNIT_CHECK(vfs_truncate(&P, "/f", 2) == 0);
	UNIT_CHECK_STR(vcat("/f"), "he");
	rw = vopen("/f", O_RDWR);
	ro = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_ftruncate(&P, rw, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_ftruncate(&P, ro, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_ftruncate(&P, vopen("/d", O_RDONLY), 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_ftruncate(&P, vopen("/dev/null", O_RDWR), 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_ftruncate(&P, 77, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_ftruncate(&P, rw, 0) == 0 && vnode("/f")->size == 0);
	UNIT_CHECK(vfs_ftruncate(&P, rw, (int64_t)TMPFS_MAX_FILE_SIZE + 1) == -UX_EFBIG);
	vteardown();
}

static void chmod_keeps_the_type_and_sets_ctime(void)
{
	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_symlinkat(&P, "f", AT_FDCWD, "/lf") == 0);
	vnode("/f")->ctime.sec = 1;
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/f", 0177777, 0) == 0);
	UNIT_CHECK(vnode("/f")->mode == (S_IFREG | 07777) && vnode("/f")->ctime.sec == 1000);
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/lf", 0600, 0) == 0);
	UNIT_CHECK(vnode("/f")->mode == (S_IFREG | 0600));
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/lf", 0600, AT_SYMLINK_NOFOLLOW) == -UX_EOPNOTSUPP);
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "/f", 0600, 0x2) == -UX_EINVAL);
	UNIT_CHECK(vfs_fchmodat(&P, AT_FDCWD, "", 0600, 0) == -UX_ENOENT);
	UNIT_CHECK(vfs_fchmod(&P, vopen("/f", O_RDONLY), 0640) == 0);
	UNIT_CHECK(vnode("/f")->mode == (S_IFREG | 0640));
	UNIT_CHECK(vfs_fchmod(&P, 42, 0640) == -UX_EBADF);
	vteardown();
}

/* A record as getdents64 lays it out, checked as it is read. */
struct rec {
	uint64_t ino;
	int64_t off;
	unsigned reclen, type;
	char name[256];
};

static size_t parse(const uint8_t *buf, size_t len, struct rec *out, size_t max)
{
	size_t n = 0, at = 0;

	while (at < len && n < max) {
		const struct linux_dirent64 *d = (const void *)(buf + at);
		size_t nlen = strlen(d->d_name);

		UNIT_CHECK(d->d_reclen % 8 == 0);
		UNIT_CHECK(d->d_reclen == ((19 + nlen + 1 + 7) & ~7u));
		for (size_t i = 19 + nlen; i < d->d_reclen; i++)
			UNIT_CHECK(buf[at + i] == 0);
		out[n].ino = d->d_ino;
		out[n].off = d->d_off;
		out[n].reclen = d->d_reclen;
		out[n].type = d->d_type;
		memcpy(out[n].name, d->d_name, nlen + 1);
		at += d->d_reclen;
		n++;
	}
	UNIT_CHECK(at == len);
	return n;
}

static void getdents64_record_layout(void)
{
	uint8_t buf[512];
	struct rec r[8];
	int64_t len;
	int d;

	vsetup();
	vmkdir("/d");
	vmkfile("/d/file", NULL);
	vmkdir("/d/sub");
	UNIT_CHECK(vfs_symlinkat(&P, "x", AT_FDCWD, "/d/a-much-longer-name") == 0);
	d = vopen("/d", O_RDONLY | O_DIRECTORY);
	len = vfs_getdents64(&P, d, buf, sizeof(buf));
	UNIT_CHECK(len == 24 + 24 + 24 + 24 + 40);
	UNIT_CHECK(parse(buf, (size_t)len, r, 8) == 5);
	UNIT_CHECK_STR(r[0].name, ".");
	UNIT_CHECK(r[0].ino == vnode("/d")->ino && r[0].off == 1 && r[0].type == DT_DIR);
	UNIT_CHECK_STR(r[1].name, "..");
	UNIT_CHECK(r[1].ino == v.fs.root->ino && r[1].off == 2 && r[1].type == DT_DIR);
	UNIT_CHECK_STR(r[2].name, "file");
	UNIT_CHECK(r[2].ino == vnode("/d/file")->ino && r[2].off == 3 && r[2].type == DT_REG);
	UNIT_CHECK_STR(r[3].name, "sub");
	UNIT_CHECK(r[3].off == 4 && r[3].type == DT_DIR);
	UNIT_CHECK_STR(r[4].name, "a-much-longer-name");
	UNIT_CHECK(r[4].off == 5 && r[4].type == DT_LNK && r[4].reclen == 40);
	UNIT_CHECK(vfs_lseek(&P, d, 0, SEEK_CUR) == 5);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, sizeof(buf)) == 0);
	UNIT_CHECK(vfs_lseek(&P, d, 0, SEEK_SET) == 0);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, sizeof(buf)) == len);
	vteardown();
}

static void getdents64_small_buffers_and_resume(void)
{
	uint8_t buf[64];
	struct rec r[4];
	int d;

	vsetup();
	vmkdir("/d");
	vmkfile("/d/a", NULL);
	vmkfile("/d/b", NULL);
	vmkfile("/d/c", NULL);
	d = vopen("/d", O_RDONLY);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, 10) == -UX_EINVAL);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, 23) == -UX_EINVAL);
	UNIT_CHECK(vfs_lseek(&P, d, 0, SEEK_CUR) == 0);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, 24) == 24);
	UNIT_CHECK(parse(buf, 24, r, 4) == 1 && !strcmp(r[0].name, "."));
	UNIT_CHECK(vfs_getdents64(&P, d, buf, 47) == 24);
	UNIT_CHECK(parse(buf, 24, r, 4) == 1 && !strcmp(r[0].name, ".."));
	UNIT_CHECK(vfs_getdents64(&P, d, buf, 24) == 24);
	UNIT_CHECK(parse(buf, 24, r, 4) == 1 && !strcmp(r[0].name, "a"));
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/d/b", 0) == 0);
	vmkfile("/d/e", NULL);
	UNIT_CHECK(vfs_getdents64(&P, d, buf, sizeof(buf)) == 48);
	UNIT_CHECK(parse(buf, 48, r, 4) == 2 && !strcmp(r[0].name, "c") && !strcmp(r[1].name, "e"));
	UNIT_CHECK(vfs_getdents64(&P, d, buf, sizeof(buf)) == 0);
	vteardown();
}

static void getdents64_errors(void)
{
	uint8_t buf[64];

	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_getdents64(&P, vopen("/f", O_RDONLY), buf, sizeof(buf)) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_getdents64(&P, vopen("/dev/null", O_RDONLY), buf, sizeof(buf)) ==
		   -UX_ENOTDIR);
	UNIT_CHECK(vfs_getdents64(&P, 60, buf, sizeof(buf)) == -UX_EBADF);
	UNIT_CHECK(vfs_getdents64(&P, vopen("/", O_RDONLY), buf, 0) == -UX_EINVAL);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(fstat_and_newfstatat_fill_struct_stat),
	UNIT_CASE(newfstatat_flags),
	UNIT_CASE(fstat_of_an_unlinked_file_shows_nlink_zero),
	UNIT_CASE(statx_fills_what_the_tmpfs_has),
	UNIT_CASE(statx_flag_and_mask_errors),
	UNIT_CASE(faccessat_as_root),
	UNIT_CASE(permission_bits_for_other_users),
	UNIT_CASE(truncate_and_ftruncate),
	UNIT_CASE(chmod_keeps_the_type_and_sets_ctime),
	UNIT_CASE(getdents64_record_layout),
	UNIT_CASE(getdents64_small_buffers_and_resume),
	UNIT_CASE(getdents64_errors),
};

UNIT_MAIN("vfs_stat", cases)
