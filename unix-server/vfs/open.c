/*
 * open.c: openat, in Linux's order: the descriptor is reserved first
 * (so -EMFILE comes before any path error and nothing is created when
 * there is no fd for it), then the file description is allocated, the
 * path resolved or the file created, the open checked (type, access),
 * the driver's open hook run, O_TRUNC applied, and the fd installed.
 *
 * Flags as open(2) on x86-64: unknown bits ignored; O_LARGEFILE always
 * added; O_PATH keeps only O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC; F_GETFL
 * sees neither O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC nor O_CLOEXEC.
 * O_CREAT follows a symlink at the end (creating a dangling link's
 * target) unless O_EXCL or O_NOFOLLOW. O_TMPFILE is checked as Linux
 * does (write access, no O_CREAT: -EINVAL; its directory looked up) and
 * then is -EOPNOTSUPP (no unnamed files in tmpfs yet); fifos,
 * sockets and block devices are -ENXIO (no driver yet).
 */
#include "vfs_internal.h"

#define TMPFILE_BIT 020000000           /* __O_TMPFILE; O_TMPFILE adds O_DIRECTORY */
#define VALID_FLAGS (LINUX_O_ACCMODE | LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_NOCTTY | \
		     LINUX_O_TRUNC | LINUX_O_APPEND | LINUX_O_NONBLOCK | LINUX_O_SYNC | \
		     LINUX_O_ASYNC | LINUX_O_DIRECT | LINUX_O_LARGEFILE | LINUX_O_DIRECTORY | \
		     LINUX_O_NOFOLLOW | LINUX_O_NOATIME | LINUX_O_CLOEXEC | LINUX_O_PATH | \
		     LINUX_O_TMPFILE)
#define PATH_FLAGS (LINUX_O_DIRECTORY | LINUX_O_NOFOLLOW | LINUX_O_PATH | LINUX_O_CLOEXEC)
#define OPEN_ONLY_FLAGS (LINUX_O_CREAT | LINUX_O_EXCL | LINUX_O_NOCTTY | LINUX_O_TRUNC | \
			 LINUX_O_CLOEXEC)

struct open_req {
	uint32_t flags;         /* as given, cleaned */
	uint32_t perm;          /* of a created file, umask applied */
	int acc;                /* VFS_MAY_* the open needs */
	bool tmpfile;           /* O_TMPFILE: its directory is looked up, then refused */
};

static int build_flags(struct vfs_proc *p, uint32_t flags, uint32_t mode, struct open_req *o)
{
	static const int acc_of_mode[4] = {
		VFS_MAY_READ, VFS_MAY_WRITE, VFS_MAY_READ | VFS_MAY_WRITE,
		VFS_MAY_READ | VFS_MAY_WRITE,
	};

	flags &= VALID_FLAGS;
	o->perm = mode & 07777 & ~p->umask;
	o->acc = 0;
	o->tmpfile = false;
	if (flags & TMPFILE_BIT) {
		if ((flags & (LINUX_O_TMPFILE | LINUX_O_CREAT)) != LINUX_O_TMPFILE ||
		    !(acc_of_mode[flags & LINUX_O_ACCMODE] & VFS_MAY_WRITE))
			return -UX_EINVAL;
		o->tmpfile = true;
	}
	if (flags & LINUX_O_PATH) {
		o->flags = flags & PATH_FLAGS;
		return 0;
	}
	if ((flags & (LINUX_O_CREAT | LINUX_O_DIRECTORY)) == (LINUX_O_CREAT | LINUX_O_DIRECTORY))
		return -UX_EINVAL;
	o->acc = acc_of_mode[flags & LINUX_O_ACCMODE];
	if (flags & LINUX_O_TRUNC)
		o->acc |= VFS_MAY_WRITE;
	o->flags = flags | LINUX_O_LARGEFILE;
	return 0;
}

static int create(struct vfs_proc *p, const struct vfs_name *nm, const struct open_req *o,
		  struct tmpfs_node **out)
{
	uint32_t perm = o->perm, uid, gid;
	int err = vfs_may_change_dir(p, nm->dir);

	if (err)
		return err;
	vfs_new_owner(p, nm->dir, false, &perm, &uid, &gid);
	return tmpfs_create(&p->vfs->fs, nm->dir, nm->name, nm->len, perm, uid, gid, out);
}

/* O_CREAT: the existing node, or a new one (*created). */
static int find_or_create(struct vfs_proc *p, int dirfd, const char *path,
			  const struct open_req *o, struct tmpfs_node **out, bool *created)
{
	struct vfs_name nm;
	int err = vfs_walk_parent(p, dirfd, path, &nm);

	for (int links = 0;; links++) {
		if (err)
			return err;
		if (nm.slash)
			return -UX_EISDIR;
		err = tmpfs_lookup(nm.dir, nm.name, nm.len, out);
		if (err == -UX_ENOENT) {
			*created = true;
			return create(p, &nm, o, out);
		}
		if (err)
			return err;
		if (o->flags & LINUX_O_EXCL)
			return -UX_EEXIST;
		if (!tmpfs_is_symlink(*out))
			return 0;
		if ((o->flags & LINUX_O_NOFOLLOW) || links == TMPFS_SYMLOOP_MAX)
			return -UX_ELOOP;
		err = tmpfs_walk_parent(&p->vfs->fs, nm.dir, (*out)->u.link.target, &nm.dir,
					&nm.name, &nm.len, &nm.slash);
	}
}

static int find(struct vfs_proc *p, int dirfd, const char *path, const struct open_req *o,
		struct tmpfs_node **out, bool *created)
{
	int err;

	*created = false;
	if (o->tmpfile) {
		/* The directory must exist and be one (O_TMPFILE holds
		 * O_DIRECTORY); the unnamed file itself is not supported. */
		err = vfs_walk(p, dirfd, path, 0, out);
		if (err)
			return err;
		return tmpfs_is_dir(*out) ? -UX_EOPNOTSUPP : -UX_ENOTDIR;
	}
	if (!(o->flags & LINUX_O_CREAT))
		return vfs_walk(p, dirfd, path,
				o->flags & LINUX_O_NOFOLLOW ? LINUX_AT_SYMLINK_NOFOLLOW : 0, out);
	err = find_or_create(p, dirfd, path, o, out, created);
	if (!err && tmpfs_is_dir(*out))
		return -UX_EISDIR;
	return err;
}

/* Linux's may_open: is n a kind of file this open can have, with these rights? */
static int may_open(struct vfs_proc *p, struct tmpfs_node *n, const struct open_req *o,
		    bool created)
{
	uint32_t type = n->mode & TMPFS_S_IFMT;

	if ((o->flags & LINUX_O_DIRECTORY) && type != TMPFS_S_IFDIR)
		return -UX_ENOTDIR;
	if (type == TMPFS_S_IFLNK)
		return o->flags & LINUX_O_PATH ? 0 : -UX_ELOOP;
	if (o->flags & LINUX_O_PATH)
		return 0;
	if (type == TMPFS_S_IFDIR && (o->acc & VFS_MAY_WRITE))
		return -UX_EISDIR;
	if (type != TMPFS_S_IFDIR && type != TMPFS_S_IFREG && type != TMPFS_S_IFCHR)
		return -UX_ENXIO;
	if (created)
		return 0;
	return vfs_permission(p->cred.euid, p->cred.egid, n, o->acc);
}

/*
 * Attaches n to f, and its driver for a character device. The driver's
 * open hook sees all the open flags (a terminal wants O_NOCTTY); F_GETFL
 * loses the open-only ones after it, as in Linux's do_dentry_open.
 */
static int attach(struct vfs *v, struct vfs_file *f, struct tmpfs_node *n)
{
	const struct vfs_chardev *c;
	int err;

	tmpfs_node_get(n);
	f->node = n;
	if ((n->mode & TMPFS_S_IFMT) != TMPFS_S_IFCHR || vfs_file_is_path(f))
		return 0;
	c = vfs_chardev_find(v, n->rdev);
	if (!c)
		return -UX_ENXIO;
	if (c->ops->open) {
		err = c->ops->open(c->dev, f);
		if (err)
			return err;
	}
	f->ops = c->ops;
	f->dev = c->dev;
	return 0;
}

int vfs_openat(struct vfs_proc *p, int dirfd, const char *path, uint32_t flags, uint32_t mode)
{
	struct open_req o;
	struct vfs_file *f;
	struct tmpfs_node *n;
	bool created;
	int fd, err = build_flags(p, flags, mode, &o);

	if (err)
		return err;
	fd = vfs_fd_reserve(p, 0);
	if (fd < 0)
		return fd;
	f = vfs_file_alloc(p->vfs);
	if (!f)
		return -UX_ENOMEM;
	f->flags = o.flags;
	err = find(p, dirfd, path, &o, &n, &created);
	if (!err)
		err = may_open(p, n, &o, created);
	if (!err)
		err = attach(p->vfs, f, n);
	if (err) {
		vfs_file_put(p->vfs, f);
		return err;
	}
	f->flags &= ~OPEN_ONLY_FLAGS;
	if ((o.flags & LINUX_O_TRUNC) && tmpfs_is_reg(n) && !created)
		tmpfs_truncate(&p->vfs->fs, n, 0);     /* shrinking cannot fail */
	vfs_fd_set(p, fd, f, o.flags & LINUX_O_CLOEXEC ? LINUX_FD_CLOEXEC : 0);
	return fd;
}
