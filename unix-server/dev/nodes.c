/*
 * nodes.c: /dev in the root tmpfs, made after the initramfs is loaded
 * (its /dev is usually an empty directory): the device nodes every
 * Linux system has, with devtmpfs's modes and Linux's numbers. A node
 * name the image already has is replaced, as devtmpfs mounted over
 * /dev would hide it; a directory of that name is left and reported.
 */
#include "dev.h"

struct dev_node {
	const char *name;
	uint32_t perm, major, minor;
};

static const struct dev_node dev_nodes[] = {
	{ "null", 0666, DEV_MEM_MAJOR, DEV_NULL_MINOR },
	{ "zero", 0666, DEV_MEM_MAJOR, DEV_ZERO_MINOR },
	{ "full", 0666, DEV_MEM_MAJOR, DEV_FULL_MINOR },
	{ "random", 0666, DEV_MEM_MAJOR, DEV_RANDOM_MINOR },
	{ "urandom", 0666, DEV_MEM_MAJOR, DEV_URANDOM_MINOR },
	{ "tty", 0666, DEV_TTYAUX_MAJOR, DEV_TTY_MINOR },
	{ "console", 0600, DEV_TTYAUX_MAJOR, DEV_CONSOLE_MINOR },
};

static int dev_dir(struct tmpfs *fs, struct tmpfs_node **out)
{
	int err = tmpfs_lookup(fs->root, "dev", 3, out);

	if (err == -UX_ENOENT)
		return tmpfs_mkdir(fs, fs->root, "dev", 3, 0755, 0, 0, out);
	if (err)
		return err;
	return tmpfs_is_dir(*out) ? 0 : -UX_ENOTDIR;
}

static int make_node(struct tmpfs *fs, struct tmpfs_node *dir, const struct dev_node *d)
{
	size_t len = strlen(d->name);
	struct tmpfs_node *old;
	int err;

	if (tmpfs_lookup(dir, d->name, len, &old) == 0) {
		err = tmpfs_unlink(fs, dir, d->name, len);
		if (err)
			return err;
	}
	return tmpfs_mknod(fs, dir, d->name, len, TMPFS_S_IFCHR | d->perm,
			   linux_makedev(d->major, d->minor), 0, 0, NULL);
}

int dev_make_nodes(struct vfs *v)
{
	struct tmpfs_node *dir;
	int err = dev_dir(&v->fs, &dir);

	for (size_t i = 0; !err && i < sizeof(dev_nodes) / sizeof(dev_nodes[0]); i++)
		err = make_node(&v->fs, dir, &dev_nodes[i]);
	return err;
}
