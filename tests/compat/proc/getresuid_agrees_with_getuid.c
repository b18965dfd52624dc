/* getresuid and getresgid: the real id is getuid's (getgid's), the
 * effective one geteuid's (getegid's), and the saved one the effective
 * one in a process that never changed its ids. The three pointers are
 * written in order: EFAULT at a bad one leaves the earlier ones written. */
#include "../compat.h"

int main(void)
{
	unsigned r, e, s;

	r = e = s = 12345678;
	show("getresuid", syscall(SYS_getresuid, &r, &e, &s));
	check("real is getuid", r == getuid());
	check("effective is geteuid", e == geteuid());
	check("saved is effective", s == e);
	r = e = s = 12345678;
	show("getresgid", syscall(SYS_getresgid, &r, &e, &s));
	check("real is getgid", r == getgid());
	check("effective is getegid", e == getegid());
	check("saved is effective", s == e);

	r = e = 12345678;
	show("getresuid, bad first", syscall(SYS_getresuid, NULL, &e, &s));
	check("later ones untouched", e == 12345678);
	show("getresuid, bad last", syscall(SYS_getresuid, &r, &e, (void *)8));
	check("earlier ones written", r == getuid() && e == geteuid());
	r = e = 12345678;
	show("getresgid, bad middle", syscall(SYS_getresgid, &r, (void *)8, &s));
	check("first written", r == getgid());
	return 0;
}
