/*
 * tmpfs_internal.h: what the tmpfs_*.c files share and nothing else uses:
 * the directory entry, node allocation and the link-count bookkeeping.
 */
#ifndef UX_FS_TMPFS_INTERNAL_H
#define UX_FS_TMPFS_INTERNAL_H

#include "tmpfs.h"

/* Linux tmpfs reports a directory's size as 20 bytes per entry, . and .. included. */
#define TMPFS_BOGO_DIRENT_SIZE 20

/* Cookies 0 and 1 are "." and ".."; entries count up from 2, never reused. */
#define TMPFS_FIRST_COOKIE 2

struct tmpfs_dirent {
	struct tmpfs_dirent *next, *prev;
	uint64_t cookie;
	struct tmpfs_node *node;
	size_t len;
	char name[];            /* len bytes and a NUL */
};

void *tmpfs_alloc(struct tmpfs *fs, size_t size);
void tmpfs_free(struct tmpfs *fs, void *p, size_t size);
void tmpfs_now(struct tmpfs *fs, struct tmpfs_time *t);
void tmpfs_touch(struct tmpfs *fs, struct tmpfs_node *n);        /* mtime and ctime */
void tmpfs_touch_ctime(struct tmpfs *fs, struct tmpfs_node *n);

struct tmpfs_node *tmpfs_node_new(struct tmpfs *fs, uint32_t mode, uint32_t uid, uint32_t gid);
/* Frees n once it has no links and no references. */
void tmpfs_node_release(struct tmpfs *fs, struct tmpfs_node *n);
void tmpfs_drop_link(struct tmpfs *fs, struct tmpfs_node *n);
/* The empty directory n lost its entry in parent (rmdir, or a rename
 * over it): n's links go, and parent stays while n lives (tmpfs.c). */
void tmpfs_dir_unlinked(struct tmpfs *fs, struct tmpfs_node *parent, struct tmpfs_node *n);

bool tmpfs_is_dot(const char *name, size_t len);        /* "." or ".." */
/* 0 if dir is a live directory a name of len bytes can be looked up or
 * removed in, else -ENOTDIR, -ENOENT or -ENAMETOOLONG. */
int tmpfs_check_dir(struct tmpfs_node *dir, size_t len);
struct tmpfs_dirent *tmpfs_dirent_find(struct tmpfs_node *dir, const char *name, size_t len);
struct tmpfs_dirent *tmpfs_dirent_new(struct tmpfs *fs, const char *name, size_t len);
void tmpfs_dirent_insert(struct tmpfs_node *dir, struct tmpfs_dirent *d, struct tmpfs_node *n);
void tmpfs_dirent_remove(struct tmpfs *fs, struct tmpfs_node *dir, struct tmpfs_dirent *d);

#endif
