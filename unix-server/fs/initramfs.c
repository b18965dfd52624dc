/*
 * initramfs.c: cpio entries into tmpfs nodes (see initramfs.h). Entry
 * names are relative to the root: leading "/" and "./" are dropped, and a
 * ".." component is refused (-EINVAL) rather than resolved.
 */
#include "initramfs.h"

/* A regular file seen with nlink > 1, for the names that follow. */
struct hardlink {
	struct hardlink *next;
	uint32_t dev_major, dev_minor, ino;
	struct tmpfs_node *node;        /* holds a reference */
};

struct loader {
	struct tmpfs *fs;
	unsigned flags;
	struct hardlink *links;
};

/* glibc's makedev: Linux's 64-bit st_rdev encoding. */
static uint64_t make_dev(uint32_t major, uint32_t minor)
{
	return ((uint64_t)(major & 0xfffff000) << 32) | ((uint64_t)(major & 0xfff) << 8) |
	       ((uint64_t)(minor & 0xffffff00) << 12) | (minor & 0xff);
}

static const char *strip_leading(const char *name, size_t *len)
{
	for (;;) {
		if (*len && name[0] == '/') {
			name++, (*len)--;
		} else if (*len >= 2 && name[0] == '.' && name[1] == '/') {
			name += 2, *len -= 2;
		} else {
			return name;
		}
	}
}

/* The next component of name[*pos..len), skipping slashes. */
static bool next_component(const char *name, size_t len, size_t *pos,
			   const char **comp, size_t *clen)
{
	size_t i = *pos;

	while (i < len && name[i] == '/')
		i++;
	if (i == len)
		return false;
	*comp = name + i;
	while (i < len && name[i] != '/')
		i++;
	*clen = name + i - *comp;
	*pos = i;
	return true;
}

static bool is_last(const char *name, size_t len, size_t pos)
{
	while (pos < len && name[pos] == '/')
		pos++;
	return pos == len;
}

/* Steps from dir into the directory comp, making it if missing. */
static int enter_dir(struct tmpfs *fs, struct tmpfs_node **dir, const char *comp, size_t clen)
{
	struct tmpfs_node *n;
	int err = tmpfs_lookup(*dir, comp, clen, &n);

	if (err == -UX_ENOENT)
		err = tmpfs_mkdir(fs, *dir, comp, clen, 0755, 0, 0, &n);
	if (!err && tmpfs_is_symlink(n))
		err = tmpfs_walk(fs, *dir, n->u.link.target, 0, &n);
	if (err)
		return err;
	if (!tmpfs_is_dir(n))
		return -UX_ENOTDIR;
	*dir = n;
	return 0;
}

static void set_time(struct tmpfs_node *n, const struct cpio_entry *e)
{
	n->mtime.sec = e->mtime;
	n->mtime.nsec = 0;
	n->atime = n->ctime = n->mtime;
}

static void set_attrs(struct tmpfs_node *n, const struct cpio_entry *e)
{
	n->mode = (n->mode & TMPFS_S_IFMT) | (e->mode & 07777);
	n->uid = e->uid;
	n->gid = e->gid;
	set_time(n, e);
}

/* Frees the name for a new entry; a directory over a directory stays. */
static int clear_name(struct tmpfs *fs, struct tmpfs_node *dir, const char *name, size_t len,
		      uint32_t type, struct tmpfs_node **kept)
{
	struct tmpfs_node *n;

	*kept = NULL;
	if (tmpfs_lookup(dir, name, len, &n))
		return 0;
	if (tmpfs_is_dir(n) && type == TMPFS_S_IFDIR) {
		*kept = n;
		return 0;
	}
	return tmpfs_is_dir(n) ? tmpfs_rmdir(fs, dir, name, len) : tmpfs_unlink(fs, dir, name, len);
}

static struct hardlink *find_link(struct loader *l, const struct cpio_entry *e)
{
	for (struct hardlink *h = l->links; h; h = h->next)
		if (h->ino == e->ino && h->dev_major == e->dev_major && h->dev_minor == e->dev_minor)
			return h;
	return NULL;
}

static int remember_link(struct loader *l, const struct cpio_entry *e, struct tmpfs_node *n)
{
	struct hardlink *h = l->fs->env.alloc(l->fs->env.ctx, sizeof(*h));

	if (!h)
		return -UX_ENOSPC;
	h->dev_major = e->dev_major;
	h->dev_minor = e->dev_minor;
	h->ino = e->ino;
	h->node = n;
	tmpfs_node_get(n);
	h->next = l->links;
	l->links = h;
	return 0;
}

static int set_data(struct loader *l, struct tmpfs_node *n, const struct cpio_entry *e)
{
	int64_t done;

	if (e->size == 0)
		return 0;
	if (l->flags & INITRAMFS_BORROW) {
		tmpfs_borrow_data(n, e->data, e->size);
		return 0;
	}
	done = tmpfs_write(l->fs, n, 0, e->data, e->size);
	if (done < 0)
		return done;
	return tmpfs_truncate(l->fs, n, e->size);
}

static int add_file(struct loader *l, struct tmpfs_node *dir, const char *name, size_t len,
		    const struct cpio_entry *e)
{
	struct hardlink *h = e->nlink > 1 ? find_link(l, e) : NULL;
	struct tmpfs_node *n;
	int err;

	if (h) {
		err = tmpfs_link(l->fs, dir, name, len, h->node);
		n = h->node;
	} else {
		err = tmpfs_create(l->fs, dir, name, len, e->mode, e->uid, e->gid, &n);
		if (!err && e->nlink > 1)
			err = remember_link(l, e, n);
	}
	if (!err)
		err = set_data(l, n, e);
	if (!err)
		set_attrs(n, e);
	return err;
}

static int add_symlink(struct loader *l, struct tmpfs_node *dir, const char *name, size_t len,
		       const struct cpio_entry *e)
{
	struct tmpfs_env *env = &l->fs->env;
	struct tmpfs_node *n;
	char *target;
	int err;

	if (e->size == 0)
		return -UX_ENOENT;
	if (e->size >= TMPFS_PATH_MAX)
		return -UX_ENAMETOOLONG;
	target = env->alloc(env->ctx, e->size + 1);
	if (!target)
		return -UX_ENOSPC;
	memcpy(target, e->data, e->size);
	target[e->size] = 0;
	err = strlen(target) == e->size ? 0 : -UX_EINVAL;
	if (!err)
		err = tmpfs_symlink(l->fs, dir, name, len, target, e->uid, e->gid, &n);
	env->free(env->ctx, target, e->size + 1);
	if (!err)
		set_attrs(n, e);
	return err;
}

static int add_node(struct loader *l, struct tmpfs_node *dir, const char *name, size_t len,
		    const struct cpio_entry *e)
{
	uint32_t type = e->mode & TMPFS_S_IFMT;
	struct tmpfs_node *n;
	int err = clear_name(l->fs, dir, name, len, type, &n);

	if (err)
		return err;
	switch (type) {
	case TMPFS_S_IFDIR:
		if (!n)
			err = tmpfs_mkdir(l->fs, dir, name, len, e->mode, e->uid, e->gid, &n);
		break;
	case TMPFS_S_IFREG:
		return add_file(l, dir, name, len, e);
	case TMPFS_S_IFLNK:
		return add_symlink(l, dir, name, len, e);
	case TMPFS_S_IFCHR: case TMPFS_S_IFBLK: case TMPFS_S_IFIFO: case TMPFS_S_IFSOCK:
		err = tmpfs_mknod(l->fs, dir, name, len, e->mode,
				  make_dev(e->rdev_major, e->rdev_minor), e->uid, e->gid, &n);
		break;
	default:
		return -UX_EINVAL;
	}
	if (!err)
		set_attrs(n, e);
	return err;
}

static int apply(struct loader *l, const struct cpio_entry *e)
{
	size_t len = e->name_len, pos = 0, clen;
	const char *name = strip_leading(e->name, &len), *comp;
	struct tmpfs_node *dir = l->fs->root;
	int err;

	if (len == 0 || (len == 1 && name[0] == '.')) {
		if ((e->mode & TMPFS_S_IFMT) != TMPFS_S_IFDIR)
			return -UX_EINVAL;
		set_attrs(dir, e);
		return 0;
	}
	while (next_component(name, len, &pos, &comp, &clen)) {
		if (clen > TMPFS_NAME_MAX)
			return -UX_ENAMETOOLONG;
		if (clen == 2 && comp[0] == '.' && comp[1] == '.')
			return -UX_EINVAL;
		if (clen == 1 && comp[0] == '.')
			continue;
		if (is_last(name, len, pos))
			return add_node(l, dir, comp, clen, e);
		err = enter_dir(l->fs, &dir, comp, clen);
		if (err)
			return err;
	}
	return 0;
}

static void forget_links(struct loader *l)
{
	struct hardlink *h;

	while ((h = l->links)) {
		l->links = h->next;
		tmpfs_node_put(l->fs, h->node);
		l->fs->env.free(l->fs->env.ctx, h, sizeof(*h));
	}
}

/*
 * Adding entries to a directory changes its mtime; as Linux does, the
 * archive's directory mtimes are set again once everything is in.
 */
static void set_dir_mtimes(struct tmpfs *fs, const void *archive, size_t size)
{
	struct cpio_reader r;
	struct cpio_entry e;
	struct tmpfs_node *n;

	cpio_open(&r, archive, size);
	while (cpio_next(&r, &e) == CPIO_ENTRY) {
		size_t len = e.name_len;
		const char *name = strip_leading(e.name, &len);

		if ((e.mode & TMPFS_S_IFMT) != TMPFS_S_IFDIR)
			continue;
		if (tmpfs_walk(fs, fs->root, len ? name : ".", TMPFS_NOFOLLOW, &n) == 0 &&
		    tmpfs_is_dir(n))
			set_time(n, &e);
	}
}

int initramfs_load(struct tmpfs *fs, const void *archive, size_t size, unsigned flags,
		   struct initramfs_result *res)
{
	struct loader l = { fs, flags, NULL };
	struct cpio_reader r;
	struct cpio_entry e;
	int got, err = 0;

	memset(res, 0, sizeof(*res));
	cpio_open(&r, archive, size);
	while ((got = cpio_next(&r, &e)) == CPIO_ENTRY) {
		res->offset = e.offset;
		res->name = e.name;
		err = apply(&l, &e);
		if (err)
			break;
		res->entries++;
	}
	if (got < 0) {
		res->cpio_error = got;
		res->offset = r.pos;
		res->name = NULL;
		err = -UX_EINVAL;
	} else if (!err) {
		res->name = NULL;
		set_dir_mtimes(fs, archive, size);
	}
	forget_links(&l);
	return err;
}
