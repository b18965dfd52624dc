/*
 * mqueue.h: sending and receiving messages with blocking, for the mk_msg
 * trap and for the kernel's own messages (notifications).
 *
 * A sender whose destination queue is full waits on the port's `senders`
 * queue; a receiver with nothing to take waits on the port's or set's
 * `receivers` queue, each under the lock that guards the condition it
 * checked (port->lock, pset->lock), so no wake-up is lost. A call (send
 * then receive) hands the CPU straight to the receiver it woke.
 */
#ifndef MK_IPC_MQUEUE_H
#define MK_IPC_MQUEUE_H

#include <stdbool.h>
#include <stdint.h>

#include "mk/return.h"
#include "mk/types.h"

struct ipc_kmsg;
struct ipc_port;
struct ipc_space;
struct thread;
struct vm_map;

/* How long a send or receive may wait. */
struct ipc_wait {
	bool timed;             /* false: as long as it takes */
	uint64_t deadline;      /* in scheduler ticks, when timed */
};

struct ipc_wait ipc_wait_for_ms(bool timed, uint64_t timeout_ms);

/* Sends the user message at umsg (size bytes) from space; its out-of-line
 * regions come from map (the same task's). On success *woken is the
 * receiver the message woke (or NULL), for a hand-off. */
mk_return_t ipc_msg_send(struct ipc_space *space, struct vm_map *map, uint64_t umsg,
			 uint32_t size, struct ipc_wait wait, struct thread **woken);

/* Receives into the user buffer umsg (rcv_size bytes) from the receive
 * right or port set rcv_name; out-of-line regions are mapped into map
 * (the same task's). If it must wait, it runs `handoff` first when it
 * can. A message larger than rcv_size stays queued (MK_MSG_TOO_LARGE).
 * A message that cannot be delivered whole (no room for its names or its
 * regions: MK_NO_SPACE) is destroyed and the error returned. */
mk_return_t ipc_msg_receive(struct ipc_space *space, struct vm_map *map, uint64_t umsg,
			    uint32_t rcv_size, mk_port_name_t rcv_name, struct ipc_wait wait,
			    struct thread *handoff);

/* Queues a message the kernel built (a notification) and wakes a
 * receiver; a message to a dead port is destroyed. Never blocks: the
 * kernel sends only with send-once rights, which a full queue accepts. */
void ipc_msg_send_kernel(struct ipc_kmsg *kmsg);
/* The same from interrupt context: never frees. On MK_DEAD_NAME (or
 * IPC_PORT_QUEUE_FULL for a send right) the kmsg stays the caller's. */
mk_return_t ipc_msg_send_kernel_nowait(struct ipc_kmsg *kmsg);

/* The same for a kernel message to a send right (a request, e.g. an
 * exception message): waits for room like a task's send. On error
 * (MK_DEAD_NAME, MK_TIMED_OUT, MK_INTERRUPTED) the kmsg is destroyed. */
mk_return_t ipc_msg_send_kernel_wait(struct ipc_kmsg *kmsg, struct ipc_wait wait);

/* Takes the next message of a port whose receive right the kernel holds,
 * waiting as ipc_msg_receive does. On success *out is the kmsg, its
 * destination right consumed, for the caller to read and destroy. */
mk_return_t ipc_msg_receive_kernel(struct ipc_port *port, struct ipc_wait wait,
				   struct ipc_kmsg **out);

#endif
