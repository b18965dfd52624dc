/* rt_sigprocmask keeps the blocked set: SIG_BLOCK adds, SIG_UNBLOCK
 * removes, SIG_SETMASK replaces; SIGKILL and SIGSTOP are silently never
 * blocked; a bad "how" or set size is EINVAL. */
#include "../compat.h"
#include <signal.h>

static void show_blocked(const char *label)
{
	unsigned long set = 0;

	syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &set, 8);
	printf("%s: %#lx\n", label, set);
}

int main(void)
{
	unsigned long set, old;

	set = 0;
	show("setmask empty first", syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8));
	show_blocked("start");
	set = 1UL << (SIGUSR1 - 1) | 1UL << (SIGINT - 1);
	show("block USR1 INT", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 8));
	show_blocked("blocked");
	set = 1UL << (SIGINT - 1);
	show("unblock INT", syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &set, &old, 8));
	printf("old: %#lx\n", old);
	show_blocked("blocked");
	set = 1UL << (SIGKILL - 1) | 1UL << (SIGSTOP - 1) | 1UL << (SIGTERM - 1) | 1UL << 40;
	show("setmask KILL STOP TERM RT", syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8));
	show_blocked("blocked");
	show("bad how", syscall(SYS_rt_sigprocmask, 7, &set, NULL, 8));
	show("bad size", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4));
	show("bad how, no set", syscall(SYS_rt_sigprocmask, 7, NULL, &old, 8));
	set = 0;
	show("setmask empty", syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8));
	show_blocked("end");
	return 0;
}
