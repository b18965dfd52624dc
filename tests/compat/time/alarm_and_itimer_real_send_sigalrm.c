/* alarm and setitimer(ITIMER_REAL): alarm returns the seconds left of
 * the previous one (0 cancels); an interval timer sends SIGALRM again
 * and again until disarmed, getitimer reading the time left; an alarm
 * with no handler ends the process (SIGALRM); bad arguments are EINVAL. */
#include "../compat.h"

#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile sig_atomic_t rings;

static void on_alrm(int sig)
{
	(void)sig;
	rings++;
}

int main(void)
{
	struct sigaction sa = { 0 };
	struct itimerval v = { { 0, 50000 }, { 0, 50000 } }, old, now;
	int status;

	setvbuf(stdout, NULL, _IONBF, 0);
	show("alarm(0) with none set", alarm(0));
	show("alarm(5)", alarm(5));
	show("alarm(3) after alarm(5)", alarm(3));
	show("alarm(0) cancels, left", alarm(0));

	sa.sa_handler = on_alrm;
	need("sigaction", sigaction(SIGALRM, &sa, NULL) == 0);
	show("setitimer 50 ms every 50 ms", setitimer(ITIMER_REAL, &v, NULL));
	while (rings < 3)
		pause();
	printf("rang at least 3 times: yes\n");
	need("getitimer", getitimer(ITIMER_REAL, &now) == 0);
	printf("getitimer: interval %ld us, left within it: %s\n", (long)now.it_interval.tv_usec,
	       now.it_value.tv_sec == 0 && now.it_value.tv_usec > 0 &&
	       now.it_value.tv_usec <= 50000 ? "yes" : "no");
	struct itimerval off = { 0 };
	show("setitimer off", setitimer(ITIMER_REAL, &off, &old));
	printf("old interval %ld us\n", (long)old.it_interval.tv_usec);
	need("getitimer", getitimer(ITIMER_REAL, &now) == 0);
	printf("after: %ld %ld %ld %ld\n", (long)now.it_interval.tv_sec,
	       (long)now.it_interval.tv_usec, (long)now.it_value.tv_sec,
	       (long)now.it_value.tv_usec);

	struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
	show("setitimer usec 1000000", setitimer(ITIMER_REAL, &bad, NULL));
	show("getitimer which 5", getitimer(5, &now));
	show("setitimer which -1", setitimer(-1, &v, NULL));

	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGALRM, SIG_DFL);
		alarm(1);
		for (;;)
			pause();
	}
	need("fork", pid > 0);
	need("wait", waitpid(pid, &status, 0) == pid);
	printf("child with an alarm and no handler: signaled %d by %d\n", WIFSIGNALED(status),
	       WTERMSIG(status));
	return 0;
}
