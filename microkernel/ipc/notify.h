/*
 * notify.h: the notification hooks. ipc/ decides WHEN a notification is
 * due; the kernel's notification layer (outside ipc/) implements these
 * functions and decides whom to tell (requests it keeps, e.g. in
 * port->notify_requests) and builds the messages.
 *
 * Every hook is called with NO ipc/ lock held (no space, pset, port or
 * transit lock), from the thread whose operation caused it, and may
 * therefore allocate, enqueue messages and call back into ipc/.
 */
#ifndef MK_IPC_NOTIFY_H
#define MK_IPC_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

struct ipc_port;

/* The last send right to an active port went away. mscount is the port's
 * make-send count at that moment. The caller holds a reference on port for
 * the duration of the call (take your own to keep it). */
void ipc_notify_no_senders(struct ipc_port *port, uint32_t mscount);

/* A send-once right to an active port was destroyed unused. The hook
 * RECEIVES that right (one send-once right and one reference): it sends
 * the send-once notification with it as destination, or gives it back
 * with ipc_port_release_send_once_quiet(). */
void ipc_notify_send_once(struct ipc_port *port);

/* The receive right of an active port is about to be destroyed; the port
 * is still active, held by no space, in no set and not in transit. Return
 * true to take the receive right (and its reference) instead, e.g. to send
 * it in a port-destroyed notification; return false and the port dies. */
bool ipc_notify_port_destroyed(struct ipc_port *port);

/* The port has just died (once per port): its queue is emptied and every
 * send or send-once right still naming it now reads as a dead name. For
 * dead-name requests and for waking threads blocked on the port. The caller
 * holds a reference on port for the duration of the call. */
void ipc_notify_port_dead(struct ipc_port *port);

#endif
