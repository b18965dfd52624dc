/*
 * signal_calls.c: the signal calls: rt_sigaction and rt_sigprocmask with
 * Linux's checks, kill, tkill, tgkill, rt_sigsuspend, pause and
 * rt_sigpending. Sending and the default actions are server/signal.c; a
 * handler runs from the emulator (emulator/local/signal.c); a fault ends
 * the process as an unhandled signal would (server/exception.c).
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "server/process.h"

#define SIGKILL 9
#define SIGSTOP 19
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define UNBLOCKABLE ((1ull << (SIGKILL - 1)) | (1ull << (SIGSTOP - 1)))

/* The sa_flags Linux keeps (its UAPI_SA_FLAGS on x86-64): SA_NOCLDSTOP,
 * SA_NOCLDWAIT, SA_SIGINFO, SA_EXPOSE_TAGBITS, SA_RESTORER, SA_ONSTACK,
 * SA_RESTART, SA_NODEFER, SA_RESETHAND. Other bits are cleared when the
 * action is stored, so that an app can tell a flag is not supported (the
 * point of SA_UNSUPPORTED, 0x400). */
#define KNOWN_SA_FLAGS 0xdc000807ull

int64_t ux_sys_rt_sigaction(struct ux_call *c)
{
	uint64_t sig = c->arg[0];
	struct process *p = c->proc;

	if (c->arg[3] != UX_SIZEOF_SIGSET || sig < 1 || sig > PROCESS_SIGNALS)
		return -UX_EINVAL;
	if (c->in[0] && (sig == SIGKILL || sig == SIGSTOP))
		return -UX_EINVAL;
	if (c->arg[2]) {
		if (c->out_cap < UX_SIZEOF_SIGACTION)
			return -UX_EFAULT;
		memcpy(c->out, &p->sigactions[sig - 1], UX_SIZEOF_SIGACTION);
		c->out_len = UX_SIZEOF_SIGACTION;
	}
	if (c->in[0]) {
		memcpy(&p->sigactions[sig - 1], c->in[0], UX_SIZEOF_SIGACTION);
		p->sigactions[sig - 1].flags &= KNOWN_SA_FLAGS;
		p->sigactions[sig - 1].mask &= ~UNBLOCKABLE;
		signal_drop_ignored(p); /* a pending signal now ignored is dropped */
	}
	return 0;
}

int64_t ux_sys_rt_sigprocmask(struct ux_call *c)
{
	struct process *p = c->proc;
	uint64_t set;

	if (c->arg[3] != UX_SIZEOF_SIGSET)
		return -UX_EINVAL;
	if (c->in[0] && c->arg[0] > SIG_SETMASK)
		return -UX_EINVAL;
	if (c->arg[2]) {
		if (c->out_cap < UX_SIZEOF_SIGSET)
			return -UX_EFAULT;
		memcpy(c->out, &p->sigmask, UX_SIZEOF_SIGSET);
		c->out_len = UX_SIZEOF_SIGSET;
	}
	if (c->in[0]) {
		memcpy(&set, c->in[0], sizeof(set));
		if (c->arg[0] == SIG_BLOCK)
			p->sigmask |= set;
		else if (c->arg[0] == SIG_UNBLOCK)
			p->sigmask &= ~set;
		else
			p->sigmask = set;
		p->sigmask &= ~UNBLOCKABLE;
		signal_check(p);
	}
	return 0;
}

/* kill's and tgkill's siginfo: SI_USER from the caller. */
static struct signal_info from_caller(const struct process *p)
{
	return (struct signal_info){ .code = SIGNAL_SI_USER, .pid = p->pid,
				     .uid = p->files->cred.uid };
}

/* Whether kill's pid selects q (the caller is self, in group pgid). */
static bool kill_selects(int pid, const struct process *q, const struct process *self, int pgid)
{
	if (pid > 0)
		return q->pid == pid;
	if (pid == 0)
		return q->pgid == pgid;
	if (pid == -1)
		return q->pid != 1 && q != self;
	return q->pgid == -pid;
}

/* Linux's order: the targets first (ESRCH), then the signal (EINVAL).
 * The caller is signalled last: its default action may end it. */
int64_t ux_sys_kill(struct ux_call *c)
{
	struct process *self = c->proc;
	int pid = arg_int(c->arg[0]), sig = arg_int(c->arg[1]), pgid = self->pgid;
	int found = 0, self_selected = 0;
	struct signal_info info = from_caller(self);

	if (pid == INT32_MIN)
		return -UX_ESRCH;
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *q = process_slot(i);
		if (q->state != PROCESS_FREE && kill_selects(pid, q, self, pgid))
			found++;
	}
	if (!found)
		return -UX_ESRCH;
	if (sig < 0 || sig > PROCESS_SIGNALS)
		return -UX_EINVAL;
	if (sig == 0)
		return 0;
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *q = process_slot(i);
		if (q->state == PROCESS_FREE || !kill_selects(pid, q, self, pgid))
			continue;
		if (q == self)
			self_selected = 1;
		else
			signal_send(q, sig, &info);
	}
	if (self_selected)
		signal_send(self, sig, &info);
	return 0;
}

/* One thread per process: a thread id is its process's pid. Linux's
 * order: the ids (EINVAL), the thread (ESRCH), then the signal. */
static int64_t kill_thread(struct ux_call *c, int tgid, int tid, int sig)
{
	struct process *q = process_by_pid(tid);

	if (tid <= 0)
		return -UX_EINVAL;
	if (!q || q->state != PROCESS_RUNNING || (tgid >= 0 && tgid != tid))
		return -UX_ESRCH;
	if (sig < 0 || sig > PROCESS_SIGNALS)
		return -UX_EINVAL;
	struct signal_info info = from_caller(c->proc);
	info.code = SIGNAL_SI_TKILL;
	if (sig)
		signal_send(q, sig, &info);
	return 0;
}

int64_t ux_sys_tkill(struct ux_call *c)
{
	return kill_thread(c, -1, arg_int(c->arg[0]), arg_int(c->arg[1]));
}

int64_t ux_sys_tgkill(struct ux_call *c)
{
	int tgid = arg_int(c->arg[0]);

	if (tgid <= 0)
		return -UX_EINVAL;
	return kill_thread(c, tgid, arg_int(c->arg[1]), arg_int(c->arg[2]));
}

/* Waits, with the given mask, until a handler has run: always -EINTR,
 * which the server gives the parked call once a handled signal is ready
 * (server/serve.c); the mask before it is what sigreturn restores. */
int64_t ux_sys_rt_sigsuspend(struct ux_call *c)
{
	struct process *p = c->proc;
	uint64_t set;

	if (c->arg[1] != UX_SIZEOF_SIGSET)
		return -UX_EINVAL;
	if (!c->in[0])
		return -UX_EFAULT;
	if (!p->in_sigsuspend) {
		memcpy(&set, c->in[0], sizeof(set));
		p->saved_mask = p->sigmask;
		p->sigmask = set & ~UNBLOCKABLE;
		p->in_sigsuspend = true;
		signal_check(p);
	}
	return -UX_EPARK;
}

int64_t ux_sys_pause(struct ux_call *c)
{
	(void)c;
	return -UX_EPARK;       /* until a handler runs: -EINTR, as above */
}

int64_t ux_sys_rt_sigpending(struct ux_call *c)
{
	uint64_t blocked_pending = c->proc->pending & c->proc->sigmask;

	if (c->arg[1] > UX_SIZEOF_SIGSET)
		return -UX_EINVAL;
	return call_put(c, &blocked_pending, UX_SIZEOF_SIGSET);
}
