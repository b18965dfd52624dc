/*
 * sched_calls.c: CPU affinity for a machine of one CPU (nr_cpu_ids 1):
 * every process may run on CPU 0 and nowhere else. The mask is one
 * long, as the kernel's cpumask for so few CPUs.
 */
#include "call.h"
#include "lib/string.h"
#include "server/process.h"

#define NR_CPU_IDS 1

/* pid 0 means the caller; else -ESRCH unless the process exists. */
static bool exists(int pid)
{
	return pid == 0 || (pid > 0 && process_by_pid(pid));
}

int64_t ux_sys_sched_getaffinity(struct ux_call *c)
{
	uint32_t len = (uint32_t)c->arg[1];
	uint64_t mask = 1;

	if ((uint64_t)len * 8 < NR_CPU_IDS || len % sizeof(uint64_t))
		return -UX_EINVAL;
	if (!exists((int)c->arg[0]))
		return -UX_ESRCH;
	if (c->out_cap < sizeof(mask))
		return -UX_EFAULT;      /* a length beyond what the message carries */
	memcpy(c->out, &mask, sizeof(mask));
	return call_out_filled(c, sizeof(mask));
}

/* Linux reads min(len, its mask's size) bytes, the rest being zero, and
 * refuses a mask without an online CPU. */
int64_t ux_sys_sched_setaffinity(struct ux_call *c)
{
	uint32_t len = (uint32_t)c->arg[1];
	uint64_t mask = 0;

	if (len && !c->in[0])
		return -UX_EFAULT;
	if (len)
		memcpy(&mask, c->in[0], len < sizeof(mask) ? len : sizeof(mask));
	if (!exists((int)c->arg[0]))
		return -UX_ESRCH;
	return mask & 1 ? 0 : -UX_EINVAL;
}
