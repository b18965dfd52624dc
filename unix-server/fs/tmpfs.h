/*
 * tmpfs.h: the in-memory file system the root is built on.
 *
 * Nodes are regular files (growable data), directories (a list of named
 * entries), symlinks (a target string) and special files (device, fifo,
 * socket: attributes only). Every operation returns 0, a byte count, or a
 * negative Linux errno (-UX_ENOENT, ...). Memory comes from the allocator
 * the caller passes in; running out gives -UX_ENOSPC (tmpfs is full when
 * memory is), never a crash.
 *
 * Not here, by design: locking (the caller holds one lock over the whole
 * file system for now), permission checks (search/write permission on
 * directories, sticky bit: the VFS does them with the caller's
 * credentials), mounts and chroot (an absolute path starts at this file
 * system's root).
 */
#ifndef UX_FS_TMPFS_H
#define UX_FS_TMPFS_H

#include "fs_lib.h"
#include "../ux_errno.h"

/* Linux's mode bits, and d_type values (DT_x == S_IFx >> 12). */
#define TMPFS_S_IFMT   0170000
#define TMPFS_S_IFSOCK 0140000
#define TMPFS_S_IFLNK  0120000
#define TMPFS_S_IFREG  0100000
#define TMPFS_S_IFBLK  0060000
#define TMPFS_S_IFDIR  0040000
#define TMPFS_S_IFCHR  0020000
#define TMPFS_S_IFIFO  0010000

#define TMPFS_NAME_MAX 255
#define TMPFS_PATH_MAX 4096     /* with the NUL: a longer path is ENAMETOOLONG */
#define TMPFS_SYMLOOP_MAX 40
#define TMPFS_MAX_FILE_SIZE ((uint64_t)1 << 40)

/* Walk flags. */
#define TMPFS_NOFOLLOW 1        /* a symlink as last component is the result */

/* Rename flags: Linux's RENAME_NOREPLACE and RENAME_EXCHANGE. */
#define TMPFS_RENAME_NOREPLACE 1
#define TMPFS_RENAME_EXCHANGE 2

struct tmpfs_time {
	int64_t sec;
	uint32_t nsec;
};

/*
 * The server's memory, and its clock (now may be NULL: times stay 0).
 * free gets the size that was allocated.
 */
struct tmpfs_env {
	void *(*alloc)(void *ctx, size_t size);
	void (*free)(void *ctx, void *p, size_t size);
	void (*now)(void *ctx, struct tmpfs_time *t);
	void *ctx;
};

struct tmpfs_dirent;

struct tmpfs_node {
	uint64_t ino;
	uint32_t mode;          /* type and permission bits */
	uint32_t uid, gid;
	uint32_t nlink;
	uint32_t refs;          /* open files etc.: see tmpfs_node_get/put */
	uint64_t size;
	uint64_t rdev;          /* Linux st_rdev encoding */
	struct tmpfs_time atime, mtime, ctime;
	union {
		struct {
			uint8_t *data;
			size_t cap;     /* 0 with data set: borrowed, read-only */
		} file;
		struct {
			struct tmpfs_dirent *first, *last;
			struct tmpfs_node *parent;
			uint64_t next_cookie;
			uint32_t count;
		} dir;
		struct {
			char *target;   /* size bytes and a NUL */
		} link;
	} u;
};

struct tmpfs {
	struct tmpfs_env env;
	struct tmpfs_node *root;
	uint64_t next_ino;
	uint64_t dev;           /* st_dev of every node */
	uint64_t nodes;         /* live nodes, for leak checks */
	uint64_t bytes;         /* memory held (nodes, entries, data) */
	/* statfs's totals, 0 for none (Linux's simple_statfs): reported,
	 * not enforced (the tmpfs is full when memory is). */
	uint64_t max_blocks;    /* pages */
	uint64_t max_inodes;
};

/* statfs's counts: totals and what is free (0 where there is no total). */
struct tmpfs_statfs {
	uint64_t blocks, bfree;         /* pages */
	uint64_t files, ffree;
};

/* A time field of tmpfs_set_times that takes the call's "now". */
#define TMPFS_TIME_NOW ((1u << 30) - 1)

/* An id of tmpfs_chown that stays as it is. */
#define TMPFS_ID_KEEP 0xffffffffu

struct tmpfs_stat {
	uint64_t dev, ino, nlink;
	uint32_t mode, uid, gid;
	uint64_t rdev;
	int64_t size, blksize, blocks;
	struct tmpfs_time atime, mtime, ctime;
};

/* Called per entry; a non-zero return stops before that entry is taken. */
typedef int (*tmpfs_filldir_fn)(void *arg, const char *name, size_t len,
				uint64_t ino, unsigned type, uint64_t next_pos);

int tmpfs_init(struct tmpfs *fs, const struct tmpfs_env *env, uint64_t dev);
void tmpfs_destroy(struct tmpfs *fs);

static inline bool tmpfs_is_dir(const struct tmpfs_node *n)
{
	return (n->mode & TMPFS_S_IFMT) == TMPFS_S_IFDIR;
}

static inline bool tmpfs_is_reg(const struct tmpfs_node *n)
{
	return (n->mode & TMPFS_S_IFMT) == TMPFS_S_IFREG;
}

static inline bool tmpfs_is_symlink(const struct tmpfs_node *n)
{
	return (n->mode & TMPFS_S_IFMT) == TMPFS_S_IFLNK;
}

/* References that keep an unlinked node alive (open files, cwd). */
void tmpfs_node_get(struct tmpfs_node *n);
void tmpfs_node_put(struct tmpfs *fs, struct tmpfs_node *n);

/* Names and paths (tmpfs_path.c). */
int tmpfs_lookup(struct tmpfs_node *dir, const char *name, size_t len,
		 struct tmpfs_node **out);
int tmpfs_walk(struct tmpfs *fs, struct tmpfs_node *start, const char *path,
	       int flags, struct tmpfs_node **out);
int tmpfs_walk_parent(struct tmpfs *fs, struct tmpfs_node *start, const char *path,
		      struct tmpfs_node **dir, const char **name, size_t *len,
		      bool *trailing_slash);
int tmpfs_readlink(struct tmpfs_node *n, char *buf, size_t len);

/* Directory changes (tmpfs_dir.c). mode carries the file type for mknod. */
int tmpfs_mknod(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		uint32_t mode, uint64_t rdev, uint32_t uid, uint32_t gid,
		struct tmpfs_node **out);
int tmpfs_create(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		 uint32_t perm, uint32_t uid, uint32_t gid, struct tmpfs_node **out);
int tmpfs_mkdir(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		uint32_t perm, uint32_t uid, uint32_t gid, struct tmpfs_node **out);
int tmpfs_symlink(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		  const char *target, uint32_t uid, uint32_t gid, struct tmpfs_node **out);
int tmpfs_link(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
	       struct tmpfs_node *target);
int tmpfs_unlink(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len);
int tmpfs_rmdir(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len);
int tmpfs_rename(struct tmpfs *fs, struct tmpfs_node *olddir, const char *oldname,
		 size_t oldlen, struct tmpfs_node *newdir, const char *newname,
		 size_t newlen, unsigned flags);
int tmpfs_readdir(struct tmpfs_node *dir, uint64_t pos, tmpfs_filldir_fn fn, void *arg);

/* File data and attributes (tmpfs_file.c). */
int64_t tmpfs_read(struct tmpfs_node *n, uint64_t off, void *buf, size_t len);
int64_t tmpfs_write(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off,
		    const void *buf, size_t len);
int tmpfs_truncate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t size);
/* fallocate: room for the first `end` bytes, so writes there cannot run
 * out of memory; the size grows to end unless keep_size (-EFBIG past the
 * largest file, -ENOSPC). punch_hole: the bytes of [off, off + len) that
 * are inside the file read as zeros; the size stays. Regular files only. */
int tmpfs_allocate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t end, bool keep_size);
int tmpfs_punch_hole(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, uint64_t len);
void tmpfs_borrow_data(struct tmpfs_node *n, const void *data, size_t size);
void tmpfs_stat(const struct tmpfs *fs, const struct tmpfs_node *n, struct tmpfs_stat *st);

/*
 * Attribute changes (tmpfs_attr.c); each sets ctime to now. set_times:
 * a NULL time stays, nsec TMPFS_TIME_NOW takes now (the same now as
 * ctime). chown: TMPFS_ID_KEEP keeps an id; clear_mode bits leave the
 * mode (the caller decides which, by Linux's rules on privilege).
 */
void tmpfs_set_times(struct tmpfs *fs, struct tmpfs_node *n, const struct tmpfs_time *atime,
		     const struct tmpfs_time *mtime);
void tmpfs_chown(struct tmpfs *fs, struct tmpfs_node *n, uint32_t uid, uint32_t gid,
		 uint32_t clear_mode);
void tmpfs_statfs(const struct tmpfs *fs, struct tmpfs_statfs *st);

#endif
