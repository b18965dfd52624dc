/*
 * port.c: port objects: references, rights accounting, the message queue,
 * and in-transit chains. Port death is in port_death.c.
 *
 * Rights accounting follows Mach: srights counts send rights (a name in a
 * space counts once whatever its urefs; each send right in a kmsg or held
 * by the kernel counts once); when it falls to 0 on an active port the
 * no-senders hook fires, after the port lock is dropped.
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/notify.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "kern/alloc.h"
#include "kern/hot_path.h"

MK_HOT_DATA struct spinlock ipc_transit_lock = SPINLOCK_INIT;

MK_HOT_DATA static size_t live_ports;

struct ipc_port *ipc_port_create(void)
{
	struct ipc_port *port = kzalloc(sizeof(*port));

	if (!port)
		return NULL;
	port->refs = 1;
	spin_init(&port->lock);
	port->active = true;
	list_init(&port->messages);
	port->qlimit = IPC_PORT_QLIMIT_DEFAULT;
	list_init(&port->pset_link);
	waitq_init(&port->receivers);
	waitq_init(&port->senders);
	__atomic_fetch_add(&live_ports, 1, __ATOMIC_RELAXED);
	return port;
}

MK_HOT_PATH void ipc_port_reference(struct ipc_port *port)
{
	uint32_t old = __atomic_fetch_add(&port->refs, 1, __ATOMIC_RELAXED);

	MK_ASSERT(old > 0);
}

MK_HOT_PATH void ipc_port_release(struct ipc_port *port)
{
	uint32_t old = __atomic_fetch_sub(&port->refs, 1, __ATOMIC_ACQ_REL);

	MK_ASSERT(old > 0);
	if (old != 1)
		return;
	/* Only a dead port can lose its last reference: the receive right
	 * of an active port holds one. */
	MK_ASSERT(!port->active && port->msgcount == 0 && !port->pset);
	MK_ASSERT(!port->destination && port->srights == 0 && port->sorights == 0);
	kfree(port);
	__atomic_fetch_sub(&live_ports, 1, __ATOMIC_RELAXED);
}

MK_HOT_PATH bool ipc_port_is_active(struct ipc_port *port)
{
	spin_lock(&port->lock);
	bool active = port->active;
	spin_unlock(&port->lock);
	return active;
}

MK_HOT_PATH void ipc_port_copy_send(struct ipc_port *port)
{
	spin_lock(&port->lock);
	MK_ASSERT(port->srights > 0);
	port->srights++;
	spin_unlock(&port->lock);
	ipc_port_reference(port);
}

MK_HOT_PATH void ipc_port_make_send(struct ipc_port *port)
{
	spin_lock(&port->lock);
	port->srights++;
	port->mscount++;
	spin_unlock(&port->lock);
	ipc_port_reference(port);
}

MK_HOT_PATH void ipc_port_make_send_once(struct ipc_port *port)
{
	spin_lock(&port->lock);
	port->sorights++;
	spin_unlock(&port->lock);
	ipc_port_reference(port);
}

MK_HOT_PATH void ipc_port_release_send(struct ipc_port *port)
{
	spin_lock(&port->lock);
	MK_ASSERT(port->srights > 0);
	bool no_senders = --port->srights == 0 && port->active;
	uint32_t mscount = port->mscount;
	spin_unlock(&port->lock);
	if (no_senders)
		ipc_notify_no_senders(port, mscount);
	ipc_port_release(port);
}

MK_HOT_PATH void ipc_port_release_send_quiet(struct ipc_port *port)
{
	spin_lock(&port->lock);
	MK_ASSERT(port->srights > 1 || (port->srights == 1 && !port->active));
	port->srights--;
	spin_unlock(&port->lock);
	ipc_port_release(port);
}

void ipc_port_release_send_once(struct ipc_port *port)
{
	if (ipc_port_is_active(port)) {
		ipc_notify_send_once(port);     /* the hook now owns the right */
		return;
	}
	ipc_port_release_send_once_quiet(port);
}

MK_HOT_PATH void ipc_port_release_send_once_quiet(struct ipc_port *port)
{
	spin_lock(&port->lock);
	MK_ASSERT(port->sorights > 0);
	port->sorights--;
	spin_unlock(&port->lock);
	ipc_port_release(port);
}

MK_HOT_PATH mk_return_t ipc_port_enqueue(struct ipc_port *port, struct ipc_kmsg *kmsg)
{
	mk_return_t ret = MK_SUCCESS;

	MK_ASSERT(kmsg->dest.port == port);
	spin_lock(&port->lock);
	if (!port->active)
		ret = MK_DEAD_NAME;
	else if (port->msgcount >= port->qlimit &&
		 kmsg->dest.type != MK_MSG_TYPE_MOVE_SEND_ONCE)
		ret = IPC_PORT_QUEUE_FULL;      /* replies always get through */
	if (ret == MK_SUCCESS) {
		list_push_back(&port->messages, &kmsg->link);
		port->msgcount++;
	}
	spin_unlock(&port->lock);
	return ret;
}

MK_HOT_PATH mk_return_t ipc_port_dequeue_locked(struct ipc_port *port, uint32_t max_size,
				    struct ipc_kmsg **out)
{
	MK_ASSERT(spin_is_locked(&port->lock));
	*out = NULL;
	if (!port->active)
		return MK_DEAD_NAME;
	if (list_is_empty(&port->messages))
		return MK_SUCCESS;
	struct ipc_kmsg *kmsg = list_entry(port->messages.next, struct ipc_kmsg, link);
	if (kmsg->size > max_size)
		return MK_MSG_TOO_LARGE;
	list_remove(&kmsg->link);
	port->msgcount--;
	*out = kmsg;
	return MK_SUCCESS;
}

mk_return_t ipc_port_set_qlimit(struct ipc_port *port, uint32_t qlimit)
{
	if (qlimit > IPC_PORT_QLIMIT_MAX)
		return MK_INVALID_VALUE;
	spin_lock(&port->lock);
	port->qlimit = qlimit;
	spin_unlock(&port->lock);
	return MK_SUCCESS;
}

MK_HOT_PATH struct ipc_pset *ipc_port_pset(struct ipc_port *port)
{
	spin_lock(&port->lock);
	struct ipc_pset *pset = port->pset;
	if (pset)
		ipc_pset_reference(pset);
	spin_unlock(&port->lock);
	return pset;
}

void ipc_port_leave_space(struct ipc_port *port)
{
	spin_lock(&port->lock);
	port->receiver = NULL;
	port->receiver_name = MK_PORT_NULL;
	spin_unlock(&port->lock);
}

void ipc_port_enter_space(struct ipc_port *port, struct ipc_space *space, mk_port_name_t name)
{
	spin_lock(&port->lock);
	MK_ASSERT(port->active && !port->receiver);
	port->receiver = space;
	port->receiver_name = name;
	spin_unlock(&port->lock);
}

void ipc_port_set_destination(struct ipc_port *port, struct ipc_port *dest)
{
	MK_ASSERT(spin_is_locked(&ipc_transit_lock));
	MK_ASSERT(!port->destination && port != dest);
	ipc_port_reference(dest);
	port->destination = dest;
}

bool ipc_port_would_be_circular(struct ipc_port *port, struct ipc_port *dest)
{
	MK_ASSERT(spin_is_locked(&ipc_transit_lock));
	for (struct ipc_port *p = dest; p; p = p->destination)
		if (p == port)
			return true;
	return false;
}

void ipc_port_clear_destination(struct ipc_port *port)
{
	spin_lock(&ipc_transit_lock);
	struct ipc_port *dest = port->destination;
	port->destination = NULL;
	spin_unlock(&ipc_transit_lock);
	if (dest)
		ipc_port_release(dest);
}

size_t ipc_port_count(void)
{
	return __atomic_load_n(&live_ports, __ATOMIC_RELAXED);
}
