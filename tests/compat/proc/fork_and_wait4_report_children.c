/* fork returns 0 in a child that has a copy of the parent's memory and its
 * descriptors (a pipe carries bytes across; the offset of a shared open
 * file moves for both), getppid names the parent; wait4 reaps by pid, by
 * -1 and by group, reports exit codes and the child's status once, keeps
 * WNOHANG from waiting, and refuses what Linux refuses: no children
 * (ECHILD), unknown options (EINVAL), a bad status pointer (EFAULT, the
 * child reaped all the same). vfork's parent goes on once the child has
 * ended; clone with glibc's fork flags sets the TIDs it is asked to.
 * With SIGCHLD ignored there is no zombie to wait for (ECHILD). */
#include "../compat.h"

#include <fenv.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static int copied = 1;

static long raw_wait4(long pid, void *status, long options, void *ru)
{
	return syscall(SYS_wait4, pid, status, options, ru);
}

static void show_status(const char *label, int status)
{
	if (WIFEXITED(status))
		printf("%s: exited %d\n", label, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: signal %d\n", label, WTERMSIG(status));
	else
		printf("%s: other %#x\n", label, status);
}

static void memory_and_files(void)
{
	int fds[2], status = -1;
	char buf[16] = { 0 };

	need("pipe", pipe(fds) == 0);
	write_file("shared", "0123456789");
	int fd = open("shared", O_RDONLY);
	need("open", fd >= 0);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		copied = 2;             /* the parent's copy stays 1 */
		char c;
		int ok = getppid() == parent && read(fd, &c, 1) == 1 && c == '0';
		dprintf(fds[1], "child ok %d", ok);
		_exit(7);
	}
	need("fork", pid > 0);
	close(fds[1]);
	ssize_t n = read(fds[0], buf, sizeof(buf) - 1);
	printf("pipe from child: %.*s\n", (int)(n > 0 ? n : 0), buf);
	check("wait4 by pid returns it", raw_wait4(pid, &status, 0, NULL) == pid);
	show_status("status", status);
	printf("parent's copy: %d\n", copied);
	printf("shared offset after the child's read: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
	show("wait4 again", raw_wait4(pid, &status, 0, NULL));
	close(fd);
	close(fds[0]);
}

static void several_children(void)
{
	pid_t pids[3];
	int status, seen = 0, sum = 0;

	for (int i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(10 + i);
		need("fork", pids[i] > 0);
	}
	for (int i = 0; i < 3; i++) {
		pid_t got = (pid_t)raw_wait4(i == 2 ? 0 : -1, &status, 0, NULL);
		for (int j = 0; j < 3; j++)
			if (got == pids[j])
				seen |= 1 << j;
		sum += WEXITSTATUS(status);
	}
	printf("three children reaped: %s, exit codes sum %d\n", seen == 7 ? "yes" : "no", sum);
	show("wait4 with none left", raw_wait4(-1, &status, 0, NULL));
	show("wait4 WNOHANG with none left", raw_wait4(-1, &status, WNOHANG, NULL));
}

static void nohang_and_errors(void)
{
	int fds[2], status = 0x5a5a;
	char c;

	need("pipe", pipe(fds) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		read(fds[0], &c, 1);    /* until the parent writes */
		_exit(3);
	}
	need("fork", pid > 0);
	show("wait4 WNOHANG while it runs", raw_wait4(pid, &status, WNOHANG, NULL));
	printf("status untouched: %s\n", status == 0x5a5a ? "yes" : "no");
	show("wait4 bad options", raw_wait4(pid, &status, 0x100, NULL));
	show("wait4 not a child", raw_wait4(1, &status, WNOHANG, NULL));
	show("wait4 INT_MIN", raw_wait4(-2147483648L, &status, 0, NULL));
	write(fds[1], "x", 1);
	struct rusage ru;
	show("wait4 bad status pointer", raw_wait4(pid, (void *)8, 0, &ru));
	show("then it is gone", raw_wait4(pid, &status, WNOHANG, NULL));
	close(fds[0]);
	close(fds[1]);
}

/* The child has the parent's FPU state: here its rounding mode. */
static void fpu_state_copied(void)
{
	int status;

	fesetround(FE_UPWARD);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fegetround() == FE_UPWARD ? 0 : 1);
	need("fork", pid > 0);
	fesetround(FE_TONEAREST);
	need("wait", raw_wait4(pid, &status, 0, NULL) == pid);
	show_status("child kept the rounding mode", status);
}

static void vfork_and_clone(void)
{
	int status;
	pid_t pid = vfork();

	if (pid == 0)
		_exit(5);               /* the parent runs on only after this */
	need("vfork", pid > 0);
	check("vfork child reaped", raw_wait4(pid, &status, 0, NULL) == pid);
	show_status("vfork status", status);

	static pid_t parent_tid, child_tid;
	pid = (pid_t)syscall(SYS_clone, CLONE_CHILD_SETTID | CLONE_PARENT_SETTID | SIGCHLD,
			     NULL, &parent_tid, &child_tid, NULL);
	if (pid == 0)
		_exit(child_tid == getpid() ? 0 : 1);
	need("clone", pid > 0);
	check("clone: parent's tid set", parent_tid == pid);
	check("clone child reaped", raw_wait4(pid, &status, 0, NULL) == pid);
	show_status("clone child (its tid set)", status);
}

/* With SIGCHLD ignored children leave no zombie: wait4 waits until they
 * are gone, then finds none. */
static void ignored_sigchld(void)
{
	int status;

	signal(SIGCHLD, SIG_IGN);
	pid_t pid = fork();
	if (pid == 0)
		_exit(1);
	need("fork", pid > 0);
	show("wait4 with SIGCHLD ignored", raw_wait4(pid, &status, 0, NULL));
	signal(SIGCHLD, SIG_DFL);
}

int main(void)
{
	scratch_enter();
	memory_and_files();
	several_children();
	nohang_and_errors();
	vfork_and_clone();
	fpu_state_copied();
	ignored_sigchld();
	return 0;
}
