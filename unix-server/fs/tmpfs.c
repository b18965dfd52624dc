/*
 * tmpfs.c: the file system object and node lifetime (see tmpfs.h).
 *
 * A node lives while it has links (directory entries; a directory's own
 * "." and its children's ".." are counted in nlink the Linux way but do
 * not keep it alive: rmdir sets nlink to 0) or references. The root has
 * no entry: it is its own parent and tmpfs_destroy frees it.
 *
 * A removed directory still in use (a cwd, an open descriptor) holds a
 * reference on its old parent until it is freed, so ".." out of it
 * reaches that parent as on Linux, however the parent fared since.
 */
#include "tmpfs_internal.h"

void *tmpfs_alloc(struct tmpfs *fs, size_t size)
{
	void *p = fs->env.alloc(fs->env.ctx, size);

	if (p)
		fs->bytes += size;
	return p;
}

void tmpfs_free(struct tmpfs *fs, void *p, size_t size)
{
	if (!p)
		return;
	fs->env.free(fs->env.ctx, p, size);
	fs->bytes -= size;
}

void tmpfs_now(struct tmpfs *fs, struct tmpfs_time *t)
{
	t->sec = 0;
	t->nsec = 0;
	if (fs->env.now)
		fs->env.now(fs->env.ctx, t);
}

void tmpfs_touch_ctime(struct tmpfs *fs, struct tmpfs_node *n)
{
	tmpfs_now(fs, &n->ctime);
}

void tmpfs_touch(struct tmpfs *fs, struct tmpfs_node *n)
{
	tmpfs_now(fs, &n->mtime);
	n->ctime = n->mtime;
}

struct tmpfs_node *tmpfs_node_new(struct tmpfs *fs, uint32_t mode, uint32_t uid, uint32_t gid)
{
	struct tmpfs_node *n = tmpfs_alloc(fs, sizeof(*n));

	if (!n)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->ino = fs->next_ino++;
	n->mode = mode;
	n->uid = uid;
	n->gid = gid;
	tmpfs_now(fs, &n->atime);
	n->mtime = n->ctime = n->atime;
	if (tmpfs_is_dir(n)) {
		n->u.dir.next_cookie = TMPFS_FIRST_COOKIE;
		n->size = 2 * TMPFS_BOGO_DIRENT_SIZE;
	}
	fs->nodes++;
	return n;
}

static void node_free(struct tmpfs *fs, struct tmpfs_node *n)
{
	if (tmpfs_is_reg(n))
		tmpfs_free(fs, n->u.file.cap ? n->u.file.data : NULL, n->u.file.cap);
	else if (tmpfs_is_symlink(n))
		tmpfs_free(fs, n->u.link.target, n->size + 1);
	tmpfs_free(fs, n, sizeof(*n));
	fs->nodes--;
}

void tmpfs_node_release(struct tmpfs *fs, struct tmpfs_node *n)
{
	/* Freeing a removed directory puts its parent, which may go too. */
	while (n && n->nlink == 0 && n->refs == 0) {
		struct tmpfs_node *parent = tmpfs_is_dir(n) ? n->u.dir.parent : NULL;

		node_free(fs, n);
		if (parent)
			parent->refs--;
		n = parent;
	}
}

void tmpfs_dir_unlinked(struct tmpfs *fs, struct tmpfs_node *parent, struct tmpfs_node *n)
{
	parent->nlink--;
	n->nlink = 0;
	tmpfs_node_get(parent);         /* n's "..", put when n is freed */
	tmpfs_node_release(fs, n);
}

void tmpfs_drop_link(struct tmpfs *fs, struct tmpfs_node *n)
{
	n->nlink--;
	tmpfs_touch_ctime(fs, n);
	tmpfs_node_release(fs, n);
}

void tmpfs_node_get(struct tmpfs_node *n)
{
	n->refs++;
}

void tmpfs_node_put(struct tmpfs *fs, struct tmpfs_node *n)
{
	n->refs--;
	tmpfs_node_release(fs, n);
}

int tmpfs_init(struct tmpfs *fs, const struct tmpfs_env *env, uint64_t dev)
{
	memset(fs, 0, sizeof(*fs));
	fs->env = *env;
	fs->dev = dev;
	fs->next_ino = 1;
	fs->root = tmpfs_node_new(fs, TMPFS_S_IFDIR | 0755, 0, 0);
	if (!fs->root)
		return -UX_ENOSPC;
	fs->root->nlink = 2;
	fs->root->u.dir.parent = fs->root;
	return 0;
}

/*
 * Frees every node reachable from dir. Recursion is as deep as the tree;
 * only called when the whole file system goes away.
 */
static void destroy_dir(struct tmpfs *fs, struct tmpfs_node *dir)
{
	struct tmpfs_dirent *d;

	while ((d = dir->u.dir.first)) {
		struct tmpfs_node *n = d->node;

		tmpfs_dirent_remove(fs, dir, d);
		if (tmpfs_is_dir(n)) {
			destroy_dir(fs, n);
			n->nlink = 0;
			n->refs = 0;
			node_free(fs, n);
		} else if (--n->nlink == 0) {
			n->refs = 0;
			node_free(fs, n);
		}
	}
}

void tmpfs_destroy(struct tmpfs *fs)
{
	destroy_dir(fs, fs->root);
	node_free(fs, fs->root);
	fs->root = NULL;
}
