/*
 * serve.h: the server's workers. Each receives from the port set (every
 * process port and the console's interrupt port) and handles what came:
 * a system call (calls/), a log line, an exception, an interrupt.
 */
#ifndef UX_SERVE_H
#define UX_SERVE_H

#include <stdint.h>

#include "mk/types.h"

#define SERVE_WORKERS 2

/* Retries the parked calls that have a deadline as time passes (every
 * tick while there are any) and fires interval timers (itimer.c);
 * never returns. */
void serve_timer(uint64_t unused);

/* Drops the parked calls that came on port (a process that ended: its
 * port name may be reused by a later process), with their reply rights.
 * Under server.lock. */
void serve_drop_parked(mk_port_name_t port);

/* A worker's loop; never returns. */
void serve_worker(uint64_t unused);

#endif
