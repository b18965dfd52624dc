/*
 * sync.c: fsync, fdatasync, syncfs and fadvise64. Data lives in memory,
 * so there is nothing to write back and no cache to advise: what is
 * left are Linux's checks. fsync is the file's own operation, which a
 * tmpfs file or directory has (a no-op) and pipes and the character
 * devices here lack (-EINVAL); syncfs works on any open file;
 * fadvise64 refuses pipes (-ESPIPE), a negative length and unknown
 * advice (-EINVAL). None of them take an O_PATH descriptor (-EBADF).
 */
#include "vfs_internal.h"

/* fdatasync is this too. */
int vfs_fsync(struct vfs_proc *p, int fd)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	if (!f)
		return -UX_EBADF;
	if (!f->node || !(tmpfs_is_reg(f->node) || tmpfs_is_dir(f->node)))
		return -UX_EINVAL;
	return 0;
}

int vfs_syncfs(struct vfs_proc *p, int fd)
{
	return vfs_fd_file_io(p, fd) ? 0 : -UX_EBADF;
}

int vfs_fadvise64(struct vfs_proc *p, int fd, int64_t offset, int64_t len, int advice)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	(void)offset;
	if (!f)
		return -UX_EBADF;
	if (vfs_file_is_pipe(f))
		return -UX_ESPIPE;
	if (len < 0 || advice < LINUX_POSIX_FADV_NORMAL || advice > LINUX_POSIX_FADV_NOREUSE)
		return -UX_EINVAL;
	return 0;
}
