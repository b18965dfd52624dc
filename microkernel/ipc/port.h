/*
 * port.h: the port, a kernel-protected message queue.
 *
 * A port has exactly one receive right (held by a space, carried in a
 * message "in transit", or held by the kernel), any number of send rights
 * and send-once rights. The object lives while referenced: every right held
 * anywhere (a space entry, a kmsg, the kernel) owns one reference. A port
 * is active until its receive right is destroyed; then it is dead, its
 * queue is destroyed and the rights still naming it read as dead names.
 *
 * This file owns the rights accounting (srights, mscount, sorights), the
 * queue, and port death. It never blocks: a full queue is reported with
 * IPC_PORT_QUEUE_FULL and the trap layer decides to wait or time out.
 *
 * Lock order (outermost first; see microkernel/README.md):
 *   space->lock  >  ipc_transit_lock  >  pset->lock  >  port->lock
 * Never two port locks or two pset locks at once. Notification hooks
 * (notify.h) are called with none of these held.
 */
#ifndef MK_IPC_PORT_H
#define MK_IPC_PORT_H

#include <stdbool.h>
#include <stdint.h>

#include "kern/sched.h"
#include "kern/spinlock.h"
#include "lib/list.h"
#include "mk/message.h"
#include "mk/return.h"

struct ipc_space;
struct ipc_pset;
struct ipc_kmsg;

#define IPC_PORT_QLIMIT_DEFAULT 5
#define IPC_PORT_QLIMIT_MAX     1024

/* Internal status of ipc_port_enqueue, never returned to a task. */
#define IPC_PORT_QUEUE_FULL ((mk_return_t)-1)

/* Guards every port's `destination` (in-transit chains, for the
 * circularity check of ipc_kmsg_copyin). */
extern struct spinlock ipc_transit_lock;

struct ipc_port {
	uint32_t refs;                  /* atomic */
	struct spinlock lock;
	/* Guarded by lock: */
	bool active;
	struct ipc_space *receiver;     /* space holding the receive right, or NULL */
	mk_port_name_t receiver_name;   /* its name there */
	uint32_t srights;               /* send rights: a name counts once, whatever its urefs */
	uint32_t mscount;               /* make-send count */
	uint32_t sorights;              /* send-once rights */
	struct list_node messages;      /* struct ipc_kmsg, FIFO */
	uint32_t msgcount;
	uint32_t qlimit;
	void *notify_requests;          /* owned by the notification layer, never read here */
	/* A kernel object's port (a task's, a thread's, ...): the object, or NULL
	 * once it is gone; its receive right is held by the kernel. Both are
	 * set before any right exists; then only kobject changes (cleared). */
	void *kobject;
	uint32_t kobject_type;          /* enum kobject_type (kern/kobject.h) */
	/* Guarded by lock and by the set's lock (either to read, both to write): */
	struct ipc_pset *pset;
	/* Guarded by pset->lock: */
	struct list_node pset_link;
	/* Guarded by ipc_transit_lock: */
	struct ipc_port *destination;   /* in transit: the port of the message holding the
					 * receive right (referenced); NULL otherwise */
	/* For the trap layer (guarded by sched_lock): */
	struct waitq receivers;
	struct waitq senders;
};

/* A new active port held by no one yet; the caller owns its receive right
 * (and the one reference that goes with it). NULL when memory is short. */
struct ipc_port *ipc_port_create(void);
void ipc_port_reference(struct ipc_port *port);
/* Drops a reference; the last one frees the (dead) port. Any lock may be held. */
void ipc_port_release(struct ipc_port *port);
bool ipc_port_is_active(struct ipc_port *port);

/* Rights accounting. Each "make"/"copy" returns a new right with its own
 * reference; each "release" consumes one. */
void ipc_port_copy_send(struct ipc_port *port);         /* another send right */
void ipc_port_make_send(struct ipc_port *port);         /* from the receive right: mscount++ */
void ipc_port_make_send_once(struct ipc_port *port);
/* No locks held: may fire no-senders (last send right of an active port). */
void ipc_port_release_send(struct ipc_port *port);
/* No locks held: fires the send-once hook if the port is active. */
void ipc_port_release_send_once(struct ipc_port *port);
/* Releases a send-once right without any notification (for the hook, or
 * when the right was used: a message was sent with it). Any lock may be held. */
void ipc_port_release_send_once_quiet(struct ipc_port *port);
/* Releases a send right known not to be the last one (another send right
 * exists) or to a dead port: never notifies, any lock may be held. */
void ipc_port_release_send_quiet(struct ipc_port *port);

/* The queue. enqueue takes the kmsg (and its rights) on MK_SUCCESS; on
 * IPC_PORT_QUEUE_FULL (count >= qlimit; never for a message sent to a
 * send-once right) or MK_DEAD_NAME the kmsg stays the caller's. */
mk_return_t ipc_port_enqueue(struct ipc_port *port, struct ipc_kmsg *kmsg);
/* Takes the first message into *out (NULL when the queue is empty) unless
 * it is larger than max_size: then MK_MSG_TOO_LARGE and it stays queued.
 * MK_DEAD_NAME when the port is dead. Caller holds port->lock (the trap
 * layer keeps it to sleep on an empty queue without losing a wake-up). */
mk_return_t ipc_port_dequeue_locked(struct ipc_port *port, uint32_t max_size,
				    struct ipc_kmsg **out);
mk_return_t ipc_port_set_qlimit(struct ipc_port *port, uint32_t qlimit);
/* The set the port belongs to, referenced, or NULL (to wake its receivers). */
struct ipc_pset *ipc_port_pset(struct ipc_port *port);

/* Destroys a receive right the caller holds (its reference is consumed),
 * no locks held: the port-destroyed hook may take it; otherwise the port
 * dies, leaves its set, its queued messages are destroyed (releasing the
 * rights they carry, iteratively for receive rights inside them), and the
 * port-dead hook fires. */
void ipc_port_destroy(struct ipc_port *port);

/* For ipc/ only: ipc_port_destroy without draining, the dead port's
 * messages go onto doomed for the caller to clean. */
void ipc_port_die(struct ipc_port *port, struct list_node *doomed);

/* Receive-right moves (transit lock held only where noted). */
void ipc_port_leave_space(struct ipc_port *port);      /* receiver = NULL */
void ipc_port_enter_space(struct ipc_port *port, struct ipc_space *space, mk_port_name_t name);
/* Transit lock held: the receive right now travels in a message to dest. */
void ipc_port_set_destination(struct ipc_port *port, struct ipc_port *dest);
/* Transit lock held: true when moving port's receive right to dest would
 * put it in its own queue, directly or through other ports in transit. */
bool ipc_port_would_be_circular(struct ipc_port *port, struct ipc_port *dest);
/* Takes the transit lock: the receive right is no longer in transit. */
void ipc_port_clear_destination(struct ipc_port *port);

size_t ipc_port_count(void);    /* live ports, for leak tests */

#endif
