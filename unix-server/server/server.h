/*
 * server.h: the UNIX server's global state and the lock that guards it.
 *
 * Lock order: server_lock is the only lock; every request, exception
 * and interrupt is handled under it, so the process table, the file
 * system and the terminal need none of their own yet. It is never held
 * across a wait for a client (DESIGN rule 6: such calls are parked).
 */
#ifndef UX_SERVER_H
#define UX_SERVER_H

#include <stdbool.h>
#include <stdint.h>

#include "emulator/header.h"
#include "dev/dev.h"
#include "vfs/vfs.h"
#include "lib/native/lock.h"
#include "lib/native/native.h"
#include "lib/tsc.h"

struct server {
	struct native_lock lock;
	mk_port_name_t port_set;        /* every process port, the console's */
	struct vfs vfs;                 /* the root file system and devices */
	struct dev_random random;       /* /dev/urandom, getrandom, AT_RANDOM */
	/* The emulator image (a boot module) and its header fields that are
	 * the same for every process. */
	const uint8_t *emulator_image;
	uint64_t emulator_size;
	struct emulator_header emulator_template;
	uint64_t total_ram;             /* bytes free when the server started */
	/* The tracer (kernel command line): ux.trace traces every process,
	 * ux.trace=NAME,NAME... those whose command name is listed. */
	bool trace_all;
	char trace_names[128];          /* ",name,name," or empty */
};

extern struct server server;

#define UX_TICK_NS 10000000ull          /* the kernel's tick */

/* Nanoseconds since boot on the apps' own CLOCK_MONOTONIC (the TSC as
 * every emulator reads it), so a deadline the server keeps is one the
 * app sees kept; the kernel's ticks if the TSC could not be measured. */
static inline uint64_t ux_now_ns(void)
{
	const struct emulator_header *h = &server.emulator_template;

	if (!h->tsc_ns_mult)
		return (uint64_t)mk_clock_ticks() * UX_TICK_NS;
	return emulator_clock_ns(h, rdtsc());
}

/* Has at least ms passed since start (a ux_now_ns reading)? Linux's
 * timeouts never end early; a tick reading may be taken up to a tick
 * after the moment it stands for, so then one more tick is waited. */
static inline bool ux_waited_ms(uint64_t start, uint64_t ms)
{
	uint64_t slack = server.emulator_template.tsc_ns_mult ? 0 : UX_TICK_NS;

	return ux_now_ns() - start >= ms * 1000000ull + slack;
}

/* Should a process running a program called comm be traced? */
bool server_traces(const char *comm);

/* A line for the system log (the kernel console), with "ux: " first. */
void ux_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
