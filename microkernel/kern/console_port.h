/*
 * console_port.h: the kernel console as a port. A kernel thread receives
 * MK_CONSOLE_WRITE messages (mk/device.h) on it and writes their bytes to
 * the kernel's serial console. The first task gets a send right to it in
 * its boot info; the console_write trap stays as everyone's diagnostics
 * path until a user-level console driver exists.
 */
#ifndef MK_KERN_CONSOLE_PORT_H
#define MK_KERN_CONSOLE_PORT_H

struct ipc_port;

/* Creates the port and starts its thread; at boot, after the scheduler. */
void console_port_init(void);
struct ipc_port *console_port(void);

#endif
