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

#endif
