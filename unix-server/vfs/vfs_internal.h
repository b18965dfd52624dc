/*
 * vfs_internal.h: what the files of vfs/ share and nothing else uses:
 * descriptor slots, file allocation, path resolution against a process's
 * cwd and dirfds, permission checks.
 */
#ifndef UX_VFS_VFS_INTERNAL_H
#define UX_VFS_VFS_INTERNAL_H

#include "vfs.h"

#define VFS_MAY_EXEC  1
#define VFS_MAY_WRITE 2
#define VFS_MAY_READ  4

static inline void *vfs_alloc(struct vfs *v, size_t size)
{
	return v->fs.env.alloc(v->fs.env.ctx, size);
}

static inline void vfs_free(struct vfs *v, void *p, size_t size)
{
	v->fs.env.free(v->fs.env.ctx, p, size);
}

void vfs_now(struct vfs *v, struct tmpfs_time *t);

/* Descriptor tables (fdtable.c). */
struct vfs_fdtable *vfs_fdtable_new(struct vfs *v, const struct vfs_fdtable *copy);
void vfs_fdtable_free(struct vfs *v, struct vfs_fdtable *t);
struct vfs_fd *vfs_fd_slot(struct vfs_proc *p, int fd);         /* NULL unless open */
/* The lowest free fd >= min below the limit, with the table grown to
 * hold it; nothing is taken yet. -EMFILE or -ENOMEM. */
int vfs_fd_reserve(struct vfs_proc *p, uint32_t min);
/* Grows the table to hold fd (below the limit). 0 or -ENOMEM. */
int vfs_fd_grow(struct vfs_proc *p, uint32_t fd);
/* Puts f (the caller's reference) at a held fd, closing what was there. */
void vfs_fd_set(struct vfs_proc *p, int fd, struct vfs_file *f, uint32_t fd_flags);
void vfs_fd_close_slot(struct vfs_proc *p, struct vfs_fd *slot);

/* Open file descriptions (file.c). */
struct vfs_file *vfs_file_alloc(struct vfs *v);                 /* refs 1, no node */
/* fd's file without a reference (the caller holds the lock); io: not O_PATH. */
struct vfs_file *vfs_fd_file(struct vfs_proc *p, int fd);
struct vfs_file *vfs_fd_file_io(struct vfs_proc *p, int fd);
bool vfs_file_readable(const struct vfs_file *f);
bool vfs_file_writable(const struct vfs_file *f);

static inline bool vfs_file_is_path(const struct vfs_file *f)
{
	return f->flags & LINUX_O_PATH;
}

/*
 * Pipes (pipe.c): what the generic calls need for a pipe end, which has
 * no node. Its attributes are pipe.c's (st_dev VFS_PIPE_DEV, statx's
 * mount id VFS_PIPE_MNT_ID: Linux's pipefs). vfs_pipe_fcntl answers
 * F_GETPIPE_SZ and F_SETPIPE_SZ, -EBADF when f is no pipe (as Linux).
 */
#define VFS_PIPE_DEV    linux_makedev(0, 15)
#define VFS_PIPE_MNT_ID 2
bool vfs_file_is_pipe(const struct vfs_file *f);
void vfs_pipe_stat(const struct vfs_file *f, struct tmpfs_stat *st);
int vfs_pipe_chmod(struct vfs_proc *p, struct vfs_file *f, uint32_t mode);
/* utimensat and fchown on a pipe (its owner: vfs_pipe_stat): the VFS
 * has checked who may; ids and times as tmpfs_chown and tmpfs_set_times
 * take them. */
int vfs_pipe_set_times(struct vfs_proc *p, struct vfs_file *f, const struct tmpfs_time *atime,
		       const struct tmpfs_time *mtime);
void vfs_pipe_chown(struct vfs_proc *p, struct vfs_file *f, uint32_t uid, uint32_t gid,
		    uint32_t clear_mode);
int64_t vfs_pipe_fcntl(struct vfs_proc *p, struct vfs_file *f, unsigned cmd, uint64_t arg);

/* Paths (lookup.c). Results are not referenced: they are good while the lock is held. */
struct vfs_name {
	struct tmpfs_node *dir;
	const char *name;
	size_t len;
	bool slash;             /* the path ended in '/' */
};
int vfs_walk(struct vfs_proc *p, int dirfd, const char *path, unsigned at_flags,
	     struct tmpfs_node **out);
int vfs_walk_parent(struct vfs_proc *p, int dirfd, const char *path, struct vfs_name *nm);
/* The start directory for a walk of path (see lookup.c). */
int vfs_start_dir(struct vfs_proc *p, int dirfd, const char *path, struct tmpfs_node **out);
bool vfs_name_is_dots(const struct vfs_name *nm);
/* dirfd's pipe when path is empty and at_flags has AT_EMPTY_PATH, else NULL. */
struct vfs_file *vfs_empty_path_pipe(struct vfs_proc *p, int dirfd, const char *path,
				     unsigned at_flags);

/* Permissions (perm.c): 0 or -EACCES for a mask of VFS_MAY_*. */
int vfs_permission(uint32_t uid, uint32_t gid, const struct tmpfs_node *n, int mask);
/* Write and search permission on dir, to add or remove a name in it. */
int vfs_may_change_dir(const struct vfs_proc *p, const struct tmpfs_node *dir);
/* Owner of a node made in dir; perm gains S_ISGID for a directory in a setgid one. */
void vfs_new_owner(const struct vfs_proc *p, const struct tmpfs_node *dir, bool is_dir,
		   uint32_t *perm, uint32_t *uid, uint32_t *gid);

#endif
