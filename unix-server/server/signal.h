/*
 * signal.h: signals of processes: sending (kill, a child's end), Linux's
 * default actions, and handing a handled signal to the emulator, which
 * builds the frame and runs the handler (emulator/local/signal.c).
 *
 * A handler runs when the process's emulator next returns from a call
 * to the server (every reply says whether one is ready); a call parked
 * for something else ends with EINTR or a restart. A process busy in its
 * own code without system calls runs the handler at its next call.
 * As on Linux, init (pid 1) gets only the signals it has handlers for.
 * Stopping (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU by default) is not done:
 * such a signal is dropped and logged. No core files are written.
 */
#ifndef UX_SIGNAL_H
#define UX_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ux/rpc.h"

#define UX_SIGCHLD 17
#define UX_SIGKILL 9
#define UX_SIGSTOP 19
#define UX_SIGPIPE 13
#define UX_SIG_DFL 0
#define UX_SIG_IGN 1
#define UX_SA_NOCLDWAIT 0x00000002ull
#define UX_SA_SIGINFO   0x00000004ull
#define UX_SA_RESTART   0x10000000ull
#define UX_SA_NODEFER   0x40000000ull
#define UX_SA_RESETHAND 0x80000000ull
#define UX_UNBLOCKABLE ((1ull << (UX_SIGKILL - 1)) | (1ull << (UX_SIGSTOP - 1)))

struct process;

/* The siginfo fields a sender gives (si_code, si_pid, si_uid, and for
 * SIGCHLD si_status). */
struct signal_info {
	int32_t code;
	int32_t pid;
	uint32_t uid;
	int32_t status;
};

#define SIGNAL_SI_USER     0
#define SIGNAL_SI_TKILL    (-6)
#define SIGNAL_CLD_EXITED  1
#define SIGNAL_CLD_KILLED  2

/* Sends sig (1..64) to p: its default action at once (ending p), nothing
 * if ignored, else pending until p takes it. */
void signal_send(struct process *p, int sig, const struct signal_info *info);
/* After p's mask or actions changed: a pending signal that is no longer
 * blocked and is not handled takes its default action (which may end p);
 * ignored ones are dropped. */
void signal_check(struct process *p);
/* After sigaction: pending signals now ignored are dropped, blocked or
 * not (Linux's do_sigaction). */
void signal_drop_ignored(struct process *p);
/* A handled signal p does not block is pending. */
bool signal_handler_ready(const struct process *p);
/* Takes the lowest such signal for its handler: fills *out, sets the
 * handler's mask (after sigsuspend, the mask before it is the one saved).
 * false if there is none. */
bool signal_take(struct process *p, struct ux_signal *out);

#endif
