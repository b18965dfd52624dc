/*
 * chown.c: fchownat (and chown, lchown through it) and fchown, with
 * Linux's rules: -1 keeps an id; root may give any ids; anyone else
 * only its own file, keeping the owner and choosing its own group or
 * the file's (-EPERM). Every chown, even one changing nothing, sets
 * ctime and, on a non-directory, clears S_ISUID, and S_ISGID when the
 * group may execute (else it stays for root or a member of the file's
 * group): the "kill set-id" of Linux's chown_common, for root too.
 */
#include "vfs_internal.h"

#define KEEP TMPFS_ID_KEEP
#define S_ISUID 04000
#define S_ISGID 02000
#define S_IXGRP 00010

/* The owner and mode of a node or of a pipe. */
struct owner {
	uint32_t uid, gid, mode;
};

static int may_chown(const struct vfs_proc *p, const struct owner *o, uint32_t uid, uint32_t gid)
{
	if (p->cred.euid == 0)
		return 0;
	if (uid != KEEP && (p->cred.euid != o->uid || uid != o->uid))
		return -UX_EPERM;
	if (gid != KEEP && (p->cred.euid != o->uid || (gid != o->gid && gid != p->cred.egid)))
		return -UX_EPERM;
	return 0;
}

static uint32_t bits_to_clear(const struct vfs_proc *p, const struct owner *o)
{
	uint32_t clear = S_ISUID;

	if ((o->mode & TMPFS_S_IFMT) == TMPFS_S_IFDIR)
		return 0;
	if ((o->mode & S_IXGRP) || (p->cred.euid != 0 && p->cred.egid != o->gid))
		clear |= S_ISGID;
	return clear;
}

/* n, or the pipe f when n is NULL. */
static int chown_it(struct vfs_proc *p, struct tmpfs_node *n, struct vfs_file *f, uint32_t uid,
		    uint32_t gid)
{
	struct owner o;
	struct tmpfs_stat st;
	int err;

	if (n) {
		o = (struct owner){ n->uid, n->gid, n->mode };
	} else {
		vfs_pipe_stat(f, &st);
		o = (struct owner){ st.uid, st.gid, st.mode };
	}
	err = may_chown(p, &o, uid, gid);
	if (err)
		return err;
	if (n)
		tmpfs_chown(&p->vfs->fs, n, uid, gid, bits_to_clear(p, &o));
	else
		vfs_pipe_chown(p, f, uid, gid, bits_to_clear(p, &o));
	return 0;
}

int vfs_fchownat(struct vfs_proc *p, int dirfd, const char *path, uint32_t uid, uint32_t gid,
		 unsigned flags)
{
	struct tmpfs_node *n;
	struct vfs_file *f;
	int err;

	if (flags & ~(LINUX_AT_SYMLINK_NOFOLLOW | LINUX_AT_EMPTY_PATH))
		return -UX_EINVAL;
	f = vfs_empty_path_pipe(p, dirfd, path, flags);
	if (f)
		return chown_it(p, NULL, f, uid, gid);
	err = vfs_walk(p, dirfd, path, flags, &n);
	return err ? err : chown_it(p, n, NULL, uid, gid);
}

/* Not on an O_PATH descriptor (-EBADF), as Linux's fchown. */
int vfs_fchown(struct vfs_proc *p, int fd, uint32_t uid, uint32_t gid)
{
	struct vfs_file *f = vfs_fd_file_io(p, fd);

	if (!f)
		return -UX_EBADF;
	return chown_it(p, f->node, f, uid, gid);
}
