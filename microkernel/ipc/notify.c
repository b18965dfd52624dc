/*
 * notify.c: the kernel's side of notifications: the requests tasks make
 * (mk_port_request_notification) and the hooks of ipc/notify.h that send
 * the messages of mk/notify.h when the data layer says one is due.
 *
 * A port's requests hang off port->notify_requests and are guarded by the
 * port's lock. Each request holds a send-once right (one reference) to
 * the port the notification goes to. When the port dies the requests are
 * taken off it: dead-name requests are answered, the others' send-once
 * rights are destroyed (which sends their holders a send-once
 * notification). The kernel's own watches (ipc_port_watch) are called
 * at that moment, under the port's lock.
 */
#include "ipc/ipc_notify_requests.h"
#include "ipc/kmsg.h"
#include "ipc/mqueue.h"
#include "ipc/notify.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "ipc/space.h"
#include "kern/alloc.h"
#include "kern/interrupt.h"
#include "kern/sched.h"
#include "kern/kobject.h"
#include "lib/string.h"
#include "mk/notify.h"

struct dead_name_request {
	struct dead_name_request *next;
	struct ipc_port *notify;        /* send-once right */
	mk_port_name_t name;            /* in the requester's space */
};

struct notify_requests {
	struct ipc_port *no_senders;            /* send-once rights, or NULL */
	struct ipc_port *port_destroyed;
	struct dead_name_request *dead_names;
	struct ipc_port_watch *watches;
};

/* A notification message to the send-once right `to` (consumed). */
static void send_notification(struct ipc_port *to, int32_t id, uint32_t value)
{
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(sizeof(struct mk_notify_msg), 0);

	if (!kmsg) {
		ipc_port_release_send_once_quiet(to);   /* memory is short: lost */
		return;
	}
	struct mk_notify_msg m = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0),
			    .size = sizeof(m), .id = id },
		.value = value,
	};
	memcpy(kmsg->bytes, &m, sizeof(m));
	kmsg->header = m.header;
	kmsg->dest = (struct ipc_kmsg_right){ to, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND_ONCE };
	ipc_msg_send_kernel(kmsg);
}

/* Port lock held: the port's request block, created on first use. */
static struct notify_requests *requests_of(struct ipc_port *port, struct notify_requests *spare)
{
	if (!port->notify_requests && spare) {
		memset(spare, 0, sizeof(*spare));
		port->notify_requests = spare;
	}
	return port->notify_requests;
}

mk_return_t ipc_notify_request(struct ipc_port *port, uint32_t variant, mk_port_name_t name,
			       struct ipc_port *notify)
{
	struct notify_requests *spare = kmalloc(sizeof(*spare));
	struct dead_name_request *dn = variant == MK_NOTIFY_DEAD_NAME ? kmalloc(sizeof(*dn)) : NULL;
	struct ipc_port *previous = NULL;
	bool fire_no_senders = false;
	uint32_t mscount = 0;

	if (!spare || (variant == MK_NOTIFY_DEAD_NAME && !dn)) {
		kfree(spare);
		kfree(dn);
		return MK_RESOURCE_SHORTAGE;
	}
	spin_lock(&port->lock);
	if (!port->active) {
		spin_unlock(&port->lock);
		kfree(spare);
		kfree(dn);
		return MK_DEAD_NAME;
	}
	struct notify_requests *r = requests_of(port, spare);
	if (r == spare)
		spare = NULL;
	switch (variant) {
	case MK_NOTIFY_NO_SENDERS:
		previous = r->no_senders;
		r->no_senders = notify;
		fire_no_senders = port->srights == 0;   /* already none: say so now */
		mscount = port->mscount;
		break;
	case MK_NOTIFY_PORT_DESTROYED:
		previous = r->port_destroyed;
		r->port_destroyed = notify;
		break;
	default:
		*dn = (struct dead_name_request){ r->dead_names, notify, name };
		r->dead_names = dn;
		break;
	}
	spin_unlock(&port->lock);
	kfree(spare);
	if (previous)
		ipc_port_release_send_once(previous);
	if (fire_no_senders)
		ipc_notify_no_senders(port, mscount);
	return MK_SUCCESS;
}

mk_return_t ipc_port_watch(struct ipc_port *port, struct ipc_port_watch *w)
{
	struct notify_requests *spare = kmalloc(sizeof(*spare));

	if (!spare)
		return MK_RESOURCE_SHORTAGE;
	spin_lock(&port->lock);
	if (!port->active) {
		spin_unlock(&port->lock);
		kfree(spare);
		return MK_DEAD_NAME;
	}
	struct notify_requests *r = requests_of(port, spare);
	if (r == spare)
		spare = NULL;
	w->next = r->watches;
	r->watches = w;
	spin_unlock(&port->lock);
	kfree(spare);
	return MK_SUCCESS;
}

void ipc_port_unwatch(struct ipc_port *port, struct ipc_port_watch *w)
{
	spin_lock(&port->lock);
	struct notify_requests *r = port->notify_requests;
	for (struct ipc_port_watch **at = r ? &r->watches : NULL; at && *at; at = &(*at)->next) {
		if (*at == w) {
			*at = w->next;
			break;
		}
	}
	spin_unlock(&port->lock);
}

void ipc_notify_no_senders(struct ipc_port *port, uint32_t mscount)
{
	if (port->kobject_type != KOBJECT_NONE)        /* set before any right exists */
		kobject_no_senders(port);
	spin_lock(&port->lock);
	struct notify_requests *r = port->notify_requests;
	struct ipc_port *to = r ? r->no_senders : NULL;
	if (to)
		r->no_senders = NULL;
	spin_unlock(&port->lock);
	if (to)
		send_notification(to, MK_NOTIFY_NO_SENDERS, mscount);
}

void ipc_notify_send_once(struct ipc_port *port)
{
	send_notification(port, MK_NOTIFY_SEND_ONCE, 0);
}

bool ipc_notify_port_destroyed(struct ipc_port *port)
{
	spin_lock(&port->lock);
	struct notify_requests *r = port->notify_requests;
	struct ipc_port *to = r ? r->port_destroyed : NULL;
	if (to)
		r->port_destroyed = NULL;
	spin_unlock(&port->lock);
	if (!to)
		return false;

	spin_lock(&ipc_transit_lock);
	bool circular = to == port || ipc_port_would_be_circular(port, to);
	spin_unlock(&ipc_transit_lock);
	struct ipc_kmsg *kmsg =
		circular ? NULL : ipc_kmsg_alloc(sizeof(struct mk_notify_port_destroyed_msg), 1);
	if (!kmsg || !ipc_port_is_active(to)) {
		if (kmsg)
			ipc_kmsg_destroy(kmsg);
		ipc_port_release_send_once(to);
		return false;                   /* nobody to take it: the port dies */
	}
	struct mk_notify_port_destroyed_msg m = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0) | MK_MSGH_COMPLEX,
			    .size = sizeof(m), .id = MK_NOTIFY_PORT_DESTROYED },
		.body = { .descriptor_count = 1 },
		.port = { .disposition = MK_MSG_TYPE_MOVE_RECEIVE, .type = MK_MSG_PORT_DESCRIPTOR },
	};
	memcpy(kmsg->bytes, &m, sizeof(m));
	kmsg->header = m.header;
	kmsg->dest = (struct ipc_kmsg_right){ to, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND_ONCE };
	ipc_pset_remove(port);          /* a right in transit belongs to no set */
	kmsg->rights[0] = (struct ipc_kmsg_right){ port, MK_PORT_NULL, MK_MSG_TYPE_MOVE_RECEIVE };
	spin_lock(&ipc_transit_lock);
	ipc_port_set_destination(port, to);
	spin_unlock(&ipc_transit_lock);
	/* If `to` died since the check the kmsg is destroyed, and the port
	 * with it: then it dies the ordinary way, from there. */
	ipc_msg_send_kernel(kmsg);
	return true;
}

void ipc_notify_port_dead(struct ipc_port *port)
{
	interrupt_port_dead(port);      /* interrupt lines registered to it end */
	spin_lock(&port->lock);
	struct notify_requests *r = port->notify_requests;
	port->notify_requests = NULL;
	for (struct ipc_port_watch *w = r ? r->watches : NULL; w; w = w->next)
		w->port_dead(w);
	spin_unlock(&port->lock);

	waitq_wake_all(&port->receivers);
	waitq_wake_all(&port->senders);
	if (!r)
		return;
	for (struct dead_name_request *dn = r->dead_names, *next; dn; dn = next) {
		next = dn->next;
		send_notification(dn->notify, MK_NOTIFY_DEAD_NAME, dn->name);
		kfree(dn);
	}
	if (r->no_senders)
		ipc_port_release_send_once(r->no_senders);
	if (r->port_destroyed)
		ipc_port_release_send_once(r->port_destroyed);
	kfree(r);
}
