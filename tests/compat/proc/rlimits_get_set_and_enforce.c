/* getrlimit, setrlimit and prlimit64 agree; soft above hard is EINVAL;
 * a lowered RLIMIT_NOFILE is enforced by dup2 and open; bad resources are
 * EINVAL. */
#include "../compat.h"
#include <sys/resource.h>

int main(void)
{
	struct rlimit r, r2;

	show("getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &r));
	check("soft <= hard", r.rlim_max == RLIM_INFINITY || r.rlim_cur <= r.rlim_max);
	show("prlimit64 read", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &r2));
	check("prlimit64 agrees", r.rlim_cur == r2.rlim_cur && r.rlim_max == r2.rlim_max);
	r.rlim_cur = 32;
	show("setrlimit soft 32", setrlimit(RLIMIT_NOFILE, &r));
	getrlimit(RLIMIT_NOFILE, &r2);
	printf("soft now %llu\n", (unsigned long long)r2.rlim_cur);
	show("dup2 to 31", dup2(1, 31));
	show("dup2 to 32", dup2(1, 32));
	show("F_DUPFD 32", fcntl(1, F_DUPFD, 32));
	r.rlim_cur = 32;
	r.rlim_max = 64;
	show("lower hard to 64", setrlimit(RLIMIT_NOFILE, &r));
	r.rlim_cur = 65;
	show("soft above hard", setrlimit(RLIMIT_NOFILE, &r));
	getrlimit(RLIMIT_NOFILE, &r2);
	printf("now soft %llu hard %llu\n", (unsigned long long)r2.rlim_cur, (unsigned long long)r2.rlim_max);
	show("getrlimit STACK", getrlimit(RLIMIT_STACK, &r));
	check("stack soft <= hard", r.rlim_max == RLIM_INFINITY || r.rlim_cur <= r.rlim_max);
	show("prlimit64 old and new", syscall(SYS_prlimit64, 0, RLIMIT_CORE, NULL, &r));
	r.rlim_cur = 0;
	show("set CORE soft 0", syscall(SYS_prlimit64, 0, RLIMIT_CORE, &r, &r2));
	show("bad resource", syscall(SYS_getrlimit, 99, &r));
	show("prlimit64 bad resource", syscall(SYS_prlimit64, 0, 99, NULL, &r));
	return 0;
}
