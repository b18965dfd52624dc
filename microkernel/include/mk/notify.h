/*
 * notify.h: the notifications the kernel sends about ports, and how a task
 * asks for them (mk_port_request_notification). Each is an ordinary
 * message sent with a send-once right the requester supplied; the header
 * id says which. Message ids are Mach's.
 */
#ifndef MK_NOTIFY_H
#define MK_NOTIFY_H

#include <stdint.h>

#include "mk/message.h"

/* Request variants and message ids. */
#define MK_NOTIFY_PORT_DESTROYED 69     /* the receive right comes back in a descriptor */
#define MK_NOTIFY_NO_SENDERS     70     /* the last send right went away */
#define MK_NOTIFY_SEND_ONCE      71     /* a send-once right was destroyed unused */
#define MK_NOTIFY_DEAD_NAME      72     /* the port a right names died */

/* no-senders, send-once, dead-name. */
struct mk_notify_msg {
	struct mk_msg_header header;
	uint32_t value;                 /* no-senders: make-send count; dead-name: the name */
	uint32_t reserved;
};
_Static_assert(sizeof(struct mk_notify_msg) == 32, "ABI");

/* port-destroyed: carries the receive right. */
struct mk_notify_port_destroyed_msg {
	struct mk_msg_header header;
	struct mk_msg_body body;        /* descriptor_count 1 */
	struct mk_msg_descriptor port;  /* MK_MSG_TYPE_MOVE_RECEIVE */
};
_Static_assert(sizeof(struct mk_notify_port_destroyed_msg) == 48, "ABI");

#endif
