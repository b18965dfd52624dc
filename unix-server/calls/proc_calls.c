/*
 * proc_calls.c: the process's identity and its end: getpid and friends
 * (everyone is root until credentials exist), process groups and
 * sessions, getresuid/getresgid, prctl's name, umask, exit, exit_group
 * and reboot (power off).
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "mk/exit_code.h"
#include "server/process.h"
#include "server/server.h"

#define LINUX_REBOOT_MAGIC1 0xfee1deadu
#define LINUX_REBOOT_CMD_RESTART   0x01234567u
#define LINUX_REBOOT_CMD_HALT      0xcdef0123u
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedcu
#define LINUX_REBOOT_CMD_CAD_ON    0x89abcdefu
#define LINUX_REBOOT_CMD_CAD_OFF   0x00000000u
#define PR_SET_NAME 15
#define PR_GET_NAME 16

_Static_assert(PROCESS_COMM_MAX == UX_SIZEOF_COMM, "prctl's name is the comm");

int64_t ux_sys_getpid(struct ux_call *c)
{
	return c->proc->pid;
}

int64_t ux_sys_gettid(struct ux_call *c)
{
	return c->proc->pid;    /* one thread per process for now */
}

int64_t ux_sys_getppid(struct ux_call *c)
{
	return c->proc->ppid;
}

/* pid 0 means the caller; another process: -ESRCH unless it exists. */
static struct process *target(struct ux_call *c, int pid)
{
	if (pid == 0)
		return c->proc;
	return pid < 0 ? NULL : process_by_pid(pid);   /* live slots only */
}

int64_t ux_sys_getpgid(struct ux_call *c)
{
	struct process *p = target(c, (int)c->arg[0]);
	return p ? p->pgid : -UX_ESRCH;
}

int64_t ux_sys_getpgrp(struct ux_call *c)
{
	return c->proc->pgid;
}

int64_t ux_sys_getsid(struct ux_call *c)
{
	struct process *p = target(c, (int)c->arg[0]);
	return p ? p->sid : -UX_ESRCH;
}

/* Only the caller's own group so far (no children yet): setpgid(0, 0),
 * setpgid(pid, pid) and the like. */
int64_t ux_sys_setpgid(struct ux_call *c)
{
	int pid = (int)c->arg[0], pgid = (int)c->arg[1];
	struct process *p = c->proc;

	if (pgid < 0)
		return -UX_EINVAL;
	if (pid != 0 && pid != p->pid)
		return -UX_ESRCH;
	if (pgid == 0)
		pgid = p->pid;
	if (p->sid == p->pid)
		return -UX_EPERM;       /* a session leader keeps its group */
	if (pgid != p->pid && !(process_group_in_session(pgid, p->sid)))
		return -UX_EPERM;
	p->pgid = pgid;
	return 0;
}

int64_t ux_sys_setsid(struct ux_call *c)
{
	struct process *p = c->proc;

	if (process_group_in_session(p->pid, -1))
		return -UX_EPERM;       /* already leads a group */
	p->sid = p->pgid = p->pid;
	return p->sid;
}

/* The credentials live with the files (permission checks read them);
 * every process is root until set*id calls exist. */
int64_t ux_sys_getuid(struct ux_call *c)
{
	return c->proc->files->cred.uid;
}

int64_t ux_sys_geteuid(struct ux_call *c)
{
	return c->proc->files->cred.euid;
}

int64_t ux_sys_getgid(struct ux_call *c)
{
	return c->proc->files->cred.gid;
}

int64_t ux_sys_getegid(struct ux_call *c)
{
	return c->proc->files->cred.egid;
}

int64_t ux_sys_getgroups(struct ux_call *c)
{
	if ((int32_t)c->arg[0] < 0)
		return -UX_EINVAL;
	return 0;               /* no supplementary groups */
}

int64_t ux_sys_umask(struct ux_call *c)
{
	return vfs_umask(c->proc->files, (uint32_t)c->arg[0]);
}

int64_t ux_sys_exit(struct ux_call *c)
{
	/* The only thread: the process ends (exit of one of several threads
	 * comes with clone). */
	process_exit(c->proc, (int)(c->arg[0] & 0xff) << 8);
	c->no_reply = true;
	return 0;
}

int64_t ux_sys_exit_group(struct ux_call *c)
{
	return ux_sys_exit(c);
}

int64_t ux_sys_reboot(struct ux_call *c)
{
	uint32_t magic2 = (uint32_t)c->arg[1], cmd = (uint32_t)c->arg[2];

	if ((uint32_t)c->arg[0] != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != 672274793 && magic2 != 85072278 && magic2 != 369367448 &&
	     magic2 != 537993216))
		return -UX_EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART:  /* no reset here: QEMU runs -no-reboot */
		ux_log("pid %d (%s): reboot: power off\n", c->proc->pid, c->proc->comm);
		mk_host_poweroff(native_host_port(), MK_EXIT_POWEROFF);
		return 0;
	default:
		return -UX_EINVAL;
	}
}

/* Saved ids are the effective ones until set*id calls exist. */
static int64_t put_resid(struct ux_call *c, uint32_t real, uint32_t effective)
{
	struct ux_resid ids = { real, effective, effective };
	return call_put(c, &ids, sizeof(ids));
}

int64_t ux_sys_getresuid(struct ux_call *c)
{
	return put_resid(c, c->proc->files->cred.uid, c->proc->files->cred.euid);
}

int64_t ux_sys_getresgid(struct ux_call *c)
{
	return put_resid(c, c->proc->files->cred.gid, c->proc->files->cred.egid);
}

/* The emulator decodes the option and moves the name (its row). */
int64_t ux_sys_prctl(struct ux_call *c)
{
	struct process *p = c->proc;

	switch (c->arg[0]) {
	case PR_SET_NAME:
		if (!c->in[0])
			return -UX_EFAULT;
		memcpy(p->comm, c->in[0], UX_SIZEOF_COMM);
		p->comm[UX_SIZEOF_COMM - 1] = 0;
		return 0;
	case PR_GET_NAME:
		return call_put(c, p->comm, UX_SIZEOF_COMM);
	default:
		return -UX_EINVAL;
	}
}
