/* rt_sigaction keeps the restorer and SA_RESTORER but clears flag bits
 * Linux does not know (SA_UNSUPPORTED 0x400 and others), drops SIGKILL
 * and SIGSTOP from a handler's mask, returns the old action before the
 * new one is stored, and refuses any action for SIGKILL and SIGSTOP, even
 * SIG_DFL. rt_sigprocmask with a bad "how" leaves the old set unwritten. */
#include "../compat.h"
#include <signal.h>

struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

#define K_SA_RESTORER 0x04000000UL
#define K_SA_UNSUPPORTED 0x400UL

static void handler(int sig)
{
	(void)sig;
}

static void restorer(void)
{
}

static long act(int sig, const struct k_sigaction *n, struct k_sigaction *o)
{
	return syscall(SYS_rt_sigaction, sig, n, o, 8);
}

int main(void)
{
	struct k_sigaction k, o;
	unsigned long set, old;

	memset(&k, 0, sizeof(k));
	k.handler = handler;
	k.flags = SA_RESTART | SA_SIGINFO | K_SA_RESTORER | K_SA_UNSUPPORTED | 0x00100000UL;
	k.restorer = restorer;
	k.mask = 1UL << (SIGKILL - 1) | 1UL << (SIGSTOP - 1) | 1UL << (SIGHUP - 1);
	show("set SIGUSR1", act(SIGUSR1, &k, NULL));
	memset(&o, 0xff, sizeof(o));
	show("read SIGUSR1", act(SIGUSR1, NULL, &o));
	printf("  flags %#lx\n", o.flags);
	check("  restorer kept", o.restorer == restorer);
	printf("  mask %#lx\n", o.mask);
	k.handler = SIG_IGN;
	k.flags = 0;
	k.mask = 0;
	memset(&o, 0, sizeof(o));
	show("replace, reading old", act(SIGUSR1, &k, &o));
	check("  old is the handler", o.handler == handler);
	printf("  old flags %#lx\n", o.flags);
	k.handler = handler;
	show("same struct in and out", act(SIGUSR1, &k, &k));
	check("  got the old SIG_IGN back", k.handler == SIG_IGN);
	act(SIGUSR1, NULL, &o);
	check("  new handler stored", o.handler == handler);
	k.handler = SIG_DFL;
	show("SIG_DFL on SIGKILL", act(SIGKILL, &k, NULL));
	show("SIG_IGN on SIGSTOP", act(SIGSTOP, &k, NULL));
	memset(&o, 0xff, sizeof(o));
	show("read SIGSTOP", act(SIGSTOP, NULL, &o));
	check("  SIG_DFL", o.handler == SIG_DFL);
	show("neither act nor oldact", act(SIGUSR2, NULL, NULL));
	show("neither, signal 65", act(65, NULL, NULL));
	show("signal 32", act(32, NULL, &o));
	show("signal -1", act(-1, NULL, &o));
	show("size 16", syscall(SYS_rt_sigaction, SIGUSR1, NULL, &o, 16));
	show("SIGKILL with size 16", syscall(SYS_rt_sigaction, SIGKILL, &k, NULL, 16));

	set = 0;
	syscall(SYS_rt_sigprocmask, SIG_SETMASK, &set, NULL, 8);
	set = 1UL << (SIGUSR1 - 1);
	old = 12345;
	show("sigprocmask bad how with set", syscall(SYS_rt_sigprocmask, 3, &set, &old, 8));
	check("  old set untouched", old == 12345);
	show("block, set and old the same", syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &set, 8));
	printf("  old %#lx\n", set);
	show("size 16", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, &old, 16));
	show("size 0, no sets", syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, NULL, 0));
	show("unblock what is not blocked", syscall(SYS_rt_sigprocmask, SIG_UNBLOCK, &(unsigned long){ 1UL << (SIGHUP - 1) }, &old, 8));
	printf("  old %#lx\n", old);
	return 0;
}
