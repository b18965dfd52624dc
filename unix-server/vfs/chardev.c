/*
 * chardev.c: the character device table ((major, minor) -> driver
 * operations and context) and the calls that go to a driver besides
 * read and write: ioctl, with the generic file ioctls Linux answers
 * for every file (FIOCLEX, FIONCLEX, FIONBIO, FIOASYNC, FIONREAD on
 * regular files), and poll for one descriptor.
 */
#include "vfs_internal.h"

#define DEFAULT_POLLMASK (LINUX_POLLIN | LINUX_POLLOUT | LINUX_POLLRDNORM | LINUX_POLLWRNORM)

int vfs_chardev_register(struct vfs *v, uint32_t major, uint32_t minor,
			 const struct vfs_chardev_ops *ops, void *dev)
{
	struct vfs_chardev *slot = NULL;

	if (!ops)
		return -UX_EINVAL;
	for (int i = 0; i < VFS_CHARDEV_MAX; i++) {
		struct vfs_chardev *c = &v->chardevs[i];

		if (!c->ops && !slot)
			slot = c;
		else if (c->ops && c->major == major && c->minor == minor)
			return -UX_EBUSY;
	}
	if (!slot)
		return -UX_ENOSPC;
	slot->major = major;
	slot->minor = minor;
	slot->ops = ops;
	slot->dev = dev;
	return 0;
}

const struct vfs_chardev *vfs_chardev_find(const struct vfs *v, uint64_t rdev)
{
	uint32_t major = linux_dev_major(rdev), minor = linux_dev_minor(rdev);

	for (int i = 0; i < VFS_CHARDEV_MAX; i++) {
		const struct vfs_chardev *c = &v->chardevs[i];

		if (c->ops && c->major == major && c->minor == minor)
			return c;
	}
	return NULL;
}

static int64_t put_int(void *buf, size_t len, int value)
{
	if (len < sizeof(int))
		return -UX_EFAULT;
	memcpy(buf, &value, sizeof(int));
	return 0;
}

static int64_t get_int(const void *buf, size_t len, int *value)
{
	if (len < sizeof(int))
		return -UX_EFAULT;
	memcpy(value, buf, sizeof(int));
	return 0;
}

static int64_t set_status_flag(struct vfs_file *f, uint32_t flag, const void *buf, size_t len)
{
	int on;
	int64_t err = get_int(buf, len, &on);

	if (err)
		return err;
	f->flags = on ? f->flags | flag : f->flags & ~flag;
	return 0;
}

/* FIONREAD on a regular file: bytes from the position to the end, as an int. */
/* Linux stores size - pos into an int as it is: negative past the end,
 * and only the low 32 bits of a larger count. */
static int64_t file_fionread(struct vfs_file *f, void *buf, size_t len)
{
	uint64_t left = f->node->size - f->pos;

	return put_int(buf, len, (int32_t)(uint32_t)left);
}

int64_t vfs_ioctl(struct vfs_proc *p, int fd, unsigned cmd, uint64_t arg, void *buf, size_t len)
{
	struct vfs_fd *slot = vfs_fd_slot(p, fd);
	struct vfs_file *f;

	if (!slot || vfs_file_is_path(slot->file))
		return -UX_EBADF;
	f = slot->file;
	switch (cmd) {
	case LINUX_FIOCLEX:
		slot->flags |= LINUX_FD_CLOEXEC;
		return 0;
	case LINUX_FIONCLEX:
		slot->flags &= ~LINUX_FD_CLOEXEC;
		return 0;
	case LINUX_FIONBIO:
		return set_status_flag(f, LINUX_O_NONBLOCK, buf, len);
	case LINUX_FIOASYNC:
		return set_status_flag(f, LINUX_O_ASYNC, buf, len);
	}
	if (f->ops)
		return f->ops->ioctl ? f->ops->ioctl(f->dev, f, cmd, arg, buf, len) : -UX_ENOTTY;
	if (cmd == LINUX_FIONREAD && tmpfs_is_reg(f->node))
		return file_fionread(f, buf, len);
	return -UX_ENOTTY;
}

unsigned vfs_poll(struct vfs_proc *p, int fd, unsigned events)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);
	unsigned ready = DEFAULT_POLLMASK;

	if (!f)
		return LINUX_POLLNVAL;
	if (f->ops && f->ops->poll)
		ready = f->ops->poll(f->dev, f);
	return ready & (events | LINUX_POLLERR | LINUX_POLLHUP);
}
