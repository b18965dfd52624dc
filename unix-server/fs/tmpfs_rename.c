/*
 * tmpfs_rename.c: rename with Linux's rules. A directory replaces only an
 * empty directory (-ENOTEMPTY), a non-directory only a non-directory
 * (-ENOTDIR, -EISDIR); a directory cannot move below itself (-EINVAL);
 * "." and ".." cannot be renamed or replaced (-EBUSY); two names of one
 * inode make a successful no-op. RENAME_NOREPLACE and RENAME_EXCHANGE as
 * renameat2. Trailing-slash rules are the caller's (tmpfs_walk_parent
 * reports the slash).
 */
#include "tmpfs_internal.h"

/* Is a the directory d or one of its ancestors? */
static bool is_ancestor(struct tmpfs *fs, struct tmpfs_node *a, struct tmpfs_node *d)
{
	for (;;) {
		if (d == a)
			return true;
		if (d == fs->root)
			return false;
		d = d->u.dir.parent;
	}
}

static int check_name(struct tmpfs_node *dir, const char *name, size_t len)
{
	int err = tmpfs_check_dir(dir, len);

	if (err)
		return err;
	return tmpfs_is_dot(name, len) ? -UX_EBUSY : 0;
}

/* Moves directory n from from to to (link counts and ".."). */
static void reparent(struct tmpfs_node *n, struct tmpfs_node *from, struct tmpfs_node *to)
{
	if (!tmpfs_is_dir(n) || from == to)
		return;
	from->nlink--;
	to->nlink++;
	n->u.dir.parent = to;
}

static int exchange(struct tmpfs *fs, struct tmpfs_node *od, struct tmpfs_dirent *s,
		    struct tmpfs_node *nd, struct tmpfs_dirent *t)
{
	struct tmpfs_node *a = s->node, *b = t->node;

	if (tmpfs_is_dir(a) && is_ancestor(fs, a, nd))
		return -UX_EINVAL;
	if (tmpfs_is_dir(b) && is_ancestor(fs, b, od))
		return -UX_EINVAL;
	s->node = b;
	t->node = a;
	reparent(a, od, nd);
	reparent(b, nd, od);
	tmpfs_touch_ctime(fs, a);
	tmpfs_touch_ctime(fs, b);
	return 0;
}

static int check_replace(struct tmpfs_node *src, struct tmpfs_node *victim)
{
	if (tmpfs_is_dir(src)) {
		if (!tmpfs_is_dir(victim))
			return -UX_ENOTDIR;
		if (victim->u.dir.count)
			return -UX_ENOTEMPTY;
	} else if (tmpfs_is_dir(victim)) {
		return -UX_EISDIR;
	}
	return 0;
}

/* The entry t in nd now names src; what it named loses that link. */
static void replace(struct tmpfs *fs, struct tmpfs_node *nd, struct tmpfs_dirent *t,
		    struct tmpfs_node *src)
{
	struct tmpfs_node *victim = t->node;

	t->node = src;
	if (tmpfs_is_dir(victim)) {
		tmpfs_dir_unlinked(fs, nd, victim);
	} else {
		tmpfs_drop_link(fs, victim);
	}
}

static int move(struct tmpfs *fs, struct tmpfs_node *od, struct tmpfs_dirent *s,
		struct tmpfs_node *nd, struct tmpfs_dirent *t, const char *name, size_t len)
{
	struct tmpfs_node *src = s->node;
	int err;

	if (tmpfs_is_dir(src) && is_ancestor(fs, src, nd))
		return -UX_EINVAL;
	if (t) {
		err = check_replace(src, t->node);
		if (err)
			return err;
		replace(fs, nd, t, src);
	} else {
		t = tmpfs_dirent_new(fs, name, len);
		if (!t)
			return -UX_ENOSPC;
		tmpfs_dirent_insert(nd, t, src);
	}
	tmpfs_dirent_remove(fs, od, s);
	reparent(src, od, nd);
	tmpfs_touch_ctime(fs, src);
	return 0;
}

int tmpfs_rename(struct tmpfs *fs, struct tmpfs_node *od, const char *oldname, size_t oldlen,
		 struct tmpfs_node *nd, const char *newname, size_t newlen, unsigned flags)
{
	struct tmpfs_dirent *s, *t;
	int err;

	if (flags & ~(TMPFS_RENAME_NOREPLACE | TMPFS_RENAME_EXCHANGE) ||
	    flags == (TMPFS_RENAME_NOREPLACE | TMPFS_RENAME_EXCHANGE))
		return -UX_EINVAL;
	err = check_name(od, oldname, oldlen);
	if (!err)
		err = check_name(nd, newname, newlen);
	if (err)
		return err;
	s = tmpfs_dirent_find(od, oldname, oldlen);
	t = tmpfs_dirent_find(nd, newname, newlen);
	if (!s || (!t && (flags & TMPFS_RENAME_EXCHANGE)))
		return -UX_ENOENT;
	if (t && (flags & TMPFS_RENAME_NOREPLACE))
		return -UX_EEXIST;
	if (t && t->node == s->node)
		return 0;
	err = flags & TMPFS_RENAME_EXCHANGE ? exchange(fs, od, s, nd, t)
					    : move(fs, od, s, nd, t, newname, newlen);
	if (err)
		return err;
	tmpfs_touch(fs, od);
	tmpfs_touch(fs, nd);
	return 0;
}
