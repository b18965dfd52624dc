/*
 * tmpfs_attr.c: attribute changes that are not data: a node's times
 * (utimensat), its owner (chown), and the file system's counts for
 * statfs. Who may make a change, and which mode bits a chown clears,
 * are the VFS's decisions; here they are only carried out.
 */
#include "tmpfs_internal.h"

#define PAGE 4096

static void set_time(struct tmpfs_time *field, const struct tmpfs_time *t,
		     const struct tmpfs_time *now)
{
	if (t)
		*field = t->nsec == TMPFS_TIME_NOW ? *now : *t;
}

void tmpfs_set_times(struct tmpfs *fs, struct tmpfs_node *n, const struct tmpfs_time *atime,
		     const struct tmpfs_time *mtime)
{
	struct tmpfs_time now;

	tmpfs_now(fs, &now);
	set_time(&n->atime, atime, &now);
	set_time(&n->mtime, mtime, &now);
	n->ctime = now;
}

void tmpfs_chown(struct tmpfs *fs, struct tmpfs_node *n, uint32_t uid, uint32_t gid,
		 uint32_t clear_mode)
{
	if (uid != TMPFS_ID_KEEP)
		n->uid = uid;
	if (gid != TMPFS_ID_KEEP)
		n->gid = gid;
	n->mode &= ~(clear_mode & 07777);
	tmpfs_touch_ctime(fs, n);
}

static uint64_t less(uint64_t total, uint64_t used)
{
	return total > used ? total - used : 0;
}

/* Used blocks are the pages of memory the tmpfs holds (borrowed file
 * data, which is the boot image's, not counted); used inodes its nodes. */
void tmpfs_statfs(const struct tmpfs *fs, struct tmpfs_statfs *st)
{
	memset(st, 0, sizeof(*st));
	if (fs->max_blocks) {
		st->blocks = fs->max_blocks;
		st->bfree = less(fs->max_blocks, (fs->bytes + PAGE - 1) / PAGE);
	}
	if (fs->max_inodes) {
		st->files = fs->max_inodes;
		st->ffree = less(fs->max_inodes, fs->nodes);
	}
}
