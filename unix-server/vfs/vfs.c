/*
 * vfs.c: the file system object: a tmpfs root and the character device
 * table (chardev.c). Device nodes are ordinary tmpfs nodes that
 * dev/nodes.c makes in /dev; opening one finds its driver by st_rdev.
 */
#include "vfs_internal.h"

int vfs_init(struct vfs *v, const struct tmpfs_env *env, uint64_t dev)
{
	memset(v, 0, sizeof(*v));
	v->mnt_id = 1;
	return tmpfs_init(&v->fs, env, dev);
}

void vfs_destroy(struct vfs *v)
{
	tmpfs_destroy(&v->fs);
}

void vfs_now(struct vfs *v, struct tmpfs_time *t)
{
	t->sec = 0;
	t->nsec = 0;
	if (v->fs.env.now)
		v->fs.env.now(v->fs.env.ctx, t);
}
