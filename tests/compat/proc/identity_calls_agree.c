/* The identity calls: pid and tid agree in a single-threaded process,
 * set_tid_address returns the tid, real and effective ids agree, the
 * group list has a consistent size, group and session ids agree however
 * they are asked for, and the ids in the auxiliary vector are the ones
 * the calls return. */
#include "../compat.h"
#include <sys/auxv.h>

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
	check("auxv AT_UID/AT_EUID match", getauxval(AT_UID) == getuid() && getauxval(AT_EUID) == geteuid());
	check("auxv AT_GID/AT_EGID match", getauxval(AT_GID) == getgid() && getauxval(AT_EGID) == getegid());
	check("auxv AT_SECURE is 0", getauxval(AT_SECURE) == 0);
	n = getgroups(0, NULL);
	check("getgroups(0) >= 0", n >= 0);
	check("getgroups fills the same count", getgroups(256, groups) == n);
	show("getgroups negative", syscall(SYS_getgroups, -1, groups));
	/* The values themselves depend on who started us (a container's
	 * processes may sit in session 0), so only their agreement is
	 * compared. */
	check("getpgrp == getpgid(0)", getpgrp() == getpgid(0));
	check("getsid(0) == getsid(getpid())", getsid(0) == getsid(getpid()));
	check("getsid(0) >= 0", getsid(0) >= 0);
	show("getsid(no such pid)", syscall(SYS_getsid, 0x3ffffff0));
	show("getpgid(no such pid)", syscall(SYS_getpgid, 0x3ffffff0));
	return 0;
}
