/*
 * process.h: the process table. A process is a task running one app
 * image with the emulator, and the port the server receives its requests
 * and exceptions on (its task's bootstrap and exception port); the
 * server finds the process by that port, never by anything a request
 * says (DESIGN rule 3).
 */
#ifndef UX_PROCESS_H
#define UX_PROCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "mk/types.h"
#include "itimer.h"
#include "signal.h"

#define PROCESS_MAX 256
#define PROCESS_RLIMITS 16              /* RLIMIT_CPU .. RLIMIT_RTTIME */
#define PROCESS_SIGNALS 64
#define PROCESS_COMM_MAX 16             /* Linux's TASK_COMM_LEN */

enum process_state { PROCESS_FREE, PROCESS_RUNNING, PROCESS_ZOMBIE };

struct process {
	enum process_state state;
	int pid, ppid;
	int pgid, sid;                  /* 0 for init until it calls setsid, as on Linux */
	mk_port_name_t port;            /* receive right, in server.port_set */
	mk_port_name_t task;            /* send right to its task port */
	mk_port_name_t thread;          /* send right to its (first) thread */
	int exit_status;                /* wait status, once a zombie */
	uint64_t cpu_ns;                /* CPU time, once a zombie (wait4's rusage) */
	uint32_t exit_uid;              /* its real uid then (SIGCHLD's si_uid) */
	/* vfork: the parent waits (its call parked) until the child execs or
	 * ends. vfork_child is the pid the parent waits for (0: none);
	 * vfork_parent the child's parent until then (0: released). */
	int vfork_child, vfork_parent;
	char comm[PROCESS_COMM_MAX];    /* last path component of the image */
	struct vfs_proc *files;         /* descriptors, cwd, umask, credentials
					 * (calls/files.c) */
	struct { uint64_t cur, max; } rlimits[PROCESS_RLIMITS];
	/* Signals (signal.h): the kernel's struct sigaction per signal, as
	 * the app set it, and the blocked mask. */
	struct { uint64_t handler, flags, restorer, mask; } sigactions[PROCESS_SIGNALS];
	uint64_t sigmask;
	uint64_t pending;               /* signals sent and not yet taken (signal.c) */
	struct signal_info siginfo[PROCESS_SIGNALS];    /* of each pending one */
	struct itimer itimer;           /* ITIMER_REAL (itimer.c) */
	uint64_t saved_mask;            /* the mask before rt_sigsuspend */
	bool in_sigsuspend;             /* saved_mask holds it */
	uint8_t reported_exit;
};

/* A free slot with a fresh pid and port, or NULL (table full, or no
 * port could be made). */
struct process *process_alloc(void);
/* The process whose port is name, or NULL. */
struct process *process_by_port(mk_port_name_t name);
struct process *process_by_pid(int pid);
int process_count(void);
/* comm from the last component of path, cut to fit (as Linux's). */
void process_set_comm(struct process *p, const char *path);
/* Some process is in group pgid (and session sid, unless sid < 0). */
bool process_group_in_session(int pgid, int sid);
/* Fills a new process (from process_alloc) as fork's child of parent:
 * ids, group, session, comm, limits, signal dispositions and mask, and a
 * copy of its files. 0 or -ENOMEM (the caller frees the slot). */
int process_fork(struct process *child, const struct process *parent);
/* Ends the task and keeps the wait status for the parent's wait4 (or
 * frees the slot at once if the parent ignores SIGCHLD); its children go
 * to init; a vfork parent is released. init's end powers off. */
void process_exit(struct process *p, int wait_status);
/* A vfork child execs: its parent goes on. */
void process_vfork_release(struct process *child);
/* For wait4 by parent: a zombie child that `which` selects (Linux's pid
 * argument: > 0 that pid, -1 any, 0 the parent's group, < -1 group
 * -which), else NULL with *exists telling whether any child matches. */
struct process *process_waitable_child(const struct process *parent, int which, bool *exists);
/* Slot i of the table (0 <= i < PROCESS_MAX), in any state. */
struct process *process_slot(int i);
/* Releases the slot and its rights (a zombie nobody will wait for, or a
 * process whose exec failed before it ran). */
void process_free(struct process *p);

#endif
