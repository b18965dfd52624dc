/* prlimit64 accepts pid 0 and the caller's own pid, a pid that does not
 * exist is ESRCH; an infinite soft limit under a finite hard one is
 * EINVAL; resources 15 (the last) works and 16 is EINVAL; the new and old
 * limits in one call return the previous value. A lowered RLIMIT_NOFILE
 * makes open, dup and pipe fail with EMFILE once no slot below it is
 * free, leaves descriptors above it open, and pipe does not leak its first
 * end when the second has no slot. */
#include "../compat.h"
#include <sys/resource.h>

int main(void)
{
	struct rlimit r, old;
	unsigned long long hard, soft;
	int fds[2] = { -1, -1 }, fd, top;

	scratch_enter();
	write_file("f", "x");
	show("prlimit64 pid 0", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &r));
	show("prlimit64 own pid", syscall(SYS_prlimit64, getpid(), RLIMIT_NOFILE, NULL, &old));
	check("  same limits", r.rlim_cur == old.rlim_cur && r.rlim_max == old.rlim_max);
	show("prlimit64 missing pid", syscall(SYS_prlimit64, 0x3ffffff0, RLIMIT_NOFILE, NULL, &r));
	show("prlimit64 pid -1", syscall(SYS_prlimit64, -1, RLIMIT_NOFILE, NULL, &r));
	show("resource 15", syscall(SYS_prlimit64, 0, 15, NULL, &r));
	show("resource 16", syscall(SYS_prlimit64, 0, 16, NULL, &r));
	show("resource -1", syscall(SYS_prlimit64, 0, -1, NULL, &r));
	show("getrlimit 16", syscall(SYS_getrlimit, 16, &r));
	show("setrlimit 16", syscall(SYS_setrlimit, 16, &r));
	need("getrlimit CORE", getrlimit(RLIMIT_CORE, &old) == 0);
	hard = old.rlim_max == RLIM_INFINITY ? 1 << 20 : old.rlim_max;
	soft = hard < 4096 ? hard : 4096;
	show("CORE to a finite hard limit", setrlimit(RLIMIT_CORE, &(struct rlimit){ 0, hard }));
	r.rlim_cur = RLIM_INFINITY;
	r.rlim_max = hard;
	show("infinite soft under finite hard", setrlimit(RLIMIT_CORE, &r));
	r.rlim_cur = soft;
	show("new and old at once", syscall(SYS_prlimit64, 0, RLIMIT_CORE, &r, &old));
	check("  old soft was 0", old.rlim_cur == 0);
	r.rlim_cur = 0;
	show("again", syscall(SYS_prlimit64, 0, RLIMIT_CORE, &r, &old));
	check("  old soft is the one just set", old.rlim_cur == soft);

	need("dup2 to 40", dup2(1, 40) == 40);
	need("getrlimit", getrlimit(RLIMIT_NOFILE, &r) == 0);
	r.rlim_cur = 20;
	show("NOFILE soft 20", setrlimit(RLIMIT_NOFILE, &r));
	show("fd 40 still open (F_GETFD)", fcntl(40, F_GETFD));
	top = -1;
	while ((fd = open("f", O_RDONLY)) >= 0)
		top = fd;
	printf("open at the limit: %s\n", errname(errno));
	check("highest fd is 19", top == 19);
	show("dup at the limit", dup(0));
	show("F_DUPFD 0 at the limit", fcntl(0, F_DUPFD, 0));
	close(19);
	show("pipe with one slot", pipe(fds));
	show("  the slot is still free (open gives 19)", open("f", O_RDONLY));
	close(19);
	close(18);
	show("pipe with two slots", pipe(fds));
	check("  it used 18 and 19", (fds[0] == 18 && fds[1] == 19) || (fds[0] == 19 && fds[1] == 18));
	show("dup2 to 40 above the limit", dup2(0, 40));
	show("close 40", close(40));
	return 0;
}
