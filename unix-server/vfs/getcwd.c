/*
 * getcwd.c: the cwd's path, built by walking ".." up to the root and
 * finding each directory's name in its parent. Like the system call it
 * returns the length with the NUL; -ENOENT once the cwd is removed,
 * -ENAMETOOLONG past 4096 bytes, -ERANGE when buf is shorter.
 */
#include "vfs_internal.h"

struct find_name {
	uint64_t ino;
	const char *name;
	size_t len;
};

static int match_ino(void *arg, const char *name, size_t len, uint64_t ino, unsigned type,
		     uint64_t next_pos)
{
	struct find_name *fn = arg;

	(void)type;
	(void)next_pos;
	if (ino != fn->ino)
		return 0;
	fn->name = name;
	fn->len = len;
	return 1;
}

/* n's name in its parent; a live directory always has one. */
static int name_in_parent(struct tmpfs_node *n, const char **name, size_t *len)
{
	struct find_name fn = { n->ino, NULL, 0 };

	tmpfs_readdir(n->u.dir.parent, 2, match_ino, &fn);     /* 2: past "." and ".." */
	if (!fn.name)
		return -UX_ENOENT;
	*name = fn.name;
	*len = fn.len;
	return 0;
}

/* The length with the NUL; or -ENOENT. */
static int64_t path_length(struct tmpfs *fs, struct tmpfs_node *n)
{
	int64_t total = 1;
	const char *name;
	size_t len;

	if (n == fs->root)
		return 2;
	for (; n != fs->root; n = n->u.dir.parent) {
		int err = name_in_parent(n, &name, &len);

		if (err)
			return err;
		total += 1 + (int64_t)len;
	}
	return total;
}

int vfs_getcwd(struct vfs_proc *p, char *buf, size_t size)
{
	struct tmpfs *fs = &p->vfs->fs;
	struct tmpfs_node *n = p->cwd;
	int64_t total;
	size_t end;

	if (n->nlink == 0)
		return -UX_ENOENT;
	total = path_length(fs, n);
	if (total < 0)
		return (int)total;
	if (total > TMPFS_PATH_MAX)
		return -UX_ENAMETOOLONG;
	if ((size_t)total > size)
		return -UX_ERANGE;
	end = (size_t)total - 1;
	buf[end] = 0;
	buf[0] = '/';
	for (; n != fs->root; n = n->u.dir.parent) {
		const char *name;
		size_t len;

		if (name_in_parent(n, &name, &len))
			return -UX_ENOENT;
		end -= len;
		memcpy(buf + end, name, len);
		buf[--end] = '/';
	}
	return (int)total;
}
