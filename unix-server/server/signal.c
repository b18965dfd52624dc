/*
 * signal.c: signals of processes (signal.h). Under server.lock.
 */
#include "lib/string.h"
#include "process.h"
#include "server.h"
#include "signal.h"

enum default_action { ACT_TERM, ACT_IGNORE, ACT_STOP };

static enum default_action default_action(int sig)
{
	switch (sig) {
	case UX_SIGCHLD:
	case 18:        /* SIGCONT: stopped processes do not exist yet */
	case 23:        /* SIGURG */
	case 28:        /* SIGWINCH */
		return ACT_IGNORE;
	case UX_SIGSTOP:
	case 20:        /* SIGTSTP */
	case 21:        /* SIGTTIN */
	case 22:        /* SIGTTOU */
		return ACT_STOP;
	default:        /* terminate, or core (written as terminate) */
		return ACT_TERM;
	}
}

static uint64_t bit(int sig)
{
	return 1ull << (sig - 1);
}

/* The handler p has for sig: SIG_IGN for a signal whose default is to
 * be ignored, so that callers see three cases. */
static uint64_t effective_handler(const struct process *p, int sig)
{
	uint64_t h = p->sigactions[sig - 1].handler;

	if (h == UX_SIG_DFL && default_action(sig) != ACT_TERM)
		return UX_SIG_IGN;
	return h;
}

void signal_send(struct process *p, int sig, const struct signal_info *info)
{
	if (p->state != PROCESS_RUNNING)
		return;
	/* Linux's init gets only the signals it handles (SIGNAL_UNKILLABLE);
	 * a blocked one waits all the same, to be dropped when unblocked
	 * with no handler (signal_check). */
	if (p->pid == 1 && p->sigactions[sig - 1].handler == UX_SIG_DFL &&
	    !(p->sigmask & bit(sig)))
		return;
	if (sig == UX_SIGKILL) {
		process_exit(p, sig);
		return;
	}
	if (p->sigactions[sig - 1].handler == UX_SIG_DFL && default_action(sig) == ACT_STOP) {
		ux_log("pid %d (%s): signal %d would stop it: stopping is not implemented\n",
		       p->pid, p->comm, sig);
		return;
	}
	/* A blocked one is kept even if ignored now: the handler may change
	 * before it is unblocked (Linux's sig_ignored). */
	if (effective_handler(p, sig) == UX_SIG_IGN && !(p->sigmask & bit(sig)))
		return;
	p->pending |= bit(sig);
	p->siginfo[sig - 1] = *info;
	signal_check(p);
}

void signal_check(struct process *p)
{
	for (int sig = 1; sig <= PROCESS_SIGNALS && p->state == PROCESS_RUNNING; sig++) {
		if (!(p->pending & bit(sig)))
			continue;
		uint64_t h = effective_handler(p, sig);
		if (p->sigmask & bit(sig))
			continue;
		if (h == UX_SIG_IGN || (h == UX_SIG_DFL && p->pid == 1)) {
			p->pending &= ~bit(sig);        /* delivered: ignored */
		} else if (h == UX_SIG_DFL) {
			p->pending &= ~bit(sig);
			process_exit(p, sig);
		}
	}
	if (p->state == PROCESS_RUNNING && signal_handler_ready(p))
		vfs_wake(&server.vfs);          /* a parked call of p ends for it */
}

void signal_drop_ignored(struct process *p)
{
	for (int sig = 1; sig <= PROCESS_SIGNALS; sig++)
		if ((p->pending & bit(sig)) && effective_handler(p, sig) == UX_SIG_IGN)
			p->pending &= ~bit(sig);
}

bool signal_handler_ready(const struct process *p)
{
	uint64_t ready = p->pending & ~p->sigmask;

	for (int sig = 1; ready; sig++, ready >>= 1)
		if ((ready & 1) && effective_handler(p, sig) > UX_SIG_IGN)
			return true;
	return false;
}

/* Linux's siginfo_t for a kill or a child's end (x86-64 offsets). */
static void fill_siginfo(uint8_t info[128], int sig, const struct signal_info *si)
{
	int32_t head[3] = { sig, 0, si->code };

	memset(info, 0, 128);
	memcpy(info, head, sizeof(head));
	memcpy(info + 16, &si->pid, 4);
	memcpy(info + 20, &si->uid, 4);
	if (sig == UX_SIGCHLD)
		memcpy(info + 24, &si->status, 4);
}

bool signal_take(struct process *p, struct ux_signal *out)
{
	uint64_t saved = p->in_sigsuspend ? p->saved_mask : p->sigmask;
	bool suspended = p->in_sigsuspend;

	p->in_sigsuspend = false;
	for (int sig = 1; sig <= PROCESS_SIGNALS; sig++) {
		if (!(p->pending & ~p->sigmask & bit(sig)) ||
		    effective_handler(p, sig) <= UX_SIG_IGN)
			continue;
		typeof(p->sigactions[0]) *act = &p->sigactions[sig - 1];
		p->pending &= ~bit(sig);
		*out = (struct ux_signal){ .signo = sig, .handler = act->handler,
					   .flags = act->flags, .restorer = act->restorer,
					   .saved_mask = saved };
		fill_siginfo(out->info, sig, &p->siginfo[sig - 1]);
		/* As Linux: the mask now (sigsuspend's) plus the action's. */
		p->sigmask = (p->sigmask | act->mask |
			      ((act->flags & UX_SA_NODEFER) ? 0 : bit(sig))) & ~UX_UNBLOCKABLE;
		if (act->flags & UX_SA_RESETHAND) {
			act->handler = UX_SIG_DFL;
			act->flags &= ~UX_SA_SIGINFO;
		}
		return true;
	}
	if (suspended)
		p->sigmask = saved;
	return false;
}
