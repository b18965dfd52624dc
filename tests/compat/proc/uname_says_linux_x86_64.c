/* uname: the system is "Linux" on "x86_64", the other fields are
 * NUL-terminated and non-empty where Linux fills them. */
#include "../compat.h"
#include <ctype.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;

	show("uname", syscall(SYS_uname, &u));
	printf("sysname: %s\n", u.sysname);
	printf("machine: %s\n", u.machine);
	check("nodename non-empty", u.nodename[0] != 0);
	check("release starts with a digit", isdigit((unsigned char)u.release[0]));
	check("version non-empty", u.version[0] != 0);
	check("fields terminated", memchr(u.release, 0, sizeof(u.release)) && memchr(u.domainname, 0, sizeof(u.domainname)));
	return 0;
}
