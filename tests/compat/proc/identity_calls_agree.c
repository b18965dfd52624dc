/* The identity calls: pid and tid agree in a single-threaded process,
 * set_tid_address returns the tid, real and effective ids agree, the
 * group list has a consistent size. */
#include "../compat.h"

int main(void)
{
	gid_t groups[256];
	int tidslot, n;

	check("getpid > 0", getpid() > 0);
	check("getppid >= 0", getppid() >= 0);
	check("gettid == getpid", syscall(SYS_gettid) == getpid());
	check("set_tid_address returns tid", syscall(SYS_set_tid_address, &tidslot) == getpid());
	check("getuid == geteuid", getuid() == geteuid());
	check("getgid == getegid", getgid() == getegid());
	check("raw ids match wrappers", syscall(SYS_getuid) == (long)getuid() && syscall(SYS_getgid) == (long)getgid());
	n = getgroups(0, NULL);
	check("getgroups(0) >= 0", n >= 0);
	check("getgroups fills the same count", getgroups(256, groups) == n);
	show("getgroups negative", syscall(SYS_getgroups, -1, groups));
	check("getpgrp > 0", getpgrp() > 0);
	check("getsid(0) > 0", getsid(0) > 0);
	return 0;
}
