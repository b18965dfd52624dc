/*
 * lookup.c: a process's paths to tmpfs nodes, with the *at rules:
 * an absolute path ignores dirfd; a relative one starts at the cwd
 * (AT_FDCWD) or at dirfd's directory (-EBADF if not open, -ENOTDIR if
 * not a directory; O_PATH descriptors count); an empty path is -ENOENT
 * unless AT_EMPTY_PATH, which means dirfd's own file (any type).
 *
 * A removed directory holds its old parent (tmpfs.c), so ".." out of a
 * removed cwd or dirfd reaches it, as on Linux; any other name in it is
 * -ENOENT, and readdir and getcwd refuse it.
 */
#include "vfs_internal.h"

int vfs_start_dir(struct vfs_proc *p, int dirfd, const char *path, struct tmpfs_node **out)
{
	struct vfs_file *f;

	if (path[0] == '/') {
		*out = p->vfs->fs.root;
		return 0;
	}
	if (dirfd == LINUX_AT_FDCWD) {
		*out = p->cwd;
		return 0;
	}
	f = vfs_fd_file(p, dirfd);
	if (!f)
		return -UX_EBADF;
	if (!f->node || !tmpfs_is_dir(f->node))
		return -UX_ENOTDIR;
	*out = f->node;
	return 0;
}

static int start(struct vfs_proc *p, int dirfd, const char *path, struct tmpfs_node **out)
{
	if (!path[0])
		return -UX_ENOENT;
	return vfs_start_dir(p, dirfd, path, out);
}

/* dirfd's own node, for AT_EMPTY_PATH. */
static int empty_path_node(struct vfs_proc *p, int dirfd, struct tmpfs_node **out)
{
	struct vfs_file *f;

	if (dirfd == LINUX_AT_FDCWD) {
		*out = p->cwd;
		return 0;
	}
	f = vfs_fd_file(p, dirfd);
	if (!f)
		return -UX_EBADF;
	if (!f->node)
		return -UX_ENOENT;
	*out = f->node;
	return 0;
}

int vfs_walk(struct vfs_proc *p, int dirfd, const char *path, unsigned at_flags,
	     struct tmpfs_node **out)
{
	struct tmpfs_node *dir;
	int err;

	if (!path[0] && (at_flags & LINUX_AT_EMPTY_PATH))
		return empty_path_node(p, dirfd, out);
	err = start(p, dirfd, path, &dir);
	if (err)
		return err;
	return tmpfs_walk(&p->vfs->fs, dir, path,
			  at_flags & LINUX_AT_SYMLINK_NOFOLLOW ? TMPFS_NOFOLLOW : 0, out);
}

int vfs_walk_parent(struct vfs_proc *p, int dirfd, const char *path, struct vfs_name *nm)
{
	struct tmpfs_node *dir;
	int err = start(p, dirfd, path, &dir);

	if (err)
		return err;
	return tmpfs_walk_parent(&p->vfs->fs, dir, path, &nm->dir, &nm->name, &nm->len,
				 &nm->slash);
}

/* A pipe named by AT_EMPTY_PATH: it has no node for vfs_walk to find. */
struct vfs_file *vfs_empty_path_pipe(struct vfs_proc *p, int dirfd, const char *path,
				     unsigned at_flags)
{
	struct vfs_file *f;

	if (!(at_flags & LINUX_AT_EMPTY_PATH) || path[0] || dirfd < 0)
		return NULL;
	f = vfs_fd_file(p, dirfd);
	return f && vfs_file_is_pipe(f) ? f : NULL;
}

bool vfs_name_is_dots(const struct vfs_name *nm)
{
	return (nm->len == 1 && nm->name[0] == '.') ||
	       (nm->len == 2 && nm->name[0] == '.' && nm->name[1] == '.');
}

int vfs_lookup(struct vfs_proc *p, int dirfd, const char *path, unsigned at_flags,
	       struct tmpfs_node **out)
{
	int err;

	if (at_flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	err = vfs_walk(p, dirfd, path, at_flags, out);
	if (err)
		return err;
	tmpfs_node_get(*out);
	return 0;
}

void vfs_node_put(struct vfs *v, struct tmpfs_node *n)
{
	tmpfs_node_put(&v->fs, n);
}
