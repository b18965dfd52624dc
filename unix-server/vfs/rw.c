/*
 * rw.c: data calls: read, write, pread64, pwrite64, lseek. Regular files
 * and directories are the tmpfs's; a character device's calls go to its
 * driver, whose -UX_EPARK becomes -UX_EAGAIN on an O_NONBLOCK file.
 * A device without an lseek operation is a stream: lseek, pread and
 * pwrite give -ESPIPE. Counts are cut to Linux's MAX_RW_COUNT.
 */
#include "vfs_internal.h"

#define OFF_MAX INT64_MAX

static int64_t device_result(const struct vfs_file *f, int64_t r)
{
	if (r == -UX_EPARK && (f->flags & LINUX_O_NONBLOCK))
		return -UX_EAGAIN;
	return r;
}

static size_t clamp_count(size_t len)
{
	return len > LINUX_MAX_RW_COUNT ? LINUX_MAX_RW_COUNT : len;
}

static bool is_stream(const struct vfs_file *f)
{
	return f->ops && !f->ops->lseek;
}

/* Linux's rw_verify_area: on a file with positions, pos + len (the count
 * as asked, before clamp_count) must stay a valid offset. */
static bool range_overflows(const struct vfs_file *f, uint64_t pos, size_t len)
{
	return !is_stream(f) && (pos > OFF_MAX || len > OFF_MAX - pos);
}

/* Reads at *pos and advances it: the one path for read and pread. */
static int64_t read_at(struct vfs_file *f, void *buf, size_t len, uint64_t *pos,
		       struct vfs_wait *wait)
{
	int64_t n;

	if (!vfs_file_readable(f))
		return -UX_EBADF;
	if (range_overflows(f, *pos, len))
		return -UX_EINVAL;
	len = clamp_count(len);
	if (f->ops)
		return device_result(f, f->ops->read ? f->ops->read(f->dev, f, buf, len, wait)
						     : -UX_EINVAL);
	n = tmpfs_read(f->node, *pos, buf, len);
	if (n > 0)
		*pos += (uint64_t)n;
	return n;
}

/* Writes at *pos (the end with O_APPEND) and advances it. */
static int64_t write_at(struct vfs *v, struct vfs_file *f, const void *buf, size_t len,
			uint64_t *pos)
{
	int64_t n;

	if (!vfs_file_writable(f))
		return -UX_EBADF;
	if (range_overflows(f, *pos, len))
		return -UX_EINVAL;
	len = clamp_count(len);
	if (f->ops)
		return device_result(f, f->ops->write ? f->ops->write(f->dev, f, buf, len)
						      : -UX_EINVAL);
	if (f->flags & LINUX_O_APPEND)
		*pos = f->node->size;
	n = tmpfs_write(&v->fs, f->node, *pos, buf, len);
	if (n > 0)
		*pos += (uint64_t)n;
	return n;
}

int64_t vfs_file_read(struct vfs *v, struct vfs_file *f, void *buf, size_t len)
{
	(void)v;
	return read_at(f, buf, len, &f->pos, NULL);
}

int64_t vfs_file_write(struct vfs *v, struct vfs_file *f, const void *buf, size_t len)
{
	return write_at(v, f, buf, len, &f->pos);
}

int64_t vfs_read_call(struct vfs_proc *p, int fd, void *buf, size_t len,
		      struct vfs_wait *wait)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	return f ? read_at(f, buf, len, &f->pos, wait) : -UX_EBADF;
}

int64_t vfs_read(struct vfs_proc *p, int fd, void *buf, size_t len)
{
	return vfs_read_call(p, fd, buf, len, NULL);
}

int64_t vfs_write(struct vfs_proc *p, int fd, const void *buf, size_t len)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	return f ? vfs_file_write(p->vfs, f, buf, len) : -UX_EBADF;
}

/* pread64's and pwrite64's checks, in Linux's order: the offset before
 * the descriptor, then whether the file can seek. */
static int64_t positional_file(struct vfs_proc *p, int fd, int64_t off, struct vfs_file **f)
{
	if (off < 0)
		return -UX_EINVAL;
	*f = vfs_fd_file_io(p, fd);
	if (!*f)
		return -UX_EBADF;
	return is_stream(*f) ? -UX_ESPIPE : 0;
}

int64_t vfs_pread64(struct vfs_proc *p, int fd, void *buf, size_t len, int64_t off)
{
	struct vfs_file *f;
	uint64_t pos = (uint64_t)off;
	int64_t r = positional_file(p, fd, off, &f);

	return r ? r : read_at(f, buf, len, &pos, NULL);
}

/* With O_APPEND, Linux's pwrite appends whatever the offset says. */
int64_t vfs_pwrite64(struct vfs_proc *p, int fd, const void *buf, size_t len, int64_t off)
{
	struct vfs_file *f;
	uint64_t pos = (uint64_t)off;
	int64_t r = positional_file(p, fd, off, &f);

	return r ? r : write_at(p->vfs, f, buf, len, &pos);
}

/* base + off, or -EINVAL when negative or past OFF_MAX. */
static int64_t add_offset(uint64_t base, int64_t off)
{
	if (base > OFF_MAX)
		return -UX_EINVAL;
	if (off < 0 ? (uint64_t)-(off + 1) + 1 > base : (uint64_t)off > OFF_MAX - base)
		return -UX_EINVAL;
	return (int64_t)base + off;
}

/* tmpfs keeps no holes: all of a file is data, its end the only hole. */
static int64_t seek_file(struct vfs_file *f, int64_t off, int whence)
{
	uint64_t size = f->node->size;

	switch (whence) {
	case LINUX_SEEK_SET:
		return off < 0 ? -UX_EINVAL : off;
	case LINUX_SEEK_CUR:
		return add_offset(f->pos, off);
	case LINUX_SEEK_END:
		return add_offset(size, off);
	case LINUX_SEEK_DATA:
	case LINUX_SEEK_HOLE:
		if (off < 0 || (uint64_t)off >= size)
			return -UX_ENXIO;
		return whence == LINUX_SEEK_DATA ? off : (int64_t)size;
	default:
		return -UX_EINVAL;
	}
}

/* A directory's position is a readdir cookie: only SEEK_SET and SEEK_CUR. */
static int64_t seek_dir(struct vfs_file *f, int64_t off, int whence)
{
	if (whence == LINUX_SEEK_SET)
		return off < 0 ? -UX_EINVAL : off;
	if (whence == LINUX_SEEK_CUR)
		return add_offset(f->pos, off);
	return -UX_EINVAL;
}

int64_t vfs_lseek(struct vfs_proc *p, int fd, int64_t off, int whence)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);
	int64_t pos;

	if (!f)
		return -UX_EBADF;
	if (whence < 0 || whence > LINUX_SEEK_HOLE)
		return -UX_EINVAL;
	if (f->ops)
		return f->ops->lseek ? f->ops->lseek(f->dev, f, off, whence) : -UX_ESPIPE;
	pos = tmpfs_is_dir(f->node) ? seek_dir(f, off, whence) : seek_file(f, off, whence);
	if (pos >= 0)
		f->pos = (uint64_t)pos;
	return pos;
}
