/*
 * tmpfs_file.c: file contents and attributes. A regular file's data is
 * one buffer of cap bytes, the bytes past size always zero, so a write
 * past the end or a truncate that grows needs no extra zeroing. Data can
 * be borrowed (cap 0: read-only memory the file system does not own, the
 * initramfs image): the first change that needs more copies it.
 */
#include "tmpfs_internal.h"

int64_t tmpfs_read(struct tmpfs_node *n, uint64_t off, void *buf, size_t len)
{
	if (tmpfs_is_dir(n))
		return -UX_EISDIR;
	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	if (off >= n->size)
		return 0;
	if (len > n->size - off)
		len = n->size - off;
	memcpy(buf, n->u.file.data + off, len);
	return len;
}

/* Makes the data owned and at least need bytes long. */
static int reserve(struct tmpfs *fs, struct tmpfs_node *n, uint64_t need)
{
	size_t cap = n->u.file.cap;
	uint8_t *data;

	if (n->u.file.cap && need <= cap)
		return 0;
	if (need < n->size)
		need = n->size;
	if (need > TMPFS_MAX_FILE_SIZE)
		return -UX_EFBIG;
	cap = cap < 64 ? 64 : cap;
	while (cap < need)
		cap *= 2;
	data = tmpfs_alloc(fs, cap);
	if (!data)
		return -UX_ENOSPC;
	if (n->size)
		memcpy(data, n->u.file.data, n->size);
	memset(data + n->size, 0, cap - n->size);
	tmpfs_free(fs, n->u.file.cap ? n->u.file.data : NULL, n->u.file.cap);
	n->u.file.data = data;
	n->u.file.cap = cap;
	return 0;
}

int64_t tmpfs_write(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off,
		    const void *buf, size_t len)
{
	int err;

	if (tmpfs_is_dir(n))
		return -UX_EISDIR;
	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	if (len == 0)
		return 0;
	if (off >= TMPFS_MAX_FILE_SIZE || len > TMPFS_MAX_FILE_SIZE - off)
		return -UX_EFBIG;
	err = reserve(fs, n, off + len);
	if (err)
		return err;
	memcpy(n->u.file.data + off, buf, len);
	if (off + len > n->size)
		n->size = off + len;
	tmpfs_touch(fs, n);
	return len;
}

int tmpfs_truncate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t size)
{
	int err;

	if (tmpfs_is_dir(n))
		return -UX_EISDIR;
	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	if (size > TMPFS_MAX_FILE_SIZE)
		return -UX_EFBIG;
	if (size > n->size) {
		err = reserve(fs, n, size);
		if (err)
			return err;
	} else if (n->u.file.cap) {
		memset(n->u.file.data + size, 0, n->size - size);
	}
	n->size = size;
	tmpfs_touch(fs, n);
	return 0;
}

int tmpfs_allocate(struct tmpfs *fs, struct tmpfs_node *n, uint64_t end, bool keep_size)
{
	int err;

	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	if (end > TMPFS_MAX_FILE_SIZE)
		return -UX_EFBIG;
	err = reserve(fs, n, end);
	if (err)
		return err;
	if (!keep_size && end > n->size)
		n->size = end;
	tmpfs_touch_ctime(fs, n);       /* Linux's tmpfs leaves mtime */
	return 0;
}

int tmpfs_punch_hole(struct tmpfs *fs, struct tmpfs_node *n, uint64_t off, uint64_t len)
{
	int err;

	if (!tmpfs_is_reg(n))
		return -UX_EINVAL;
	if (off < n->size) {
		uint64_t end = len < n->size - off ? off + len : n->size;
		err = reserve(fs, n, n->size);  /* borrowed data becomes the file's own */
		if (err)
			return err;
		memset(n->u.file.data + off, 0, end - off);
	}
	tmpfs_touch(fs, n);
	return 0;
}

void tmpfs_borrow_data(struct tmpfs_node *n, const void *data, size_t size)
{
	n->u.file.data = (uint8_t *)data;
	n->u.file.cap = 0;
	n->size = size;
}

int tmpfs_readlink(struct tmpfs_node *n, char *buf, size_t len)
{
	if (!tmpfs_is_symlink(n))
		return -UX_EINVAL;
	if (len > n->size)
		len = n->size;
	memcpy(buf, n->u.link.target, len);
	return len;
}

void tmpfs_stat(const struct tmpfs *fs, const struct tmpfs_node *n, struct tmpfs_stat *st)
{
	memset(st, 0, sizeof(*st));
	st->dev = fs->dev;
	st->ino = n->ino;
	st->nlink = n->nlink;
	st->mode = n->mode;
	st->uid = n->uid;
	st->gid = n->gid;
	st->rdev = n->rdev;
	st->size = n->size;
	st->blksize = 4096;
	if (tmpfs_is_reg(n))
		st->blocks = (n->size + 4095) / 4096 * 8;
	st->atime = n->atime;
	st->mtime = n->mtime;
	st->ctime = n->ctime;
}
