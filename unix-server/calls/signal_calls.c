/*
 * signal_calls.c: signal bookkeeping: rt_sigaction and rt_sigprocmask
 * keep what the app sets, with Linux's checks, so that programs that
 * install handlers run. Nothing is delivered yet (a later step); a fault
 * ends the process as an unhandled signal would (server/exception.c).
 */
#include "call.h"
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
	}
	return 0;
}
