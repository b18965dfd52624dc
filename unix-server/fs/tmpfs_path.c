/*
 * tmpfs_path.c: names to nodes. tmpfs_lookup finds one component in a
 * directory; tmpfs_walk resolves a whole path the way Linux's path walk
 * does: "//" is "/", "." stays, ".." goes up (and stays at the root),
 * every symlink met on the way is followed (at most TMPFS_SYMLOOP_MAX in
 * one walk, then -ELOOP), the last one too unless TMPFS_NOFOLLOW; a
 * trailing slash requires a directory and always follows.
 * tmpfs_walk_parent resolves all but the last component, for calls that
 * create or remove a name.
 */
#include "tmpfs_internal.h"

bool tmpfs_is_dot(const char *name, size_t len)
{
	return (len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.');
}

struct tmpfs_dirent *tmpfs_dirent_find(struct tmpfs_node *dir, const char *name, size_t len)
{
	for (struct tmpfs_dirent *d = dir->u.dir.first; d; d = d->next)
		if (d->len == len && !memcmp(d->name, name, len))
			return d;
	return NULL;
}

int tmpfs_lookup(struct tmpfs_node *dir, const char *name, size_t len, struct tmpfs_node **out)
{
	struct tmpfs_dirent *d;

	if (!tmpfs_is_dir(dir))
		return -UX_ENOTDIR;
	if (len > TMPFS_NAME_MAX)
		return -UX_ENAMETOOLONG;
	if (len == 0 || (len == 1 && name[0] == '.')) {
		*out = dir;
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*out = dir->u.dir.parent;
		return 0;
	}
	d = dir->nlink ? tmpfs_dirent_find(dir, name, len) : NULL;
	if (!d)
		return -UX_ENOENT;
	*out = d->node;
	return 0;
}

static int path_len(const char *path, size_t *len)
{
	size_t n = 0;

	while (n < TMPFS_PATH_MAX && path[n])
		n++;
	if (n == TMPFS_PATH_MAX)
		return -UX_ENAMETOOLONG;
	if (n == 0)
		return -UX_ENOENT;
	*len = n;
	return 0;
}

struct walk {
	struct tmpfs *fs;
	int links;              /* symlinks followed so far in this walk */
};

static int walk_path(struct walk *w, struct tmpfs_node *dir, const char *p, size_t len,
		     bool follow_last, struct tmpfs_node **out);

static int follow(struct walk *w, struct tmpfs_node *dir, struct tmpfs_node **n)
{
	if (++w->links > TMPFS_SYMLOOP_MAX)
		return -UX_ELOOP;
	return walk_path(w, dir, (*n)->u.link.target, (*n)->size, true, n);
}

static int walk_path(struct walk *w, struct tmpfs_node *dir, const char *p, size_t len,
		     bool follow_last, struct tmpfs_node **out)
{
	size_t i = 0;

	if (len && p[0] == '/')
		dir = w->fs->root;
	for (;;) {
		struct tmpfs_node *n;
		size_t start, end;
		bool last;
		int err;

		while (i < len && p[i] == '/')
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && p[i] != '/')
			i++;
		end = i;
		while (i < len && p[i] == '/')
			i++;
		last = i == len;
		err = tmpfs_lookup(dir, p + start, end - start, &n);
		if (err)
			return err;
		if (tmpfs_is_symlink(n) && (!last || follow_last || end < len)) {
			err = follow(w, dir, &n);
			if (err)
				return err;
		}
		if (last && end < len && !tmpfs_is_dir(n))
			return -UX_ENOTDIR;
		dir = n;
	}
	*out = dir;
	return 0;
}

int tmpfs_walk(struct tmpfs *fs, struct tmpfs_node *start, const char *path, int flags,
	       struct tmpfs_node **out)
{
	struct walk w = { fs, 0 };
	size_t len;
	int err = path_len(path, &len);

	if (err)
		return err;
	return walk_path(&w, start, path, len, !(flags & TMPFS_NOFOLLOW), out);
}

int tmpfs_walk_parent(struct tmpfs *fs, struct tmpfs_node *start, const char *path,
		      struct tmpfs_node **dir, const char **name, size_t *name_len,
		      bool *trailing_slash)
{
	struct walk w = { fs, 0 };
	size_t len, end, slash;
	int err = path_len(path, &len);

	if (err)
		return err;
	end = len;
	while (end > 1 && path[end - 1] == '/')
		end--;
	*trailing_slash = end < len;
	slash = end;
	while (slash > 0 && path[slash - 1] != '/')
		slash--;
	if (end == 1 && path[0] == '/') {
		*dir = fs->root;
		*name = ".";
		*name_len = 1;
		return 0;
	}
	if (end - slash > TMPFS_NAME_MAX)
		return -UX_ENAMETOOLONG;
	*name = path + slash;
	*name_len = end - slash;
	if (slash == 0) {
		*dir = start;
	} else {
		err = walk_path(&w, start, path, slash, true, dir);
		if (err)
			return err;
	}
	return tmpfs_is_dir(*dir) ? 0 : -UX_ENOTDIR;
}
