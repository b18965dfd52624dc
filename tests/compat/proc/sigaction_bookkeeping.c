/* rt_sigaction stores and returns handlers, flags and masks (no signal is
 * delivered); SIGKILL and SIGSTOP cannot be caught, signal 0 and 65 do not
 * exist, a wrong sigset size is EINVAL. */
#include "../compat.h"
#include <signal.h>

static void handler(int sig)
{
	(void)sig;
}

/* The kernel's struct sigaction on x86-64. */
struct k_sigaction {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask;
};

int main(void)
{
	struct sigaction sa, old;
	struct k_sigaction k = { 0 };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	show("set SIGUSR1", sigaction(SIGUSR1, &sa, NULL));
	show("read SIGUSR1", sigaction(SIGUSR1, NULL, &old));
	check("handler kept", old.sa_handler == handler);
	check("SA_RESTART kept", (old.sa_flags & SA_RESTART) != 0);
	check("mask has SIGUSR2", sigismember(&old.sa_mask, SIGUSR2) == 1);
	check("mask lacks SIGINT", sigismember(&old.sa_mask, SIGINT) == 0);
	sa.sa_handler = SIG_IGN;
	show("ignore SIGUSR1, get old", sigaction(SIGUSR1, &sa, &old));
	check("old was the handler", old.sa_handler == handler);
	sigaction(SIGUSR1, NULL, &old);
	check("now SIG_IGN", old.sa_handler == SIG_IGN);
	sigaction(SIGTERM, NULL, &old);
	check("SIGTERM starts SIG_DFL", old.sa_handler == SIG_DFL);
	show("catch SIGKILL", sigaction(SIGKILL, &sa, NULL));
	show("catch SIGSTOP", sigaction(SIGSTOP, &sa, NULL));
	show("read SIGKILL", sigaction(SIGKILL, NULL, &old));
	show("raw signal 0", syscall(SYS_rt_sigaction, 0, NULL, &k, 8));
	show("raw signal 65", syscall(SYS_rt_sigaction, 65, NULL, &k, 8));
	show("raw sigset size 4", syscall(SYS_rt_sigaction, SIGUSR1, NULL, &k, 4));
	show("raw read SIGUSR1", syscall(SYS_rt_sigaction, SIGUSR1, NULL, &k, 8));
	check("raw handler is SIG_IGN", k.handler == SIG_IGN);
	show("raw SIGRTMAX", syscall(SYS_rt_sigaction, 64, NULL, &k, 8));
	return 0;
}
