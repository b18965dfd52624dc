/*
 * vfs.h: the UNIX server's file system call layer over the tmpfs.
 *
 * One function per Linux system call (vfs_openat, vfs_read, ...), each
 * returning >= 0 or a negative Linux errno (-UX_E*) with Linux's meaning
 * and, where several apply, Linux's order. Every argument is the
 * server's own memory: the caller has copied paths and input buffers in
 * from the process (paths NUL-terminated, shorter than 4096 bytes) and
 * copies output buffers back out; nothing here touches a process's
 * memory. Sizes are bounded by the caller; flags, fds, modes and
 * offsets are checked here.
 *
 * Objects:
 *   struct vfs          the file system: a tmpfs root (device nodes live in
 *                       it, see dev/dev.h) and the character device table.
 *   struct vfs_file     an open file description (Linux's struct file):
 *                       node, position, status flags; shared by dup and fork.
 *   struct vfs_fdtable  a process's descriptors: fd -> file + FD_CLOEXEC.
 *   struct vfs_proc     what a process brings to a call: credentials, cwd,
 *                       umask, RLIMIT_NOFILE and its descriptor table.
 *   pipes               node-less files made by vfs_pipe2 (pipe.c).
 *
 * Locking: none inside. The server holds one lock around every vfs_*
 * call (and around the tmpfs under it) for now; a character device's
 * operations are called with that lock held and must not block.
 *
 * A device read or write that has to wait returns -UX_EPARK: never an
 * answer to a process, it tells the server to keep the reply and retry
 * the call later (DESIGN rule 6). On an O_NONBLOCK file the VFS turns it
 * into -UX_EAGAIN itself, so only blocking callers ever see UX_EPARK.
 *
 * Permissions: the checks Linux makes on the final object (open modes,
 * create/remove in a directory, chdir, exec, access) use the caller's
 * credentials with root's overrides; search permission on the
 * directories a path walks through is not checked yet (the tmpfs walk
 * has no hook for it).
 */
#ifndef UX_VFS_VFS_H
#define UX_VFS_VFS_H

#include "../fs/tmpfs.h"
#include "linux_fs.h"

/* Internal "wait and retry" code: see above. Never reaches a process. */
#define UX_EPARK 1000

#define VFS_NOFILE_DEFAULT 1024         /* RLIMIT_NOFILE soft limit */
#define VFS_NOFILE_MAX     (1 << 20)    /* Linux's nr_open: ceiling for any limit */
#define VFS_CHARDEV_MAX    32

struct vfs_file;

/*
 * A character device driver. dev is the context given at registration;
 * f->priv is the driver's own. open runs with f->flags holding all the
 * open flags (O_NOCTTY included: F_GETFL drops it afterwards), release
 * when the last reference to the file goes, and a failed open has no
 * release. Every pointer may be NULL: no open/release hook; read/write give
 * -EINVAL; ioctl gives -ENOTTY; poll means always readable and
 * writable; lseek NULL makes the device a stream (lseek, pread and
 * pwrite give -ESPIPE). read/write may return -UX_EPARK.
 *
 * read: wait is the call behind the read (NULL when there is none, as
 * for pread): a driver whose read parks with a deadline (a terminal's
 * VTIME) reads wait->since_ns and sets wait->timed.
 *
 * ioctl: buf is the server's copy of the len bytes at the process's arg
 * address, for the commands whose argument is a pointer (the caller
 * knows each command's size and direction, copies in before and out
 * after); arg is the raw argument for commands that take a value.
 */
/* A read that may park, as its system call sees it: parked calls are
 * handled afresh each time they are tried again (DESIGN rule 6), so the
 * time they began is what a deadline counts from. */
struct vfs_wait {
	uint64_t since_ns;      /* when the call first came (ux_now_ns) */
	bool timed;             /* set by the driver: it parked with a deadline,
				 * so try it again as time passes, not only on
				 * events */
};

struct vfs_chardev_ops {
	int (*open)(void *dev, struct vfs_file *f);
	void (*release)(void *dev, struct vfs_file *f);
	int64_t (*read)(void *dev, struct vfs_file *f, void *buf, size_t len,
			struct vfs_wait *wait);
	int64_t (*write)(void *dev, struct vfs_file *f, const void *buf, size_t len);
	int64_t (*ioctl)(void *dev, struct vfs_file *f, unsigned cmd, uint64_t arg,
			 void *buf, size_t len);
	unsigned (*poll)(void *dev, struct vfs_file *f);        /* LINUX_POLL* bits */
	int64_t (*lseek)(void *dev, struct vfs_file *f, int64_t off, int whence);
};

struct vfs_chardev {
	uint32_t major, minor;
	const struct vfs_chardev_ops *ops;      /* NULL: free slot */
	void *dev;
};

struct vfs {
	struct tmpfs fs;
	struct vfs_chardev chardevs[VFS_CHARDEV_MAX];
	uint64_t mnt_id;        /* statx's stx_mnt_id of the root */
	uint64_t files;         /* live open file descriptions, for leak checks */
	uint64_t fdtables;      /* live descriptor tables, for leak checks */
	uint64_t pipe_ino;      /* the last pipe's inode number */
	bool wakeup;            /* a pipe or device changed: see vfs_wake */
};

/*
 * An open file description. node is NULL for a pipe end (ops and priv
 * are the pipe's then). refs counts descriptors in any table plus
 * calls in progress (a parked read holds one). flags is what F_GETFL
 * reports: access mode (O_RDONLY, O_WRONLY, O_RDWR, or 3 = neither) and
 * status flags; O_PATH files can only be stat'ed, dup'ed, closed, and
 * used as a directory fd.
 */
struct vfs_file {
	uint32_t refs;
	uint32_t flags;
	uint64_t pos;                           /* for a directory: readdir cookie */
	struct tmpfs_node *node;                /* referenced */
	const struct vfs_chardev_ops *ops;      /* character devices only */
	void *dev;                              /* the driver's registration context */
	void *priv;                             /* the driver's per-open state */
};

struct vfs_fd {
	struct vfs_file *file;                  /* NULL: free */
	uint32_t flags;                         /* LINUX_FD_CLOEXEC */
};

/* Grows in powers of two up to the process's RLIMIT_NOFILE. */
struct vfs_fdtable {
	struct vfs_fd *fds;
	uint32_t cap;
};

struct vfs_cred {
	uint32_t uid, gid;              /* real: access() checks these */
	uint32_t euid, egid;            /* effective: everything else */
};

struct vfs_proc {
	struct vfs *vfs;
	struct vfs_cred cred;
	struct tmpfs_node *cwd;         /* referenced */
	uint32_t umask;
	uint32_t nofile;                /* RLIMIT_NOFILE soft limit: fds are below it */
	struct vfs_fdtable *fds;        /* owned */
};

/* The file system (vfs.c). env and dev as for tmpfs_init. */
int vfs_init(struct vfs *v, const struct tmpfs_env *env, uint64_t dev);
void vfs_destroy(struct vfs *v);        /* after every process is released */

/* Character devices (chardev.c). -EBUSY if taken, -ENOSPC if the table is full. */
int vfs_chardev_register(struct vfs *v, uint32_t major, uint32_t minor,
			 const struct vfs_chardev_ops *ops, void *dev);
const struct vfs_chardev *vfs_chardev_find(const struct vfs *v, uint64_t rdev);

/*
 * Processes (proc.c). init: root cwd, umask 022, uid 0, no fds. fork:
 * the child shares the parent's open files (refs) with a copy of its
 * table, cwd, umask, credentials and limit. exec: closes the FD_CLOEXEC
 * descriptors. release: closes everything (exit). -ENOMEM on failure.
 */
int vfs_proc_init(struct vfs_proc *p, struct vfs *v);
int vfs_proc_fork(struct vfs_proc *child, const struct vfs_proc *parent);
void vfs_proc_exec(struct vfs_proc *p);
void vfs_proc_release(struct vfs_proc *p);

/*
 * Open files for callers that keep one across a park (file.c):
 * vfs_fget takes a reference on fd's file (-EBADF; O_PATH files too),
 * vfs_file_put drops one. vfs_fd_install puts a new file (the caller's
 * reference moves into the table) at the lowest free fd >= min, for
 * pipes and the like: returns the fd or -EMFILE/-ENOMEM.
 */
int vfs_fget(struct vfs_proc *p, int fd, struct vfs_file **out);
void vfs_file_get(struct vfs_file *f);
void vfs_file_put(struct vfs *v, struct vfs_file *f);
int vfs_fd_install(struct vfs_proc *p, struct vfs_file *f, int min, bool cloexec);

/* The same calls on a file the caller holds (rw.c). */
int64_t vfs_file_read(struct vfs *v, struct vfs_file *f, void *buf, size_t len);
int64_t vfs_file_write(struct vfs *v, struct vfs_file *f, const void *buf, size_t len);

/*
 * A path to a referenced node, for exec and the like (lookup.c):
 * at_flags LINUX_AT_SYMLINK_NOFOLLOW and LINUX_AT_EMPTY_PATH.
 * vfs_may_exec: 0 if p may execute n (a regular file with an x bit it
 * may use), else -EACCES.
 */
int vfs_lookup(struct vfs_proc *p, int dirfd, const char *path, unsigned at_flags,
	       struct tmpfs_node **out);
void vfs_node_put(struct vfs *v, struct tmpfs_node *n);
int vfs_may_exec(const struct vfs_proc *p, const struct tmpfs_node *n);

/* System calls. The old ones (open, stat, mkdir, ...) are these with AT_FDCWD. */
int vfs_openat(struct vfs_proc *p, int dirfd, const char *path, uint32_t flags, uint32_t mode);
int vfs_close(struct vfs_proc *p, int fd);
int64_t vfs_read(struct vfs_proc *p, int fd, void *buf, size_t len);
/* read(2) for a system call that can be tried again later (wait: see
 * struct vfs_wait); vfs_read is this with no call behind it, where a
 * read needing a deadline parks until an event. */
int64_t vfs_read_call(struct vfs_proc *p, int fd, void *buf, size_t len,
		      struct vfs_wait *wait);
int64_t vfs_write(struct vfs_proc *p, int fd, const void *buf, size_t len);
int64_t vfs_pread64(struct vfs_proc *p, int fd, void *buf, size_t len, int64_t off);
int64_t vfs_pwrite64(struct vfs_proc *p, int fd, const void *buf, size_t len, int64_t off);
int64_t vfs_lseek(struct vfs_proc *p, int fd, int64_t off, int whence);
int64_t vfs_ioctl(struct vfs_proc *p, int fd, unsigned cmd, uint64_t arg, void *buf, size_t len);
/* poll(2) for one fd: the ready bits of events (plus POLLERR/POLLHUP), POLLNVAL if fd is bad. */
unsigned vfs_poll(struct vfs_proc *p, int fd, unsigned events);

/*
 * Pipes (pipe.c), as Linux's pipe(7): fds[0] reads, fds[1] writes, at
 * the two lowest free fds. flags: O_CLOEXEC, O_NONBLOCK, O_DIRECT
 * (packet mode), else -EINVAL (O_NOTIFICATION_PIPE: -ENOPKG, there are
 * no watch queues); -EMFILE unless two fds are free (nothing made
 * then), -ENOMEM. Reads and writes that must wait give -UX_EPARK having
 * moved nothing, so a retry from scratch is exact; a write with no
 * reader gives -EPIPE (the caller is to send SIGPIPE).
 *
 * vfs_wake: a pipe or a device changed so that a parked call may now
 * finish (pipes: data written or read, an end closed, the size changed;
 * a terminal: input, a mode change). vfs_take_wakeup: true (and clears
 * it) when something woke since the last call: the server retries the
 * parked calls then, from its own loop, never from inside a driver.
 */
int vfs_pipe2(struct vfs_proc *p, int fds[2], uint32_t flags);
void vfs_wake(struct vfs *v);
bool vfs_take_wakeup(struct vfs *v);

int vfs_fstat(struct vfs_proc *p, int fd, struct linux_stat *st);
int vfs_newfstatat(struct vfs_proc *p, int dirfd, const char *path, struct linux_stat *st,
		   unsigned flags);
int vfs_statx(struct vfs_proc *p, int dirfd, const char *path, unsigned flags, unsigned mask,
	      struct linux_statx *stx);
/* Fills buf with whole records; returns bytes used, 0 at the end. */
int64_t vfs_getdents64(struct vfs_proc *p, int fd, void *buf, size_t size);

int64_t vfs_fcntl(struct vfs_proc *p, int fd, unsigned cmd, uint64_t arg);
int vfs_dup(struct vfs_proc *p, int fd);
int vfs_dup2(struct vfs_proc *p, int oldfd, int newfd);
int vfs_dup3(struct vfs_proc *p, int oldfd, int newfd, uint32_t flags);

/* faccessat is faccessat2 with flags 0. */
int vfs_faccessat2(struct vfs_proc *p, int dirfd, const char *path, unsigned mode,
		   unsigned flags);
/* Returns the length with the NUL, as the system call does. */
int vfs_getcwd(struct vfs_proc *p, char *buf, size_t size);
int vfs_chdir(struct vfs_proc *p, const char *path);
int vfs_fchdir(struct vfs_proc *p, int fd);
uint32_t vfs_umask(struct vfs_proc *p, uint32_t mask);

int vfs_mkdirat(struct vfs_proc *p, int dirfd, const char *path, uint32_t mode);
int vfs_unlinkat(struct vfs_proc *p, int dirfd, const char *path, unsigned flags);
int vfs_renameat2(struct vfs_proc *p, int olddirfd, const char *oldpath, int newdirfd,
		  const char *newpath, unsigned flags);
int vfs_linkat(struct vfs_proc *p, int olddirfd, const char *oldpath, int newdirfd,
	       const char *newpath, unsigned flags);
int vfs_symlinkat(struct vfs_proc *p, const char *target, int newdirfd, const char *linkpath);
/* buf holds min(bufsiz, 4096) bytes; no NUL is added. */
int vfs_readlinkat(struct vfs_proc *p, int dirfd, const char *path, char *buf, int64_t bufsiz);

int vfs_truncate(struct vfs_proc *p, const char *path, int64_t length);
int vfs_ftruncate(struct vfs_proc *p, int fd, int64_t length);
/* fchmodat is this with flags 0; fchmodat2 passes its flags. */
int vfs_fchmodat(struct vfs_proc *p, int dirfd, const char *path, uint32_t mode, unsigned flags);
int vfs_fchmod(struct vfs_proc *p, int fd, uint32_t mode);

/* utimensat (utimes.c): times NULL means now for both; path NULL with a
 * dirfd other than AT_FDCWD is the descriptor itself (futimens). The
 * handlers of utimes, utime and futimesat convert their times to this. */
int vfs_utimensat(struct vfs_proc *p, int dirfd, const char *path,
		  const struct linux_timespec *times, unsigned flags);
/* chown.c: uid or gid (uint32_t)-1 keeps it. chown and lchown are
 * fchownat with AT_FDCWD and flags 0 / AT_SYMLINK_NOFOLLOW. */
int vfs_fchownat(struct vfs_proc *p, int dirfd, const char *path, uint32_t uid, uint32_t gid,
		 unsigned flags);
int vfs_fchown(struct vfs_proc *p, int fd, uint32_t uid, uint32_t gid);
int vfs_statfs(struct vfs_proc *p, const char *path, struct linux_statfs *sf);
int vfs_fstatfs(struct vfs_proc *p, int fd, struct linux_statfs *sf);
/* sync.c: fdatasync is vfs_fsync; sync(2) has nothing to do. */
int vfs_fsync(struct vfs_proc *p, int fd);
int vfs_syncfs(struct vfs_proc *p, int fd);
int vfs_fadvise64(struct vfs_proc *p, int fd, int64_t offset, int64_t len, int advice);
/* fallocate.c: allocating (mode 0, FALLOC_FL_KEEP_SIZE) and punching holes
 * (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE) in a regular file, as
 * Linux's tmpfs does; the other operations are -EOPNOTSUPP there too. */
int vfs_fallocate(struct vfs_proc *p, int fd, int mode, int64_t offset, int64_t len);

#endif
