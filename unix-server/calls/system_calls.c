/*
 * system_calls.c: what the system says about itself: uname, sysinfo,
 * and getrandom (the generator behind /dev/urandom, dev/random.c).
 * The kernel name is Linux's, since programs ask it to learn which ABI
 * they talk to; the release says which system this really is.
 */
#include "call.h"
#include "lib/string.h"
#include "server/process.h"
#include "server/server.h"

#define UTS_FIELD 65

struct linux_sysinfo {
	int64_t uptime;
	uint64_t loads[3];
	uint64_t totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	uint16_t procs, pad;
	uint32_t pad2;
	uint64_t totalhigh, freehigh;
	uint32_t mem_unit;
	uint8_t reserved[4];
};
_Static_assert(sizeof(struct linux_sysinfo) == UX_SIZEOF_SYSINFO, "Linux's layout");

int64_t ux_sys_uname(struct ux_call *c)
{
	static const char *const fields[6] = {
		"Linux", "mk", "6.1.0-mk", "#1 mk microkernel UNIX server", "x86_64", "(none)",
	};

	if (c->out_cap < UX_SIZEOF_UTSNAME)
		return -UX_EFAULT;
	memset(c->out, 0, UX_SIZEOF_UTSNAME);
	for (int i = 0; i < 6; i++)
		memcpy(c->out + i * UTS_FIELD, fields[i], strlen(fields[i]));
	c->out_len = UX_SIZEOF_UTSNAME;
	return 0;
}

int64_t ux_sys_sysinfo(struct ux_call *c)
{
	struct linux_sysinfo si;
	struct mk_object_counts counts;

	if (c->out_cap < sizeof(si))
		return -UX_EFAULT;
	memset(&si, 0, sizeof(si));
	si.uptime = (int64_t)((mk_clock_ticks() + 99) / 100);  /* rounded up, as Linux */
	if (mk_host_object_counts(native_host_port(), &counts) == MK_SUCCESS)
		si.freeram = counts.free_frames * 4096;
	si.totalram = server.total_ram;
	if (si.totalram < si.freeram)
		si.totalram = si.freeram;
	si.procs = (uint16_t)process_count();
	si.mem_unit = 1;
	memcpy(c->out, &si, sizeof(si));
	c->out_len = sizeof(si);
	return 0;
}

#define GRND_NONBLOCK 1
#define GRND_RANDOM   2
#define GRND_INSECURE 4

int64_t ux_sys_getrandom(struct ux_call *c)
{
	uint64_t flags = c->arg[2];
	uint32_t len = call_out_room(c, c->arg[1]);

	if (flags & ~(uint64_t)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    (flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
		return -UX_EINVAL;
	dev_random_fill(&server.random, c->out, len);
	return call_out_filled(c, len);
}
