/* sysinfo: uptime positive, memory figures consistent with mem_unit, at
 * least one process; a bad pointer is EFAULT. */
#include "../compat.h"
#include <sys/sysinfo.h>

int main(void)
{
	struct sysinfo si;

	show("sysinfo", syscall(SYS_sysinfo, &si));
	check("uptime > 0 (Linux rounds up)", si.uptime > 0);
	check("totalram > 0", si.totalram > 0);
	check("freeram <= totalram", si.freeram <= si.totalram);
	check("mem_unit >= 1", si.mem_unit >= 1);
	check("procs >= 1", si.procs >= 1);
	check("freeswap <= totalswap", si.freeswap <= si.totalswap);
	show("bad pointer", syscall(SYS_sysinfo, (void *)16));
	return 0;
}
