/*
 * perm.c: permission checks on one node, Linux's generic_permission
 * without ACLs or capabilities beyond root's: uid 0 may read and write
 * anything and search any directory, but executes a file only if some
 * x bit is set. Everyone else gets the owner, group or other bits.
 */
#include "vfs_internal.h"

int vfs_permission(uint32_t uid, uint32_t gid, const struct tmpfs_node *n, int mask)
{
	uint32_t mode = n->mode;

	if (uid == 0) {
		if (!(mask & VFS_MAY_EXEC) || tmpfs_is_dir(n) || (mode & 0111))
			return 0;
		return -UX_EACCES;
	}
	if (uid == n->uid)
		mode >>= 6;
	else if (gid == n->gid)
		mode >>= 3;
	return ((uint32_t)mask & ~mode & 7) ? -UX_EACCES : 0;
}

int vfs_may_change_dir(const struct vfs_proc *p, const struct tmpfs_node *dir)
{
	return vfs_permission(p->cred.euid, p->cred.egid, dir, VFS_MAY_WRITE | VFS_MAY_EXEC);
}

int vfs_may_exec(const struct vfs_proc *p, const struct tmpfs_node *n)
{
	if (!tmpfs_is_reg(n))
		return -UX_EACCES;
	return vfs_permission(p->cred.euid, p->cred.egid, n, VFS_MAY_EXEC);
}

/*
 * Owner of a new node in dir (Linux's inode_init_owner): the caller's
 * euid, and its egid unless dir is setgid: then dir's group, and a new
 * directory is setgid too.
 */
void vfs_new_owner(const struct vfs_proc *p, const struct tmpfs_node *dir, bool is_dir,
		   uint32_t *perm, uint32_t *uid, uint32_t *gid)
{
	*uid = p->cred.euid;
	*gid = p->cred.egid;
	if (!(dir->mode & LINUX_S_ISGID))
		return;
	*gid = dir->gid;
	if (is_dir)
		*perm |= LINUX_S_ISGID;
}
