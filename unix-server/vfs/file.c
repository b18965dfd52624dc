/*
 * file.c: open file descriptions: allocation, references, and the
 * descriptor-to-file lookups the calls use. The last vfs_file_put runs
 * the device's release hook, drops the node reference (an unlinked file
 * goes away here) and frees the description.
 */
#include "vfs_internal.h"

struct vfs_file *vfs_file_alloc(struct vfs *v)
{
	struct vfs_file *f = vfs_alloc(v, sizeof(*f));

	if (!f)
		return NULL;
	memset(f, 0, sizeof(*f));
	f->refs = 1;
	v->files++;
	return f;
}

void vfs_file_get(struct vfs_file *f)
{
	f->refs++;
}

void vfs_file_put(struct vfs *v, struct vfs_file *f)
{
	if (--f->refs)
		return;
	if (f->ops && f->ops->release)
		f->ops->release(f->dev, f);
	if (f->node)
		tmpfs_node_put(&v->fs, f->node);
	vfs_free(v, f, sizeof(*f));
	v->files--;
}

struct vfs_file *vfs_fd_file(struct vfs_proc *p, int fd)
{
	struct vfs_fd *slot = vfs_fd_slot(p, fd);

	return slot ? slot->file : NULL;
}

struct vfs_file *vfs_fd_file_io(struct vfs_proc *p, int fd)
{
	struct vfs_file *f = vfs_fd_file(p, fd);

	return f && !vfs_file_is_path(f) ? f : NULL;
}

int vfs_fget(struct vfs_proc *p, int fd, struct vfs_file **out)
{
	struct vfs_file *f = vfs_fd_file(p, fd);

	if (!f)
		return -UX_EBADF;
	vfs_file_get(f);
	*out = f;
	return 0;
}

/* Access mode 3 opens for neither (ioctl only), as Linux's OPEN_FMODE. */
bool vfs_file_readable(const struct vfs_file *f)
{
	uint32_t acc = f->flags & LINUX_O_ACCMODE;

	return !vfs_file_is_path(f) && (acc == LINUX_O_RDONLY || acc == LINUX_O_RDWR);
}

bool vfs_file_writable(const struct vfs_file *f)
{
	uint32_t acc = f->flags & LINUX_O_ACCMODE;

	return !vfs_file_is_path(f) && (acc == LINUX_O_WRONLY || acc == LINUX_O_RDWR);
}
