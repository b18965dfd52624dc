/*
 * fdtable.c: a process's descriptor table: fd -> open file + FD_CLOEXEC.
 * The table is an array grown in powers of two (64 first) up to the
 * process's RLIMIT_NOFILE; a free slot has file NULL. Allocation is
 * always the lowest free fd, as Linux. Callers that create something
 * reserve the fd first (vfs_fd_reserve), do the work, then vfs_fd_set,
 * which cannot fail: so EMFILE comes before any other error and a
 * failure never leaves a half-made descriptor.
 */
#include "vfs_internal.h"

#define FDTABLE_MIN_CAP 64

struct vfs_fdtable *vfs_fdtable_new(struct vfs *v, const struct vfs_fdtable *copy)
{
	struct vfs_fdtable *t = vfs_alloc(v, sizeof(*t));
	uint32_t cap = copy ? copy->cap : 0;

	if (!t)
		return NULL;
	t->cap = cap;
	t->fds = NULL;
	if (cap) {
		t->fds = vfs_alloc(v, cap * sizeof(*t->fds));
		if (!t->fds) {
			vfs_free(v, t, sizeof(*t));
			return NULL;
		}
		memcpy(t->fds, copy->fds, cap * sizeof(*t->fds));
		for (uint32_t i = 0; i < cap; i++)
			if (t->fds[i].file)
				vfs_file_get(t->fds[i].file);
	}
	v->fdtables++;
	return t;
}

void vfs_fdtable_free(struct vfs *v, struct vfs_fdtable *t)
{
	for (uint32_t i = 0; i < t->cap; i++)
		if (t->fds[i].file)
			vfs_file_put(v, t->fds[i].file);
	if (t->fds)
		vfs_free(v, t->fds, t->cap * sizeof(*t->fds));
	vfs_free(v, t, sizeof(*t));
	v->fdtables--;
}

struct vfs_fd *vfs_fd_slot(struct vfs_proc *p, int fd)
{
	struct vfs_fdtable *t = p->fds;

	if (fd < 0 || (uint32_t)fd >= t->cap || !t->fds[fd].file)
		return NULL;
	return &t->fds[fd];
}

int vfs_fd_grow(struct vfs_proc *p, uint32_t fd)
{
	struct vfs_fdtable *t = p->fds;
	struct vfs_fd *fds;
	uint32_t cap = t->cap ? t->cap : FDTABLE_MIN_CAP;

	if (fd < t->cap)
		return 0;
	while (cap <= fd)
		cap *= 2;
	fds = vfs_alloc(p->vfs, cap * sizeof(*fds));
	if (!fds)
		return -UX_ENOMEM;
	memset(fds, 0, cap * sizeof(*fds));
	if (t->cap) {
		memcpy(fds, t->fds, t->cap * sizeof(*fds));
		vfs_free(p->vfs, t->fds, t->cap * sizeof(*fds));
	}
	t->fds = fds;
	t->cap = cap;
	return 0;
}

int vfs_fd_reserve(struct vfs_proc *p, uint32_t min)
{
	struct vfs_fdtable *t = p->fds;
	uint32_t fd = min;
	int err;

	while (fd < t->cap && t->fds[fd].file)
		fd++;
	if (fd >= p->nofile)
		return -UX_EMFILE;
	err = vfs_fd_grow(p, fd);
	return err ? err : (int)fd;
}

void vfs_fd_set(struct vfs_proc *p, int fd, struct vfs_file *f, uint32_t fd_flags)
{
	struct vfs_fd *slot = &p->fds->fds[fd];
	struct vfs_file *old = slot->file;

	slot->file = f;
	slot->flags = fd_flags & LINUX_FD_CLOEXEC;
	if (old)
		vfs_file_put(p->vfs, old);
}

void vfs_fd_close_slot(struct vfs_proc *p, struct vfs_fd *slot)
{
	struct vfs_file *f = slot->file;

	slot->file = NULL;
	slot->flags = 0;
	vfs_file_put(p->vfs, f);
}

int vfs_fd_install(struct vfs_proc *p, struct vfs_file *f, int min, bool cloexec)
{
	int fd;

	if (min < 0)
		return -UX_EINVAL;
	fd = vfs_fd_reserve(p, (uint32_t)min);
	if (fd < 0)
		return fd;
	vfs_fd_set(p, fd, f, cloexec ? LINUX_FD_CLOEXEC : 0);
	return fd;
}

int vfs_close(struct vfs_proc *p, int fd)
{
	struct vfs_fd *slot = vfs_fd_slot(p, fd);

	if (!slot)
		return -UX_EBADF;
	vfs_fd_close_slot(p, slot);
	return 0;
}

void vfs_proc_exec(struct vfs_proc *p)
{
	struct vfs_fdtable *t = p->fds;

	for (uint32_t i = 0; i < t->cap; i++)
		if (t->fds[i].file && (t->fds[i].flags & LINUX_FD_CLOEXEC))
			vfs_fd_close_slot(p, &t->fds[i]);
}
