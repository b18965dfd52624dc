/*
 * mem.c: /dev/null, /dev/zero and /dev/full, as Linux's drivers/char/mem.c:
 * null reads end of file and swallows writes; zero reads zeros and
 * swallows writes; full reads zeros and every write, even of 0 bytes,
 * is -ENOSPC. lseek on any of them sets the position to 0 and returns 0.
 */
#include "dev.h"

static int64_t null_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			 struct vfs_wait *wait)
{
	(void)dev, (void)f, (void)buf, (void)len, (void)wait;
	return 0;
}

static int64_t null_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	(void)dev, (void)f, (void)buf;
	return (int64_t)len;
}

static int64_t zero_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			 struct vfs_wait *wait)
{
	(void)dev, (void)f, (void)wait;
	memset(buf, 0, len);
	return (int64_t)len;
}

static int64_t full_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	(void)dev, (void)f, (void)buf, (void)len;
	return -UX_ENOSPC;
}

static int64_t mem_lseek(void *dev, struct vfs_file *f, int64_t off, int whence)
{
	(void)dev, (void)off, (void)whence;
	f->pos = 0;
	return 0;
}

static const struct vfs_chardev_ops null_ops = {
	.read = null_read, .write = null_write, .lseek = mem_lseek,
};
static const struct vfs_chardev_ops zero_ops = {
	.read = zero_read, .write = null_write, .lseek = mem_lseek,
};
static const struct vfs_chardev_ops full_ops = {
	.read = zero_read, .write = full_write, .lseek = mem_lseek,
};

int dev_mem_register(struct vfs *v)
{
	int err = vfs_chardev_register(v, DEV_MEM_MAJOR, DEV_NULL_MINOR, &null_ops, NULL);

	if (!err)
		err = vfs_chardev_register(v, DEV_MEM_MAJOR, DEV_ZERO_MINOR, &zero_ops, NULL);
	if (!err)
		err = vfs_chardev_register(v, DEV_MEM_MAJOR, DEV_FULL_MINOR, &full_ops, NULL);
	return err;
}
