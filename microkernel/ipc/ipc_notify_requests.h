/*
 * ipc_notify_requests.h: registering a notification request on a port
 * (notify.c), for the port traps.
 */
#ifndef MK_IPC_NOTIFY_REQUESTS_H
#define MK_IPC_NOTIFY_REQUESTS_H

#include "mk/return.h"
#include "mk/types.h"

struct ipc_port;

/* variant: MK_NOTIFY_NO_SENDERS, PORT_DESTROYED or DEAD_NAME (name is the
 * requester's name for the right, reported back). notify is a send-once
 * right, consumed on success; a previous no-senders or port-destroyed
 * request is replaced (its right destroyed). A no-senders request on a
 * port with no send rights fires at once. MK_DEAD_NAME if the port died,
 * MK_RESOURCE_SHORTAGE. No locks held. */
mk_return_t ipc_notify_request(struct ipc_port *port, uint32_t variant, mk_port_name_t name,
			       struct ipc_port *notify);

/* The kernel's own dead-name request: a callback instead of a message,
 * for kernel objects that hold a send right and must react at once when
 * its port dies (a pager-backed memory object wakes its waiting faults).
 * The watch is embedded in the watcher; it is linked on the port's
 * request block under the port's lock. */
struct ipc_port_watch {
	struct ipc_port_watch *next;    /* guarded by the watched port's lock */
	/* Called once when the port dies, WITH the port's lock held (so that
	 * ipc_port_unwatch can wait for it): it may take only locks that come
	 * after IPC's in the lock order (vm_object, sched) and must not block. */
	void (*port_dead)(struct ipc_port_watch *w);
};

/* Starts watching an active port: MK_DEAD_NAME if it is dead already,
 * MK_RESOURCE_SHORTAGE. No locks held. */
mk_return_t ipc_port_watch(struct ipc_port *port, struct ipc_port_watch *w);
/* Stops watching (a no-op once the port died): when it returns, port_dead
 * is neither running nor going to be called. */
void ipc_port_unwatch(struct ipc_port *port, struct ipc_port_watch *w);

#endif
