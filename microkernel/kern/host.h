/*
 * host.h: the host port, the kernel object that stands for the machine.
 * Its receive right is held by the kernel for ever; a send right to it is
 * the privilege the host traps (power-off, object counts, interrupts, I/O
 * ports) ask for. The kernel gives one to the first task (bootstrap.c);
 * from there it travels in messages like any right.
 */
#ifndef MK_KERN_HOST_H
#define MK_KERN_HOST_H

#include "mk/return.h"
#include "mk/types.h"

struct ipc_port;

/* Creates the host port; at boot, before the first task. */
void host_init(void);
struct ipc_port *host_port(void);

/* MK_SUCCESS if name is a send right of the calling task to the host
 * port, else MK_PROTECTION_FAILURE (whatever the name holds, if anything). */
mk_return_t host_check(mk_port_name_t name);

#endif
