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

/* Milliseconds since boot, at the kernel's tick (10 ms). */
static inline uint64_t ux_now_ms(void)
{
	return (uint64_t)mk_clock_ticks() * 10;
}

/* Should a process running a program called comm be traced? */
bool server_traces(const char *comm);

/* A line for the system log (the kernel console), with "ux: " first. */
void ux_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
