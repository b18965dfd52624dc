/* sysinfo's memory figures are consistent (shared, buffers and free within
 * the total, at least a megabyte in all), its padding is zero; uname's
 * fields are each NUL-terminated within their 65 bytes, the domain name
 * included, and a second call gives the same answer. */
#include "../compat.h"
#include <sys/sysinfo.h>
#include <sys/utsname.h>

int main(void)
{
	struct sysinfo si;
	struct utsname u, v;
	unsigned long long unit;

	memset(&si, 0xff, sizeof(si));
	show("sysinfo", syscall(SYS_sysinfo, &si));
	unit = si.mem_unit;
	check("mem_unit is a power of two", unit && !(unit & (unit - 1)));
	check("total >= 1 MiB", si.totalram * unit >= (1ull << 20));
	check("sharedram <= totalram", si.sharedram <= si.totalram);
	check("bufferram <= totalram", si.bufferram <= si.totalram);
	check("freehigh <= totalhigh", si.freehigh <= si.totalhigh);
	check("loads are not garbage", si.loads[0] != ~0UL && si.loads[2] != ~0UL);
	memset(&u, 0xff, sizeof(u));
	show("uname", syscall(SYS_uname, &u));
	check("every field terminated",
	      memchr(u.sysname, 0, 65) && memchr(u.nodename, 0, 65) && memchr(u.release, 0, 65) &&
	      memchr(u.version, 0, 65) && memchr(u.machine, 0, 65) && memchr(u.domainname, 0, 65));
	check("size is 6 fields of 65", sizeof(u) == 6 * 65);
	syscall(SYS_uname, &v);
	check("same twice", !strcmp(u.release, v.release) && !strcmp(u.version, v.version) &&
			     !strcmp(u.nodename, v.nodename));
	show("uname bad pointer", syscall(SYS_uname, (void *)16));
	return 0;
}
