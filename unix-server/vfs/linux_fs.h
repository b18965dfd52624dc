/*
 * linux_fs.h: the x86-64 Linux file ABI the VFS speaks: open/at/seek/
 * fcntl/rename/statx/poll constants, the generic file ioctls, and the
 * layouts of struct stat (144 bytes), struct statx (256 bytes) and
 * struct linux_dirent64, pinned with static_assert. Values are from the
 * kernel's uapi headers; the host tests check them against the host's.
 * Names carry LINUX_ so they never meet a host header's macros.
 */
#ifndef UX_VFS_LINUX_FS_H
#define UX_VFS_LINUX_FS_H

#include "../fs/fs_lib.h"

/* open(2) flags (octal, as in asm-generic/fcntl.h). */
#define LINUX_O_ACCMODE   03
#define LINUX_O_RDONLY    00
#define LINUX_O_WRONLY    01
#define LINUX_O_RDWR      02
#define LINUX_O_CREAT     0100
#define LINUX_O_EXCL      0200
#define LINUX_O_NOCTTY    0400
#define LINUX_O_TRUNC     01000
#define LINUX_O_APPEND    02000
#define LINUX_O_NONBLOCK  04000
#define LINUX_O_DSYNC     010000
#define LINUX_O_ASYNC     020000
#define LINUX_O_DIRECT    040000
#define LINUX_O_LARGEFILE 0100000
#define LINUX_O_DIRECTORY 0200000
#define LINUX_O_NOFOLLOW  0400000
#define LINUX_O_NOATIME   01000000
#define LINUX_O_CLOEXEC   02000000
#define LINUX_O_SYNC      04010000
#define LINUX_O_PATH      010000000
#define LINUX_O_TMPFILE   020200000

/* Mode bits beyond the permissions (the file types are tmpfs.h's TMPFS_S_IF*). */
#define LINUX_S_ISUID 04000
#define LINUX_S_ISGID 02000
#define LINUX_S_ISVTX 01000

/* *at(2) */
#define LINUX_AT_FDCWD            (-100)
#define LINUX_AT_SYMLINK_NOFOLLOW 0x100
#define LINUX_AT_EACCESS          0x200
#define LINUX_AT_REMOVEDIR        0x200
#define LINUX_AT_SYMLINK_FOLLOW   0x400
#define LINUX_AT_NO_AUTOMOUNT     0x800
#define LINUX_AT_EMPTY_PATH       0x1000
#define LINUX_AT_STATX_SYNC_TYPE  0x6000

/* access(2) */
#define LINUX_F_OK 0
#define LINUX_X_OK 1
#define LINUX_W_OK 2
#define LINUX_R_OK 4

/* lseek(2) */
#define LINUX_SEEK_SET  0
#define LINUX_SEEK_CUR  1
#define LINUX_SEEK_END  2
#define LINUX_SEEK_DATA 3
#define LINUX_SEEK_HOLE 4

/* fcntl(2) */
#define LINUX_F_DUPFD         0
#define LINUX_F_GETFD         1
#define LINUX_F_SETFD         2
#define LINUX_F_GETFL         3
#define LINUX_F_SETFL         4
#define LINUX_F_GETOWN        9
#define LINUX_F_DUPFD_CLOEXEC 1030
#define LINUX_F_SETPIPE_SZ    1031
#define LINUX_F_GETPIPE_SZ    1032
#define LINUX_FD_CLOEXEC      1

/* renameat2(2) */
#define LINUX_RENAME_NOREPLACE 1
#define LINUX_RENAME_EXCHANGE  2
#define LINUX_RENAME_WHITEOUT  4

/* statx(2) masks and attributes */
#define LINUX_STATX_TYPE         0x1u
#define LINUX_STATX_MODE         0x2u
#define LINUX_STATX_NLINK        0x4u
#define LINUX_STATX_UID          0x8u
#define LINUX_STATX_GID          0x10u
#define LINUX_STATX_ATIME        0x20u
#define LINUX_STATX_MTIME        0x40u
#define LINUX_STATX_CTIME        0x80u
#define LINUX_STATX_INO          0x100u
#define LINUX_STATX_SIZE         0x200u
#define LINUX_STATX_BLOCKS       0x400u
#define LINUX_STATX_BASIC_STATS  0x7ffu
#define LINUX_STATX_BTIME        0x800u
#define LINUX_STATX_MNT_ID       0x1000u
#define LINUX_STATX__RESERVED    0x80000000u
#define LINUX_STATX_ATTR_IMMUTABLE  0x10u
#define LINUX_STATX_ATTR_APPEND     0x20u
#define LINUX_STATX_ATTR_NODUMP     0x40u
#define LINUX_STATX_ATTR_AUTOMOUNT  0x1000u
#define LINUX_STATX_ATTR_MOUNT_ROOT 0x2000u
#define LINUX_STATX_ATTR_DAX        0x200000u

/* poll(2) */
#define LINUX_POLLIN     0x1
#define LINUX_POLLPRI    0x2
#define LINUX_POLLOUT    0x4
#define LINUX_POLLERR    0x8
#define LINUX_POLLHUP    0x10
#define LINUX_POLLNVAL   0x20
#define LINUX_POLLRDNORM 0x40
#define LINUX_POLLWRNORM 0x100

/* The ioctls every file answers (asm-generic/ioctls.h). */
#define LINUX_FIONREAD  0x541B
#define LINUX_FIONBIO   0x5421
#define LINUX_FIONCLEX  0x5450
#define LINUX_FIOCLEX   0x5451
#define LINUX_FIOASYNC  0x5452

/* Largest read or write Linux does in one call (INT_MAX & PAGE_MASK). */
#define LINUX_MAX_RW_COUNT 0x7ffff000u

/* Pipes: writes up to PIPE_BUF are atomic; the default size (16 pages)
 * and /proc/sys/fs/pipe-max-size. */
#define LINUX_PIPE_BUF       4096
#define LINUX_PIPE_DEF_SIZE  65536
#define LINUX_PIPE_MAX_SIZE  1048576

struct linux_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

/* utimensat's special tv_nsec values. */
#define LINUX_UTIME_NOW  ((1l << 30) - 1)
#define LINUX_UTIME_OMIT ((1l << 30) - 2)

/* struct statfs on x86-64 (asm-generic/statfs.h, 64-bit longs). */
struct linux_statfs {
	int64_t f_type;
	int64_t f_bsize;
	uint64_t f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int32_t f_fsid[2];
	int64_t f_namelen;
	int64_t f_frsize;
	int64_t f_flags;
	int64_t f_spare[4];
};

#define LINUX_TMPFS_MAGIC  0x01021994
#define LINUX_PIPEFS_MAGIC 0x50495045
#define LINUX_ST_VALID     0x0020       /* f_flags is filled in */
#define LINUX_ST_RELATIME  0x1000

/* fadvise64's advice. */
#define LINUX_POSIX_FADV_NORMAL   0
#define LINUX_POSIX_FADV_NOREUSE  5     /* the highest */

/* fallocate's mode: one operation (none is "allocate") and KEEP_SIZE;
 * NO_HIDE_STALE is reserved (refused). */
#define LINUX_FALLOC_FL_KEEP_SIZE      0x01
#define LINUX_FALLOC_FL_PUNCH_HOLE     0x02
#define LINUX_FALLOC_FL_NO_HIDE_STALE  0x04
#define LINUX_FALLOC_FL_COLLAPSE_RANGE 0x08
#define LINUX_FALLOC_FL_ZERO_RANGE     0x10
#define LINUX_FALLOC_FL_INSERT_RANGE   0x20
#define LINUX_FALLOC_FL_UNSHARE_RANGE  0x40
#define LINUX_FALLOC_FL_WRITE_ZEROES   0x80

/* The kernel's st_atime/st_atime_nsec pairs, named as the C libraries name them. */
struct linux_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	struct linux_timespec st_atim;
	struct linux_timespec st_mtim;
	struct linux_timespec st_ctim;
	int64_t unused[3];
};

struct linux_statx_timestamp {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

struct linux_statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct linux_statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major;
	uint32_t stx_rdev_minor;
	uint32_t stx_dev_major;
	uint32_t stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align;
	uint32_t stx_dio_offset_align;
	uint64_t spare3[12];
};

/* A getdents64 record: this header, the name and a NUL, padded to 8. */
struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	uint16_t d_reclen;
	uint8_t d_type;
	char d_name[];
};

_Static_assert(sizeof(struct linux_stat) == 144, "struct stat is 144 bytes");
_Static_assert(__builtin_offsetof(struct linux_stat, st_rdev) == 40, "st_rdev");
_Static_assert(__builtin_offsetof(struct linux_stat, st_atim) == 72, "st_atim");
_Static_assert(sizeof(struct linux_statx) == 256, "struct statx is 256 bytes");
_Static_assert(__builtin_offsetof(struct linux_statx, stx_atime) == 64, "stx_atime");
_Static_assert(__builtin_offsetof(struct linux_statx, stx_rdev_major) == 128, "stx_rdev");
_Static_assert(__builtin_offsetof(struct linux_statx, stx_mnt_id) == 144, "stx_mnt_id");
_Static_assert(__builtin_offsetof(struct linux_dirent64, d_name) == 19, "d_name");
_Static_assert(sizeof(struct linux_statfs) == 120, "struct statfs is 120 bytes");
_Static_assert(__builtin_offsetof(struct linux_statfs, f_namelen) == 64, "f_namelen");

/* Linux's dev_t encoding (the one st_dev and st_rdev use). */
static inline uint32_t linux_dev_major(uint64_t dev)
{
	return (uint32_t)(((dev >> 32) & 0xfffff000u) | ((dev >> 8) & 0xfffu));
}

static inline uint32_t linux_dev_minor(uint64_t dev)
{
	return (uint32_t)(((dev >> 12) & 0xffffff00u) | (dev & 0xffu));
}

static inline uint64_t linux_makedev(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xfffff000u) << 32) | ((uint64_t)(major & 0xfffu) << 8) |
	       ((uint64_t)(minor & 0xffffff00u) << 12) | (minor & 0xffu);
}

#endif
