/*
 * test_vfs_abi.c: the Linux ABI in vfs/linux_fs.h against the host's
 * headers: open/at/seek/fcntl/rename/statx/poll/ioctl constants, and
 * struct stat, struct statx and struct dirent64 field by field. The
 * other VFS tests rely on this to use the host's names.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <linux/stat.h>
#include "unit.h"
#include "vfs/linux_fs.h"

#define SAME(name) _Static_assert(LINUX_##name == name, #name)

SAME(O_ACCMODE); SAME(O_RDONLY); SAME(O_WRONLY); SAME(O_RDWR); SAME(O_CREAT);
SAME(O_EXCL); SAME(O_NOCTTY); SAME(O_TRUNC); SAME(O_APPEND); SAME(O_NONBLOCK);
SAME(O_DSYNC); SAME(O_ASYNC); SAME(O_DIRECT); SAME(O_DIRECTORY); SAME(O_NOFOLLOW);
SAME(O_NOATIME); SAME(O_CLOEXEC); SAME(O_SYNC); SAME(O_PATH); SAME(O_TMPFILE);
_Static_assert(LINUX_O_LARGEFILE == 0100000, "O_LARGEFILE (0 in 64-bit glibc)");
SAME(AT_FDCWD); SAME(AT_SYMLINK_NOFOLLOW); SAME(AT_EACCESS); SAME(AT_REMOVEDIR);
SAME(AT_SYMLINK_FOLLOW); SAME(AT_NO_AUTOMOUNT); SAME(AT_EMPTY_PATH);
SAME(AT_STATX_SYNC_TYPE);
SAME(F_OK); SAME(X_OK); SAME(W_OK); SAME(R_OK);
SAME(SEEK_SET); SAME(SEEK_CUR); SAME(SEEK_END); SAME(SEEK_DATA); SAME(SEEK_HOLE);
SAME(F_DUPFD); SAME(F_GETFD); SAME(F_SETFD); SAME(F_GETFL); SAME(F_SETFL);
SAME(F_DUPFD_CLOEXEC); SAME(FD_CLOEXEC);
SAME(RENAME_NOREPLACE); SAME(RENAME_EXCHANGE); SAME(RENAME_WHITEOUT);
SAME(STATX_TYPE); SAME(STATX_MODE); SAME(STATX_NLINK); SAME(STATX_UID);
SAME(STATX_GID); SAME(STATX_ATIME); SAME(STATX_MTIME); SAME(STATX_CTIME);
SAME(STATX_INO); SAME(STATX_SIZE); SAME(STATX_BLOCKS); SAME(STATX_BASIC_STATS);
SAME(STATX_BTIME); SAME(STATX_MNT_ID); SAME(STATX__RESERVED);
SAME(STATX_ATTR_IMMUTABLE); SAME(STATX_ATTR_APPEND); SAME(STATX_ATTR_NODUMP);
SAME(STATX_ATTR_AUTOMOUNT); SAME(STATX_ATTR_MOUNT_ROOT); SAME(STATX_ATTR_DAX);
SAME(POLLIN); SAME(POLLPRI); SAME(POLLOUT); SAME(POLLERR); SAME(POLLHUP);
SAME(POLLNVAL); SAME(POLLRDNORM); SAME(POLLWRNORM);
SAME(FIONREAD); SAME(FIONBIO); SAME(FIONCLEX); SAME(FIOCLEX); SAME(FIOASYNC);
SAME(S_ISUID); SAME(S_ISGID); SAME(S_ISVTX);

#define SAME_FIELD(ours, theirs, field, theirfield)                                      \
	_Static_assert(offsetof(struct ours, field) == offsetof(struct theirs, theirfield) && \
		       sizeof(((struct ours *)0)->field) == sizeof(((struct theirs *)0)->theirfield), \
		       #field)

_Static_assert(sizeof(struct linux_stat) == sizeof(struct stat), "struct stat size");
SAME_FIELD(linux_stat, stat, st_dev, st_dev);
SAME_FIELD(linux_stat, stat, st_ino, st_ino);
SAME_FIELD(linux_stat, stat, st_nlink, st_nlink);
SAME_FIELD(linux_stat, stat, st_mode, st_mode);
SAME_FIELD(linux_stat, stat, st_uid, st_uid);
SAME_FIELD(linux_stat, stat, st_gid, st_gid);
SAME_FIELD(linux_stat, stat, st_rdev, st_rdev);
SAME_FIELD(linux_stat, stat, st_size, st_size);
SAME_FIELD(linux_stat, stat, st_blksize, st_blksize);
SAME_FIELD(linux_stat, stat, st_blocks, st_blocks);
SAME_FIELD(linux_stat, stat, st_atim.tv_sec, st_atim.tv_sec);
SAME_FIELD(linux_stat, stat, st_atim.tv_nsec, st_atim.tv_nsec);
SAME_FIELD(linux_stat, stat, st_mtim.tv_sec, st_mtim.tv_sec);
SAME_FIELD(linux_stat, stat, st_mtim.tv_nsec, st_mtim.tv_nsec);
SAME_FIELD(linux_stat, stat, st_ctim.tv_sec, st_ctim.tv_sec);
SAME_FIELD(linux_stat, stat, st_ctim.tv_nsec, st_ctim.tv_nsec);

_Static_assert(sizeof(struct linux_statx) == sizeof(struct statx), "struct statx size");
SAME_FIELD(linux_statx, statx, stx_mask, stx_mask);
SAME_FIELD(linux_statx, statx, stx_blksize, stx_blksize);
SAME_FIELD(linux_statx, statx, stx_attributes, stx_attributes);
SAME_FIELD(linux_statx, statx, stx_nlink, stx_nlink);
SAME_FIELD(linux_statx, statx, stx_uid, stx_uid);
SAME_FIELD(linux_statx, statx, stx_gid, stx_gid);
SAME_FIELD(linux_statx, statx, stx_mode, stx_mode);
SAME_FIELD(linux_statx, statx, stx_ino, stx_ino);
SAME_FIELD(linux_statx, statx, stx_size, stx_size);
SAME_FIELD(linux_statx, statx, stx_blocks, stx_blocks);
SAME_FIELD(linux_statx, statx, stx_attributes_mask, stx_attributes_mask);
SAME_FIELD(linux_statx, statx, stx_atime, stx_atime);
SAME_FIELD(linux_statx, statx, stx_btime, stx_btime);
SAME_FIELD(linux_statx, statx, stx_ctime, stx_ctime);
SAME_FIELD(linux_statx, statx, stx_mtime, stx_mtime);
SAME_FIELD(linux_statx, statx, stx_rdev_major, stx_rdev_major);
SAME_FIELD(linux_statx, statx, stx_rdev_minor, stx_rdev_minor);
SAME_FIELD(linux_statx, statx, stx_dev_major, stx_dev_major);
SAME_FIELD(linux_statx, statx, stx_dev_minor, stx_dev_minor);
SAME_FIELD(linux_statx, statx, stx_mnt_id, stx_mnt_id);
SAME_FIELD(linux_statx, statx, stx_dio_mem_align, stx_dio_mem_align);
SAME_FIELD(linux_statx, statx, stx_dio_offset_align, stx_dio_offset_align);
SAME_FIELD(linux_statx_timestamp, statx_timestamp, tv_sec, tv_sec);
SAME_FIELD(linux_statx_timestamp, statx_timestamp, tv_nsec, tv_nsec);

/* glibc's struct dirent64 has the kernel's header layout. */
#include <dirent.h>
SAME_FIELD(linux_dirent64, dirent64, d_ino, d_ino);
SAME_FIELD(linux_dirent64, dirent64, d_off, d_off);
SAME_FIELD(linux_dirent64, dirent64, d_reclen, d_reclen);
SAME_FIELD(linux_dirent64, dirent64, d_type, d_type);
_Static_assert(offsetof(struct linux_dirent64, d_name) == offsetof(struct dirent64, d_name),
	       "d_name");

static void dev_numbers_match_glibc_makedev(void)
{
	static const unsigned nums[] = { 0, 1, 3, 5, 255, 256, 4095, 4096, 0xfffff, 0xffffffu };

	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		for (size_t j = 0; j < sizeof(nums) / sizeof(nums[0]); j++) {
			unsigned ma = nums[i] & 0xfffff, mi = nums[j];
			dev_t d = makedev(ma, mi);

			UNIT_CHECK(linux_makedev(ma, mi) == d);
			UNIT_CHECK(linux_dev_major(d) == major(d));
			UNIT_CHECK(linux_dev_minor(d) == minor(d));
		}
}

static const struct unit_case cases[] = {
	UNIT_CASE(dev_numbers_match_glibc_makedev),
};

UNIT_MAIN("vfs_abi", cases)
