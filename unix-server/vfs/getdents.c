/*
 * getdents.c: getdents64: as many whole struct linux_dirent64 records
 * as fit (19-byte header, name, NUL, padded to 8 bytes), d_off the
 * tmpfs cookie to resume after the entry, which also becomes the file
 * position. -EINVAL when not even the first record fits; 0 at the end.
 */
#include "vfs_internal.h"

#define DIRENT_NAME_OFFSET __builtin_offsetof(struct linux_dirent64, d_name)

struct fill {
	uint8_t *buf;
	size_t size, used;
	uint64_t pos;           /* resume position after the last record taken */
	bool full;              /* stopped at a record that did not fit */
};

static int fill_one(void *arg, const char *name, size_t len, uint64_t ino, unsigned type,
		    uint64_t next_pos)
{
	struct fill *fl = arg;
	size_t reclen = (DIRENT_NAME_OFFSET + len + 1 + 7) & ~(size_t)7;
	struct linux_dirent64 d;
	uint8_t *rec = fl->buf + fl->used;

	if (reclen > fl->size - fl->used) {
		fl->full = true;
		return 1;
	}
	d.d_ino = ino;
	d.d_off = (int64_t)next_pos;
	d.d_reclen = (uint16_t)reclen;
	d.d_type = (uint8_t)type;
	memcpy(rec, &d, DIRENT_NAME_OFFSET);
	memcpy(rec + DIRENT_NAME_OFFSET, name, len);
	memset(rec + DIRENT_NAME_OFFSET + len, 0, reclen - DIRENT_NAME_OFFSET - len);
	fl->used += reclen;
	fl->pos = next_pos;
	return 0;
}

int64_t vfs_getdents64(struct vfs_proc *p, int fd, void *buf, size_t size)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);
	struct fill fl = { buf, size, 0, 0, false };
	int err;

	if (!f)
		return -UX_EBADF;
	if (!f->node || !tmpfs_is_dir(f->node))
		return -UX_ENOTDIR;
	fl.pos = f->pos;
	err = tmpfs_readdir(f->node, f->pos, fill_one, &fl);
	if (err)
		return err;
	if (fl.used == 0 && fl.full)
		return -UX_EINVAL;
	f->pos = fl.pos;
	return (int64_t)fl.used;
}
