/*
 * tmpfs_dir.c: directory entries and the calls that change them: mknod,
 * create, mkdir, symlink, link, unlink, rmdir, rename, and readdir.
 * Each call checks everything first, allocates what it needs, and only
 * then changes the tree, so a failure leaves the tree as it was.
 */
#include "tmpfs_internal.h"

struct tmpfs_dirent *tmpfs_dirent_new(struct tmpfs *fs, const char *name, size_t len)
{
	struct tmpfs_dirent *d = tmpfs_alloc(fs, sizeof(*d) + len + 1);

	if (!d)
		return NULL;
	memset(d, 0, sizeof(*d));
	memcpy(d->name, name, len);
	d->name[len] = 0;
	d->len = len;
	return d;
}

void tmpfs_dirent_insert(struct tmpfs_node *dir, struct tmpfs_dirent *d, struct tmpfs_node *n)
{
	d->node = n;
	d->cookie = dir->u.dir.next_cookie++;
	d->next = NULL;
	d->prev = dir->u.dir.last;
	if (d->prev)
		d->prev->next = d;
	else
		dir->u.dir.first = d;
	dir->u.dir.last = d;
	dir->u.dir.count++;
	dir->size += TMPFS_BOGO_DIRENT_SIZE;
}

void tmpfs_dirent_remove(struct tmpfs *fs, struct tmpfs_node *dir, struct tmpfs_dirent *d)
{
	if (d->prev)
		d->prev->next = d->next;
	else
		dir->u.dir.first = d->next;
	if (d->next)
		d->next->prev = d->prev;
	else
		dir->u.dir.last = d->prev;
	dir->u.dir.count--;
	dir->size -= TMPFS_BOGO_DIRENT_SIZE;
	tmpfs_free(fs, d, sizeof(*d) + d->len + 1);
}

int tmpfs_check_dir(struct tmpfs_node *dir, size_t len)
{
	if (!tmpfs_is_dir(dir))
		return -UX_ENOTDIR;
	if (dir->nlink == 0 || len == 0)
		return -UX_ENOENT;
	if (len > TMPFS_NAME_MAX)
		return -UX_ENAMETOOLONG;
	return 0;
}

static int check_new_name(struct tmpfs_node *dir, const char *name, size_t len)
{
	int err = tmpfs_check_dir(dir, len);

	if (err)
		return err;
	if (tmpfs_is_dot(name, len) || tmpfs_dirent_find(dir, name, len))
		return -UX_EEXIST;
	return 0;
}

/* Enters a new node n (nlink 0) under name; frees it on failure. */
static int add_node(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		    struct tmpfs_node *n, struct tmpfs_node **out)
{
	struct tmpfs_dirent *d = tmpfs_dirent_new(fs, name, len);

	if (!d) {
		tmpfs_node_release(fs, n);
		return -UX_ENOSPC;
	}
	tmpfs_dirent_insert(dir, d, n);
	n->nlink = 1;
	if (tmpfs_is_dir(n)) {
		n->nlink = 2;
		n->u.dir.parent = dir;
		dir->nlink++;
	}
	tmpfs_touch(fs, dir);
	if (out)
		*out = n;
	return 0;
}

int tmpfs_mknod(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		uint32_t mode, uint64_t rdev, uint32_t uid, uint32_t gid,
		struct tmpfs_node **out)
{
	uint32_t type = mode & TMPFS_S_IFMT;
	struct tmpfs_node *n;
	int err;

	if (type == 0)
		mode |= type = TMPFS_S_IFREG;
	if (type == TMPFS_S_IFDIR || type == TMPFS_S_IFLNK)
		return -UX_EINVAL;
	err = check_new_name(dir, name, len);
	if (err)
		return err;
	n = tmpfs_node_new(fs, mode, uid, gid);
	if (!n)
		return -UX_ENOSPC;
	if (type == TMPFS_S_IFCHR || type == TMPFS_S_IFBLK)
		n->rdev = rdev;
	return add_node(fs, dir, name, len, n, out);
}

int tmpfs_create(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		 uint32_t perm, uint32_t uid, uint32_t gid, struct tmpfs_node **out)
{
	return tmpfs_mknod(fs, dir, name, len, TMPFS_S_IFREG | (perm & 07777), 0, uid, gid, out);
}

int tmpfs_mkdir(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		uint32_t perm, uint32_t uid, uint32_t gid, struct tmpfs_node **out)
{
	struct tmpfs_node *n;
	int err = check_new_name(dir, name, len);

	if (err)
		return err;
	n = tmpfs_node_new(fs, TMPFS_S_IFDIR | (perm & 07777), uid, gid);
	if (!n)
		return -UX_ENOSPC;
	return add_node(fs, dir, name, len, n, out);
}

int tmpfs_symlink(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		  const char *target, uint32_t uid, uint32_t gid, struct tmpfs_node **out)
{
	size_t tlen = 0;
	struct tmpfs_node *n;
	int err;

	while (tlen < TMPFS_PATH_MAX && target[tlen])
		tlen++;
	if (tlen == 0)
		return -UX_ENOENT;
	if (tlen == TMPFS_PATH_MAX)
		return -UX_ENAMETOOLONG;
	err = check_new_name(dir, name, len);
	if (err)
		return err;
	n = tmpfs_node_new(fs, TMPFS_S_IFLNK | 0777, uid, gid);
	if (!n)
		return -UX_ENOSPC;
	n->u.link.target = tmpfs_alloc(fs, tlen + 1);
	if (!n->u.link.target) {
		tmpfs_node_release(fs, n);
		return -UX_ENOSPC;
	}
	memcpy(n->u.link.target, target, tlen + 1);
	n->size = tlen;
	return add_node(fs, dir, name, len, n, out);
}

int tmpfs_link(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
	       struct tmpfs_node *target)
{
	struct tmpfs_dirent *d;
	int err;

	if (tmpfs_is_dir(target))
		return -UX_EPERM;
	err = check_new_name(dir, name, len);
	if (err)
		return err;
	if (target->nlink == 0)
		return -UX_ENOENT;
	d = tmpfs_dirent_new(fs, name, len);
	if (!d)
		return -UX_ENOSPC;
	tmpfs_dirent_insert(dir, d, target);
	target->nlink++;
	tmpfs_touch_ctime(fs, target);
	tmpfs_touch(fs, dir);
	return 0;
}

int tmpfs_unlink(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *d;
	struct tmpfs_node *n;
	int err = tmpfs_check_dir(dir, len);

	if (err)
		return err;
	if (tmpfs_is_dot(name, len))
		return -UX_EISDIR;
	d = tmpfs_dirent_find(dir, name, len);
	if (!d)
		return -UX_ENOENT;
	n = d->node;
	if (tmpfs_is_dir(n))
		return -UX_EISDIR;
	tmpfs_dirent_remove(fs, dir, d);
	tmpfs_touch(fs, dir);
	tmpfs_drop_link(fs, n);
	return 0;
}

/* Removes the entry d of the empty directory d->node from dir. */
static void remove_dir_entry(struct tmpfs *fs, struct tmpfs_node *dir, struct tmpfs_dirent *d)
{
	struct tmpfs_node *n = d->node;

	tmpfs_dirent_remove(fs, dir, d);
	tmpfs_touch(fs, dir);
	tmpfs_dir_unlinked(fs, dir, n);
}

int tmpfs_rmdir(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len)
{
	struct tmpfs_dirent *d;
	int err = tmpfs_check_dir(dir, len);

	if (err)
		return err;
	if (len == 1 && name[0] == '.')
		return -UX_EINVAL;
	if (tmpfs_is_dot(name, len))
		return -UX_ENOTEMPTY;
	d = tmpfs_dirent_find(dir, name, len);
	if (!d)
		return -UX_ENOENT;
	if (!tmpfs_is_dir(d->node))
		return -UX_ENOTDIR;
	if (d->node->u.dir.count)
		return -UX_ENOTEMPTY;
	remove_dir_entry(fs, dir, d);
	return 0;
}

int tmpfs_readdir(struct tmpfs_node *dir, uint64_t pos, tmpfs_filldir_fn fn, void *arg)
{
	if (!tmpfs_is_dir(dir))
		return -UX_ENOTDIR;
	if (dir->nlink == 0)
		return -UX_ENOENT;
	if (pos == 0 && fn(arg, ".", 1, dir->ino, TMPFS_S_IFDIR >> 12, 1))
		return 0;
	if (pos <= 1 && fn(arg, "..", 2, dir->u.dir.parent->ino, TMPFS_S_IFDIR >> 12, 2))
		return 0;
	for (struct tmpfs_dirent *d = dir->u.dir.first; d; d = d->next) {
		if (d->cookie < pos)
			continue;
		if (fn(arg, d->name, d->len, d->node->ino, (d->node->mode & TMPFS_S_IFMT) >> 12,
		       d->cookie + 1))
			return 0;
	}
	return 0;
}
