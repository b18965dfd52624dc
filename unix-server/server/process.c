/*
 * process.c: the process table (process.h). A fixed table: lookups by
 * port scan it, which is cheap at this size and keeps no second index to
 * get out of step. Called with server.lock held.
 */
#include "calls/files.h"
#include "mk/exit_code.h"
#include "process.h"
#include "serve.h"
#include "server.h"

static struct process table[PROCESS_MAX];
static int next_pid = 1;

struct process *process_alloc(void)
{
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *p = &table[i];
		if (p->state != PROCESS_FREE)
			continue;
		mk_port_name_t port;
		if (mk_port_allocate(MK_RIGHT_RECEIVE, &port) != MK_SUCCESS)
			return NULL;
		if (mk_port_move_member(port, server.port_set) != MK_SUCCESS) {
			mk_port_destroy(port);
			return NULL;
		}
		*p = (struct process){ .state = PROCESS_RUNNING, .pid = next_pid++, .port = port };
		return p;
	}
	return NULL;
}

struct process *process_slot(int i)
{
	return &table[i];
}

struct process *process_by_port(mk_port_name_t name)
{
	for (int i = 0; i < PROCESS_MAX; i++)
		if (table[i].state != PROCESS_FREE && table[i].port == name)
			return &table[i];
	return NULL;
}

struct process *process_by_pid(int pid)
{
	for (int i = 0; i < PROCESS_MAX; i++)
		if (table[i].state != PROCESS_FREE && table[i].pid == pid)
			return &table[i];
	return NULL;
}

bool process_group_in_session(int pgid, int sid)
{
	for (int i = 0; i < PROCESS_MAX; i++)
		if (table[i].state != PROCESS_FREE && table[i].pgid == pgid &&
		    (sid < 0 || table[i].sid == sid))
			return true;
	return false;
}

void process_set_comm(struct process *p, const char *path)
{
	const char *base = path;

	for (const char *s = path; *s; s++)
		if (*s == '/')
			base = s + 1;
	size_t n = strlen(base);
	if (n > sizeof(p->comm) - 1)
		n = sizeof(p->comm) - 1;
	memcpy(p->comm, base, n);
	p->comm[n] = 0;
}

int process_count(void)
{
	int n = 0;

	for (int i = 0; i < PROCESS_MAX; i++)
		n += table[i].state != PROCESS_FREE;
	return n;
}

static void drop_task_rights(struct process *p)
{
	if (p->thread != MK_PORT_NULL)
		mk_port_deallocate(p->thread);
	if (p->task != MK_PORT_NULL) {
		mk_task_terminate(p->task);
		mk_port_deallocate(p->task);
	}
	p->thread = p->task = MK_PORT_NULL;
}

int process_fork(struct process *child, const struct process *parent)
{
	struct vfs_proc *files = native_calloc(1, sizeof(*files));

	if (!files || vfs_proc_fork(files, parent->files) < 0) {
		native_free(files);
		return -UX_ENOMEM;
	}
	child->files = files;
	child->ppid = parent->pid;
	child->pgid = parent->pgid;
	child->sid = parent->sid;
	memcpy(child->comm, parent->comm, sizeof(child->comm));
	memcpy(child->rlimits, parent->rlimits, sizeof(child->rlimits));
	memcpy(child->sigactions, parent->sigactions, sizeof(child->sigactions));
	child->sigmask = parent->sigmask;
	return 0;
}

void process_vfork_release(struct process *child)
{
	if (!child->vfork_parent)
		return;
	child->vfork_parent = 0;
	vfs_wake(&server.vfs);          /* the parent's parked vfork goes on */
}

/* The parent does not want zombies: SIGCHLD ignored, or SA_NOCLDWAIT. */
static bool parent_reaps_nothing(const struct process *p)
{
	const struct process *parent = process_by_pid(p->ppid);

	if (!parent)
		return false;
	return parent->sigactions[UX_SIGCHLD - 1].handler == UX_SIG_IGN ||
	       (parent->sigactions[UX_SIGCHLD - 1].flags & UX_SA_NOCLDWAIT);
}

/* A zombie's parent hears of it (SIGCHLD, which it may ignore), and a
 * parent that wants no zombies has it freed at once. */
static void notify_parent(struct process *p)
{
	struct process *parent = process_by_pid(p->ppid);
	int status = p->exit_status;
	struct signal_info info = {
		.code = (status & 0x7f) ? SIGNAL_CLD_KILLED : SIGNAL_CLD_EXITED,
		.pid = p->pid, .uid = p->exit_uid,
		.status = (status & 0x7f) ? (status & 0x7f) : (status >> 8) & 0xff,
	};
	bool reap = parent_reaps_nothing(p);

	if (parent)
		signal_send(parent, UX_SIGCHLD, &info);
	if (reap)
		process_free(p);
}

void process_exit(struct process *p, int wait_status)
{
	uint64_t cycles = 0;

	if (p->state != PROCESS_RUNNING)
		return;
	uint32_t uid = p->files ? p->files->cred.uid : 0;
	if (p->task != MK_PORT_NULL && mk_task_cpu_time(p->task, &cycles) == MK_SUCCESS)
		p->cpu_ns = (uint64_t)(((unsigned __int128)cycles *
					server.emulator_template.tsc_ns_mult) >> 32);
	drop_task_rights(p);
	files_release(p);
	itimer_cancel(p);
	p->state = PROCESS_ZOMBIE;
	p->exit_status = wait_status;
	serve_drop_parked(p->port);
	process_vfork_release(p);
	p->exit_uid = uid;
	vfs_wake(&server.vfs);          /* a parked wait4 may finish */
	if (p->pid == 1) {
		/* Read by scripts/run.sh: the machine's exit is init's. */
		if (wait_status & 0x7f)
			ux_log("init exited: signal %d\n", wait_status & 0x7f);
		else
			ux_log("init exited: status %d\n", (wait_status >> 8) & 0xff);
		mk_host_poweroff(native_host_port(), MK_EXIT_POWEROFF);
	}
	/* init adopts the children; the ended ones it is told of, as their
	 * parent would have been (Linux's reparent_leader). */
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *q = &table[i];
		if (q->state == PROCESS_FREE || q->ppid != p->pid)
			continue;
		q->ppid = 1;
		if (q->state == PROCESS_ZOMBIE)
			notify_parent(q);
	}
	notify_parent(p);
}

struct process *process_waitable_child(const struct process *parent, int which, bool *exists)
{
	*exists = false;
	for (int i = 0; i < PROCESS_MAX; i++) {
		struct process *q = &table[i];
		if (q->state == PROCESS_FREE || q->ppid != parent->pid)
			continue;
		if ((which > 0 && q->pid != which) || (which == 0 && q->pgid != parent->pgid) ||
		    (which < -1 && q->pgid != -which))
			continue;
		*exists = true;
		if (q->state == PROCESS_ZOMBIE)
			return q;
	}
	return NULL;
}

void process_free(struct process *p)
{
	drop_task_rights(p);
	files_release(p);
	if (p->port != MK_PORT_NULL)
		mk_port_destroy(p->port);
	*p = (struct process){ .state = PROCESS_FREE };
}
