/*
 * create.c: the calls that add a name: mkdirat, symlinkat, linkat.
 * A new name follows Linux's filename_create: "." and ".." and an
 * existing name are -EEXIST; a missing name with a trailing slash is
 * -ENOENT unless a directory is being made. Modes get the umask;
 * owners come from vfs_new_owner (setgid directories).
 */
#include "vfs_internal.h"

static int new_name(struct vfs_proc *p, int dirfd, const char *path, bool is_dir,
		    struct vfs_name *nm)
{
	struct tmpfs_node *n;
	int err = vfs_walk_parent(p, dirfd, path, nm);

	if (err)
		return err;
	if (vfs_name_is_dots(nm))
		return -UX_EEXIST;
	err = tmpfs_lookup(nm->dir, nm->name, nm->len, &n);
	if (!err)
		return -UX_EEXIST;
	if (err != -UX_ENOENT)
		return err;
	if (nm->slash && !is_dir)
		return -UX_ENOENT;
	return vfs_may_change_dir(p, nm->dir);
}

/* Linux keeps the sticky bit of mkdir's mode and drops setuid/setgid. */
int vfs_mkdirat(struct vfs_proc *p, int dirfd, const char *path, uint32_t mode)
{
	struct vfs_name nm;
	uint32_t perm = mode & 01777 & ~p->umask, uid, gid;
	int err = new_name(p, dirfd, path, true, &nm);

	if (err)
		return err;
	vfs_new_owner(p, nm.dir, true, &perm, &uid, &gid);
	return tmpfs_mkdir(&p->vfs->fs, nm.dir, nm.name, nm.len, perm, uid, gid, NULL);
}

int vfs_symlinkat(struct vfs_proc *p, const char *target, int newdirfd, const char *linkpath)
{
	struct vfs_name nm;
	uint32_t perm = 0777, uid, gid;
	int err;

	if (!target[0])
		return -UX_ENOENT;
	err = new_name(p, newdirfd, linkpath, false, &nm);
	if (err)
		return err;
	vfs_new_owner(p, nm.dir, false, &perm, &uid, &gid);
	return tmpfs_symlink(&p->vfs->fs, nm.dir, nm.name, nm.len, target, uid, gid, NULL);
}

/* Without AT_SYMLINK_FOLLOW a symlink is linked itself; AT_EMPTY_PATH links olddirfd's file. */
int vfs_linkat(struct vfs_proc *p, int olddirfd, const char *oldpath, int newdirfd,
	       const char *newpath, unsigned flags)
{
	struct tmpfs_node *old;
	struct vfs_name nm;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_FOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	err = vfs_walk(p, olddirfd, oldpath,
		       (flags & LINUX_AT_EMPTY_PATH) |
		       (flags & LINUX_AT_SYMLINK_FOLLOW ? 0 : LINUX_AT_SYMLINK_NOFOLLOW), &old);
	if (err)
		return err;
	err = new_name(p, newdirfd, newpath, false, &nm);
	if (err)
		return err;
	return tmpfs_link(&p->vfs->fs, nm.dir, nm.name, nm.len, old);
}
