/*
 * limit_calls.c: resource limits: prlimit64, getrlimit, setrlimit over
 * the process's table, which starts with Linux's defaults for init
 * (include/asm-generic/resource.h). Only bookkeeping: nothing enforces
 * them yet except what reads them (exec's stack size).
 */
#include "call.h"
#include "files.h"
#include "lib/string.h"
#include "server/process.h"

#define RLIM_INFINITY (~0ull)
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
/* Linux derives these two from memory; a fixed count suits this size. */
#define DEFAULT_TASKS 1024

void limits_init(struct process *p)
{
	for (int i = 0; i < PROCESS_RLIMITS; i++)
		p->rlimits[i].cur = p->rlimits[i].max = RLIM_INFINITY;
	p->rlimits[RLIMIT_STACK].cur = 8 << 20;
	p->rlimits[RLIMIT_CORE].cur = 0;
	p->rlimits[RLIMIT_NPROC].cur = p->rlimits[RLIMIT_NPROC].max = DEFAULT_TASKS;
	p->rlimits[RLIMIT_NOFILE].cur = 1024;
	p->rlimits[RLIMIT_NOFILE].max = 4096;
	p->rlimits[RLIMIT_MEMLOCK].cur = p->rlimits[RLIMIT_MEMLOCK].max = 8 << 20;
	p->rlimits[RLIMIT_SIGPENDING].cur = p->rlimits[RLIMIT_SIGPENDING].max = DEFAULT_TASKS;
	p->rlimits[RLIMIT_MSGQUEUE].cur = p->rlimits[RLIMIT_MSGQUEUE].max = 819200;
	p->rlimits[RLIMIT_NICE].cur = p->rlimits[RLIMIT_NICE].max = 0;
	p->rlimits[RLIMIT_RTPRIO].cur = p->rlimits[RLIMIT_RTPRIO].max = 0;
}

/* The common part: old limit out (when wanted), new one in (when given). */
static int64_t limit(struct ux_call *c, struct process *p, uint64_t resource,
		     const uint8_t *new_limit, bool want_old)
{
	struct { uint64_t cur, max; } l;

	if (resource >= PROCESS_RLIMITS)
		return -UX_EINVAL;
	if (new_limit) {
		memcpy(&l, new_limit, sizeof(l));
		if (l.cur > l.max)
			return -UX_EINVAL;
		/* NOFILE may not exceed Linux's nr_open (1048576). */
		if (resource == RLIMIT_NOFILE && l.max > 1048576)
			return -UX_EPERM;
	}
	if (want_old) {
		if (c->out_cap < sizeof(l))
			return -UX_EFAULT;
		memcpy(c->out, &p->rlimits[resource], sizeof(l));
		c->out_len = sizeof(l);
	}
	if (new_limit) {
		memcpy(&p->rlimits[resource], &l, sizeof(l));
		if (resource == RLIMIT_NOFILE && p->files)
			p->files->nofile = (uint32_t)l.cur;    /* at most nr_open, above */
	}
	return 0;
}

int64_t ux_sys_prlimit64(struct ux_call *c)
{
	int pid = (int)c->arg[0];

	if (pid != 0 && pid != c->proc->pid)
		return -UX_ESRCH;       /* other processes: with fork */
	return limit(c, c->proc, (uint32_t)c->arg[1], c->in[0], c->arg[3] != 0);
}

int64_t ux_sys_getrlimit(struct ux_call *c)
{
	return limit(c, c->proc, (uint32_t)c->arg[0], NULL, true);
}

int64_t ux_sys_setrlimit(struct ux_call *c)
{
	if (!c->in[0])
		return -UX_EFAULT;
	return limit(c, c->proc, (uint32_t)c->arg[0], c->in[0], false);
}
