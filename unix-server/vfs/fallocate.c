/*
 * fallocate.c: fallocate(2) on the tmpfs. Linux checks the arguments in
 * the order kept here (vfs_fallocate: the range, the mode's bits and
 * their combinations, then the file: open for writing, not a pipe, not a
 * directory, a regular file, the end within reach), and its tmpfs then
 * does only two of the operations: allocate (the size grows unless
 * FALLOC_FL_KEEP_SIZE) and punch a hole (with KEEP_SIZE); zeroing,
 * collapsing, inserting, unsharing and write-zeroes are -EOPNOTSUPP.
 */
#include "vfs_internal.h"

#define KEEP_SIZE LINUX_FALLOC_FL_KEEP_SIZE
#define PUNCH     LINUX_FALLOC_FL_PUNCH_HOLE
#define COLLAPSE  LINUX_FALLOC_FL_COLLAPSE_RANGE
#define ZERO      LINUX_FALLOC_FL_ZERO_RANGE
#define INSERT    LINUX_FALLOC_FL_INSERT_RANGE
#define UNSHARE   LINUX_FALLOC_FL_UNSHARE_RANGE
#define WRITE_ZEROES LINUX_FALLOC_FL_WRITE_ZEROES
#define MODE_MASK (PUNCH | COLLAPSE | ZERO | INSERT | UNSHARE | WRITE_ZEROES)

/* The mode alone: 0 or the error Linux gives it on any file. Modes are
 * exclusive (several mode bits: -EOPNOTSUPP, as since Linux's rewrite of
 * these checks; 6.1 said -EINVAL for some mixes); KEEP_SIZE is a flag
 * that punching needs and collapse, insert and write-zeroes refuse. */
static int check_mode(int mode)
{
	if (mode & ~(MODE_MASK | KEEP_SIZE))
		return -UX_EOPNOTSUPP;
	switch (mode & MODE_MASK) {
	case 0:                 /* allocate */
	case UNSHARE:
	case ZERO:
		return 0;
	case PUNCH:
		return mode & KEEP_SIZE ? 0 : -UX_EOPNOTSUPP;
	case COLLAPSE:
	case INSERT:
	case WRITE_ZEROES:
		return mode & KEEP_SIZE ? -UX_EOPNOTSUPP : 0;
	default:
		return -UX_EOPNOTSUPP;
	}
}

int vfs_fallocate(struct vfs_proc *p, int fd, int mode, int64_t offset, int64_t len)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);
	int err;

	if (!f)
		return -UX_EBADF;
	if (offset < 0 || len <= 0)
		return -UX_EINVAL;
	err = check_mode(mode);
	if (err)
		return err;
	if (!vfs_file_writable(f))
		return -UX_EBADF;
	if (vfs_file_is_pipe(f))
		return -UX_ESPIPE;
	if (f->node && tmpfs_is_dir(f->node))
		return -UX_EISDIR;
	if (!f->node || !tmpfs_is_reg(f->node))
		return -UX_ENODEV;              /* a device */
	if (len > INT64_MAX - offset || (uint64_t)(offset + len) > TMPFS_MAX_FILE_SIZE)
		return -UX_EFBIG;
	if (mode & ~(KEEP_SIZE | PUNCH))
		return -UX_EOPNOTSUPP;
	if (mode & PUNCH)
		return tmpfs_punch_hole(&p->vfs->fs, f->node, (uint64_t)offset, (uint64_t)len);
	return tmpfs_allocate(&p->vfs->fs, f->node, (uint64_t)(offset + len), mode & KEEP_SIZE);
}
