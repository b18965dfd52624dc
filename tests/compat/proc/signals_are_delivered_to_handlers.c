/* Signals reach handlers: kill of oneself runs the handler before kill
 * returns, with siginfo (si_code SI_USER, the sender's pid) and the
 * handler's mask in force; registers and FPU state survive; a blocked
 * signal waits (rt_sigpending) until unblocked; SIGCHLD arrives with the
 * child's pid and status; sigsuspend returns EINTR after the handler with
 * the old mask back; a read a signal breaks restarts with SA_RESTART and
 * fails with EINTR without; a default action ends a child as wait4 then
 * reports; an ignored signal does nothing; kill's errors. pselect's mask
 * holds until its handler has run; a blocked signal whose action is to
 * be ignored still waits; a write to a pipe nobody reads kills with
 * SIGPIPE; tgkill's si_code is SI_TKILL. */
#include "../compat.h"

#include <signal.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static volatile sig_atomic_t hits, last_code, last_pid_ok, mask_had_usr2;
static volatile int chld_status, chld_pid;

static void on_usr1(int sig, siginfo_t *info, void *uc)
{
	sigset_t now;

	(void)uc;
	hits++;
	last_code = info->si_code;
	last_pid_ok = info->si_pid == getpid() && sig == SIGUSR1;
	sigprocmask(SIG_BLOCK, NULL, &now);
	mask_had_usr2 = sigismember(&now, SIGUSR2) && sigismember(&now, SIGUSR1);
	volatile double x = 3.0;        /* the handler uses the FPU too */
	x = x * x;
}

static void on_chld(int sig, siginfo_t *info, void *uc)
{
	(void)sig;
	(void)uc;
	chld_pid = info->si_pid;
	chld_status = info->si_status;
	hits++;
}

static void on_alrm(int sig)
{
	(void)sig;
	hits++;
}

static void handle(int sig, void (*fn)(int, siginfo_t *, void *), int flags, int also_block)
{
	struct sigaction sa = { 0 };

	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	sigemptyset(&sa.sa_mask);
	if (also_block)
		sigaddset(&sa.sa_mask, also_block);
	need("sigaction", sigaction(sig, &sa, NULL) == 0);
}

static void to_self(void)
{
	volatile double kept = 1.25;

	handle(SIGUSR1, on_usr1, 0, SIGUSR2);
	hits = 0;
	show("kill self SIGUSR1", kill(getpid(), SIGUSR1));
	printf("handler ran before kill returned: %d, SI_USER: %s, from us: %s\n", hits,
	       last_code == SI_USER ? "yes" : "no", last_pid_ok ? "yes" : "no");
	printf("handler's mask had SIGUSR1 and sa_mask's SIGUSR2: %s\n",
	       mask_had_usr2 ? "yes" : "no");
	printf("FPU value kept: %s\n", kept == 1.25 ? "yes" : "no");
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("mask back after the handler: %s\n", sigismember(&now, SIGUSR1) ? "no" : "yes");
}

static void blocked_then_unblocked(void)
{
	sigset_t set, pending;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	hits = 0;
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);        /* standard signals do not queue */
	sigpending(&pending);
	printf("blocked: ran %d, pending: %s\n", hits, sigismember(&pending, SIGUSR1) ? "yes" : "no");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	sigpending(&pending);
	printf("unblocked: ran %d, pending: %s\n", hits, sigismember(&pending, SIGUSR1) ? "yes" : "no");
}

static void child_signals(void)
{
	int status;
	sigset_t set, old;

	handle(SIGCHLD, on_chld, 0, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, &old);
	hits = 0;
	pid_t pid = fork();
	if (pid == 0)
		_exit(42);
	need("fork", pid > 0);
	sigset_t wait_mask = old;
	sigdelset(&wait_mask, SIGCHLD);
	int r = sigsuspend(&wait_mask);
	printf("sigsuspend = %d %s, handler ran %d\n", r, errname(errno), hits);
	printf("SIGCHLD: from the child: %s, status %d\n", chld_pid == pid ? "yes" : "no",
	       chld_status);
	sigprocmask(SIG_BLOCK, NULL, &set);
	printf("SIGCHLD blocked again after sigsuspend: %s\n",
	       sigismember(&set, SIGCHLD) ? "yes" : "no");
	sigprocmask(SIG_SETMASK, &old, NULL);
	need("wait", waitpid(pid, &status, 0) == pid);
	signal(SIGCHLD, SIG_DFL);

	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	need("fork", pid > 0);
	show("kill SIGTERM to the child", kill(pid, SIGTERM));
	need("wait", waitpid(pid, &status, 0) == pid);
	printf("child: signaled %d by %d\n", WIFSIGNALED(status), WTERMSIG(status));
}

static void interrupted_reads(void)
{
	int fds[2];
	char c;
	struct sigaction sa = { 0 };

	need("pipe", pipe(fds) == 0);
	for (int restart = 0; restart < 2; restart++) {
		sa.sa_handler = on_alrm;
		sa.sa_flags = restart ? SA_RESTART : 0;
		need("sigaction", sigaction(SIGALRM, &sa, NULL) == 0);
		pid_t parent = getpid();
		pid_t pid = fork();
		if (pid == 0) {
			usleep(100000);
			kill(parent, SIGALRM);
			usleep(100000);
			if (restart)
				write(fds[1], "r", 1);
			_exit(0);
		}
		need("fork", pid > 0);
		hits = 0;
		ssize_t n = read(fds[0], &c, 1);
		printf("read with%s SA_RESTART: %zd %s, handler ran %d\n", restart ? "" : "out",
		       n, n < 0 ? errname(errno) : "ok", hits);
		need("wait", waitpid(pid, NULL, 0) == pid);
	}
	close(fds[0]);
	close(fds[1]);
}

static void pselect_mask(void)
{
	int fds[2];
	sigset_t block, empty, now;
	fd_set rd;
	struct timespec limit = { 5, 0 };

	need("pipe", pipe(fds) == 0);
	handle(SIGUSR1, on_usr1, 0, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&empty);
	pid_t parent = getpid(), pid = fork();
	if (pid == 0) {
		usleep(100000);
		kill(parent, SIGUSR1);
		_exit(0);
	}
	need("fork", pid > 0);
	hits = 0;
	FD_ZERO(&rd);
	FD_SET(fds[0], &rd);
	int r = pselect(fds[0] + 1, &rd, NULL, NULL, &limit, &empty);
	printf("pselect = %d %s, handler ran %d\n", r, errname(errno), hits);
	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("SIGUSR1 blocked again after: %s\n", sigismember(&now, SIGUSR1) ? "yes" : "no");
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	need("wait", waitpid(pid, NULL, 0) == pid);
	close(fds[0]);
	close(fds[1]);
}

static void blocked_ignored_waits(void)
{
	sigset_t set, pending;

	sigemptyset(&set);
	sigaddset(&set, SIGWINCH);      /* ignored by default */
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGWINCH);
	sigpending(&pending);
	printf("blocked SIGWINCH pending: %s\n", sigismember(&pending, SIGWINCH) ? "yes" : "no");
	handle(SIGWINCH, on_usr1, 0, 0);
	hits = 0;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("handler installed later ran: %d\n", hits);
	signal(SIGWINCH, SIG_DFL);
}

static void sigpipe_kills(void)
{
	int fds[2], status;

	need("pipe", pipe(fds) == 0);
	close(fds[0]);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(fds[1], "x", 1);
		_exit(0);
	}
	need("fork", pid > 0);
	need("wait", waitpid(pid, &status, 0) == pid);
	printf("writer without a reader: signaled %d by %d\n", WIFSIGNALED(status),
	       WTERMSIG(status));
	close(fds[1]);
}

static void tkill_code(void)
{
	handle(SIGUSR1, on_usr1, 0, 0);
	hits = 0;
	show("tgkill self SIGUSR1", syscall(SYS_tgkill, getpid(), getpid(), SIGUSR1));
	printf("handler ran %d, SI_TKILL: %s\n", hits, last_code == SI_TKILL ? "yes" : "no");
	show("kill no such process, bad signal", kill(999999, 65));
	show("tkill no such thread, bad signal", syscall(SYS_tkill, 999999, 65));
}

static void ignored_and_errors(void)
{
	signal(SIGUSR2, SIG_IGN);
	show("kill self ignored SIGUSR2", kill(getpid(), SIGUSR2));
	show("kill signal 0 (exists)", kill(getpid(), 0));
	show("kill bad signal", kill(getpid(), 65));
	show("kill no such process", kill(999999, SIGUSR2));
	show("tgkill bad tgid", syscall(SYS_tgkill, 0, getpid(), SIGUSR2));
	show("tgkill wrong pair", syscall(SYS_tgkill, getpid(), 999999, SIGUSR2));
	show("tkill self 0", syscall(SYS_tkill, getpid(), 0));
	signal(SIGUSR2, SIG_DFL);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	to_self();
	blocked_then_unblocked();
	child_signals();
	interrupted_reads();
	pselect_mask();
	blocked_ignored_waits();
	sigpipe_kills();
	tkill_code();
	ignored_and_errors();
	return 0;
}
