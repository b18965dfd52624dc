/* sched_getaffinity returns how many bytes of the kernel's CPU mask it
 * wrote (a multiple of 8, at most the buffer), EINVAL for a length of 0
 * or not a multiple of 8, ESRCH for a process that does not exist (pid 0
 * and our own pid mean us), EFAULT for a bad buffer; sched_setaffinity
 * takes back the mask it gave, refuses a mask without any CPU (EINVAL)
 * and reads only the kernel mask's bytes of a longer buffer. Nothing here
 * depends on how many CPUs the machine has. */
#include "../compat.h"
#include <limits.h>
#include <sched.h>

#define BIG 1024                        /* bytes: room for 8192 CPUs */

static unsigned char mask[BIG], other[BIG];

static long get(int pid, unsigned len, void *buf)
{
	return syscall(SYS_sched_getaffinity, pid, len, buf);
}

static long set(int pid, unsigned len, const void *buf)
{
	return syscall(SYS_sched_setaffinity, pid, len, buf);
}

int main(void)
{
	memset(mask, 0xa5, sizeof(mask));
	long n = get(0, BIG, mask);
	check("result a positive multiple of 8, at most the buffer",
	      n > 0 && n % 8 == 0 && n <= BIG);
	if (n <= 0)
		return 0;
	check("bytes past the result untouched", n == BIG || mask[n] == 0xa5);
	int cpus = 0;
	for (long i = 0; i < n; i++)
		cpus += __builtin_popcount(mask[i]);
	check("at least one CPU", cpus >= 1);
	memset(other, 0, sizeof(other));
	check("own pid gives the same", get(getpid(), BIG, other) == n &&
	      memcmp(mask, other, (size_t)n) == 0);

	show("length 0", get(0, 0, mask));
	show("length 4", get(0, 4, mask));
	show("length 12", get(0, 12, mask));
	show("no such process", get(INT_MAX, BIG, mask));
	show("negative pid", get(-1, BIG, mask));
	show("bad buffer", get(0, BIG, (void *)8));

	show("set the mask it gave", set(0, (unsigned)n, mask));
	show("set it for own pid", set(getpid(), (unsigned)n, mask));
	memset(other, 0, sizeof(other));
	show("set an empty mask", set(0, BIG, other));
	show("set length 0", set(0, 0, mask));
	other[BIG - 1] = 0x80;          /* CPU 8191 only */
	show("set only a CPU past the kernel's mask", set(0, BIG, other));
	show("set for no such process", set(INT_MAX, (unsigned)n, mask));
	show("set from a bad buffer", set(0, (unsigned)n, (void *)8));

	cpu_set_t s;
	CPU_ZERO(&s);
	check("libc: sched_getaffinity works", sched_getaffinity(0, sizeof(s), &s) == 0);
	check("libc: CPU_COUNT at least 1", CPU_COUNT(&s) >= 1);
	return 0;
}
