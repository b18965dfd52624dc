/*
 * port_death.c: destroying a receive right. The port leaves its space,
 * its port set and its in-transit chain; then the port-destroyed hook may
 * take the right; otherwise the port dies: it stops accepting messages and
 * its queued messages are destroyed. Those messages may carry receive
 * rights whose ports die in turn; their queues go onto the same work list,
 * so arbitrarily long chains never recurse on the kernel stack.
 *
 * Send and send-once rights naming the dead port are not hunted down: a
 * space sees them as dead names the next time it looks (space.c).
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/notify.h"
#include "ipc/port.h"
#include "ipc/pset.h"

void ipc_port_die(struct ipc_port *port, struct list_node *doomed)
{
	/* Out of its space, its set and its in-transit chain first: the hook
	 * may keep the receive right, which then belongs to no one else. */
	ipc_port_leave_space(port);
	ipc_pset_remove(port);
	ipc_port_clear_destination(port);
	if (ipc_notify_port_destroyed(port))
		return;                 /* the hook took the receive right */

	spin_lock(&port->lock);
	MK_ASSERT(port->active);
	port->active = false;
	while (!list_is_empty(&port->messages))
		list_push_back(doomed, list_pop_front(&port->messages));
	port->msgcount = 0;
	spin_unlock(&port->lock);

	ipc_notify_port_dead(port);
	ipc_port_release(port);         /* the receive right's reference */
}

void ipc_port_destroy(struct ipc_port *port)
{
	struct list_node doomed = LIST_INIT(doomed);
	struct list_node *n;

	ipc_port_die(port, &doomed);
	while ((n = list_pop_front(&doomed)))
		ipc_kmsg_clean(list_entry(n, struct ipc_kmsg, link), &doomed);
}
