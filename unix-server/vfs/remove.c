/*
 * remove.c: the calls that remove or move a name: unlinkat (with
 * AT_REMOVEDIR, rmdir) and renameat2, with the rules Linux applies
 * before the file system's own: "." and ".." (-EISDIR for unlink,
 * -EINVAL / -ENOTEMPTY for rmdir, -EBUSY for rename), rmdir("/") is
 * -EBUSY, and a trailing slash on a name that is not a directory is
 * -ENOTDIR. RENAME_WHITEOUT is not supported (-EINVAL).
 */
#include "vfs_internal.h"

_Static_assert(TMPFS_RENAME_NOREPLACE == LINUX_RENAME_NOREPLACE &&
	       TMPFS_RENAME_EXCHANGE == LINUX_RENAME_EXCHANGE, "tmpfs takes Linux's flags");

static bool only_slashes(const char *path)
{
	while (*path == '/')
		path++;
	return *path == 0;
}

static int do_rmdir(struct vfs_proc *p, const char *path, const struct vfs_name *nm)
{
	int err;

	if (only_slashes(path))
		return -UX_EBUSY;
	if (!vfs_name_is_dots(nm)) {
		err = vfs_may_change_dir(p, nm->dir);
		if (err)
			return err;
	}
	return tmpfs_rmdir(&p->vfs->fs, nm->dir, nm->name, nm->len);
}

static int do_unlink(struct vfs_proc *p, const struct vfs_name *nm)
{
	struct tmpfs_node *n;
	int err;

	if (vfs_name_is_dots(nm))
		return -UX_EISDIR;
	if (nm->slash) {
		err = tmpfs_lookup(nm->dir, nm->name, nm->len, &n);
		if (err)
			return err;
		return tmpfs_is_dir(n) ? -UX_EISDIR : -UX_ENOTDIR;
	}
	err = vfs_may_change_dir(p, nm->dir);
	if (err)
		return err;
	return tmpfs_unlink(&p->vfs->fs, nm->dir, nm->name, nm->len);
}

int vfs_unlinkat(struct vfs_proc *p, int dirfd, const char *path, unsigned flags)
{
	struct vfs_name nm;
	int err;

	if (flags & ~LINUX_AT_REMOVEDIR)
		return -UX_EINVAL;
	err = vfs_walk_parent(p, dirfd, path, &nm);
	if (err)
		return err;
	return flags & LINUX_AT_REMOVEDIR ? do_rmdir(p, path, &nm) : do_unlink(p, &nm);
}

static int check_rename_flags(unsigned flags)
{
	if (flags & ~(LINUX_RENAME_NOREPLACE | LINUX_RENAME_EXCHANGE | LINUX_RENAME_WHITEOUT))
		return -UX_EINVAL;
	if ((flags & LINUX_RENAME_EXCHANGE) &&
	    (flags & (LINUX_RENAME_NOREPLACE | LINUX_RENAME_WHITEOUT)))
		return -UX_EINVAL;
	return flags & LINUX_RENAME_WHITEOUT ? -UX_EINVAL : 0;
}

/* Linux's checks between looking both names up and the rename itself. */
static int check_rename_names(const struct vfs_name *o, const struct vfs_name *n,
			      unsigned flags)
{
	struct tmpfs_node *src, *dst = NULL;
	bool exchange = flags & LINUX_RENAME_EXCHANGE;
	int err;

	if (vfs_name_is_dots(o))
		return -UX_EBUSY;
	if (vfs_name_is_dots(n))
		return flags & LINUX_RENAME_NOREPLACE ? -UX_EEXIST : -UX_EBUSY;
	err = tmpfs_lookup(o->dir, o->name, o->len, &src);
	if (err)
		return err;
	err = tmpfs_lookup(n->dir, n->name, n->len, &dst);
	if (err && err != -UX_ENOENT)
		return err;
	if (err)
		dst = NULL;
	if ((flags & LINUX_RENAME_NOREPLACE) && dst)
		return -UX_EEXIST;
	if (exchange && !dst)
		return -UX_ENOENT;
	if (exchange && !tmpfs_is_dir(dst) && n->slash)
		return -UX_ENOTDIR;
	if (!tmpfs_is_dir(src) && (o->slash || (!exchange && n->slash)))
		return -UX_ENOTDIR;
	return 0;
}

int vfs_renameat2(struct vfs_proc *p, int olddirfd, const char *oldpath, int newdirfd,
		  const char *newpath, unsigned flags)
{
	struct vfs_name o, n;
	int err = check_rename_flags(flags);

	if (!err)
		err = vfs_walk_parent(p, olddirfd, oldpath, &o);
	if (!err)
		err = vfs_walk_parent(p, newdirfd, newpath, &n);
	if (!err)
		err = check_rename_names(&o, &n, flags);
	if (!err)
		err = vfs_may_change_dir(p, o.dir);
	if (!err)
		err = vfs_may_change_dir(p, n.dir);
	if (err)
		return err;
	return tmpfs_rename(&p->vfs->fs, o.dir, o.name, o.len, n.dir, n.name, n.len,
			    flags & (LINUX_RENAME_NOREPLACE | LINUX_RENAME_EXCHANGE));
}
