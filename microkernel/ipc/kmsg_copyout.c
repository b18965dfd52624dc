/*
 * kmsg_copyout.c: turning a kmsg into the message a task receives.
 *
 * All-or-nothing like copyin: every name the message will need is
 * reserved first (one entry per right at most), so once the rights start
 * moving into the space nothing can fail. The destination right is not
 * given to the receiver (it holds the receive right): it is consumed,
 * after the space lock is dropped since a last send right may notify.
 * Out-of-line descriptors were copied out before (kmsg_ool.c).
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/right.h"
#include "ipc/space_internal.h"
#include "lib/string.h"
#include "kern/hot_path.h"

/* Space lock held and an entry reserved: the name r ends up with. */
MK_HOT_PATH static mk_port_name_t copyout_right(struct ipc_space *space, struct ipc_kmsg_right *r)
{
	if (!r->port)
		return r->name;         /* MK_PORT_NULL or MK_PORT_DEAD as sent */
	mk_port_name_t name = ipc_right_copyout(space, r);
	r->port = NULL;
	return name;
}

MK_HOT_PATH static uint32_t rights_carried(const struct ipc_kmsg *kmsg)
{
	uint32_t n = kmsg->reply.port != NULL;

	for (uint32_t i = 0; i < kmsg->descriptor_count; i++)
		n += kmsg->rights[i].port != NULL;
	return n;
}

/* The receiver's name for the destination, if it holds the receive right. */
MK_HOT_PATH static mk_port_name_t local_name(struct ipc_space *space, struct ipc_port *port)
{
	spin_lock(&port->lock);
	mk_port_name_t name = port->receiver == space ? port->receiver_name : MK_PORT_NULL;
	spin_unlock(&port->lock);
	return name;
}

MK_HOT_PATH static void consume_destination(struct ipc_kmsg_right *dest)
{
	struct ipc_port *port = dest->port;

	dest->port = NULL;
	if (dest->type == MK_MSG_TYPE_MOVE_SEND_ONCE)
		ipc_port_release_send_once_quiet(port);         /* used, not lost */
	else
		ipc_port_release_send(port);
}

MK_HOT_PATH mk_return_t ipc_kmsg_copyout(struct ipc_space *space, struct ipc_kmsg *kmsg)
{
	struct mk_msg_header *h = &kmsg->header;

	spin_lock(&space->lock);
	mk_return_t ret = space->active ? ipc_space_reserve(space, rights_carried(kmsg))
					: MK_INVALID_TASK;
	if (ret != MK_SUCCESS) {
		spin_unlock(&space->lock);
		return ret;
	}
	unsigned reply_type = kmsg->reply.port || kmsg->reply.name ? kmsg->reply.type : 0;
	h->remote_port = copyout_right(space, &kmsg->reply);
	h->local_port = local_name(space, kmsg->dest.port);
	for (uint32_t i = 0; i < kmsg->descriptor_count; i++) {
		struct mk_msg_descriptor d;
		uint8_t *at = kmsg->bytes + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(d);

		memcpy(&d, at, sizeof(d));
		if (d.type == MK_MSG_OOL_DESCRIPTOR)
			continue;
		d.value = copyout_right(space, &kmsg->rights[i]);
		d.disposition = kmsg->rights[i].type;
		memcpy(at, &d, sizeof(d));
	}
	spin_unlock(&space->lock);

	h->bits = (h->bits & MK_MSGH_COMPLEX) | MK_MSGH_BITS(reply_type, kmsg->dest.type);
	memcpy(kmsg->bytes, h, sizeof(*h));
	consume_destination(&kmsg->dest);
	return MK_SUCCESS;
}
