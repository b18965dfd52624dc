/*
 * kmsg.c: kernel message objects: allocation, the rights they carry and
 * their destruction. Copyin and copyout are in kmsg_copyin.c and
 * kmsg_copyout.c.
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "kern/alloc.h"
#include "lib/string.h"
#include "vm/vm_map_copy.h"
#include "kern/hot_path.h"

MK_HOT_DATA static size_t live_kmsgs;

MK_HOT_PATH struct ipc_kmsg *ipc_kmsg_alloc(uint32_t size, uint32_t ndesc)
{
	if (size < sizeof(struct mk_msg_header) || size > MK_MSG_SIZE_MAX ||
	    ndesc > MK_MSG_DESCRIPTORS_MAX)
		return NULL;
	size_t rights = ndesc * (sizeof(struct ipc_kmsg_right) + sizeof(struct vm_map_copy *));
	/* The bytes are left for the caller to fill: zeroing them would cost
	 * every message a second pass over its data. */
	struct ipc_kmsg *kmsg = kmalloc(sizeof(*kmsg) + rights + size);
	if (!kmsg)
		return NULL;
	memset(kmsg, 0, sizeof(*kmsg) + rights);
	list_init(&kmsg->link);
	kmsg->size = size;
	kmsg->header.size = size;
	kmsg->descriptor_count = ndesc;
	kmsg->rights = (struct ipc_kmsg_right *)(kmsg + 1);
	kmsg->ool = (struct vm_map_copy **)(kmsg->rights + ndesc);
	kmsg->bytes = (uint8_t *)kmsg->rights + rights;
	__atomic_fetch_add(&live_kmsgs, 1, __ATOMIC_RELAXED);
	return kmsg;
}

MK_HOT_PATH void ipc_kmsg_right_release(struct ipc_kmsg_right *r, struct list_node *doomed)
{
	struct ipc_port *port = r->port;

	r->port = NULL;
	if (!port)
		return;
	switch (r->type) {
	case MK_MSG_TYPE_MOVE_RECEIVE:
		ipc_port_die(port, doomed);
		break;
	case MK_MSG_TYPE_MOVE_SEND:
		ipc_port_release_send(port);
		break;
	default:
		MK_ASSERT(r->type == MK_MSG_TYPE_MOVE_SEND_ONCE);
		ipc_port_release_send_once(port);
		break;
	}
}

MK_HOT_PATH void ipc_kmsg_clean(struct ipc_kmsg *kmsg, struct list_node *doomed)
{
	MK_ASSERT(!list_is_linked(&kmsg->link));
	ipc_kmsg_right_release(&kmsg->dest, doomed);
	ipc_kmsg_right_release(&kmsg->reply, doomed);
	for (uint32_t i = 0; i < kmsg->descriptor_count; i++) {
		ipc_kmsg_right_release(&kmsg->rights[i], doomed);
		vm_map_copy_discard(kmsg->ool[i]);
	}
	kfree(kmsg);
	__atomic_fetch_sub(&live_kmsgs, 1, __ATOMIC_RELAXED);
}

MK_HOT_PATH void ipc_kmsg_destroy(struct ipc_kmsg *kmsg)
{
	struct list_node doomed = LIST_INIT(doomed);
	struct list_node *n;

	ipc_kmsg_clean(kmsg, &doomed);
	while ((n = list_pop_front(&doomed)))
		ipc_kmsg_clean(list_entry(n, struct ipc_kmsg, link), &doomed);
}

MK_HOT_PATH struct ipc_port *ipc_kmsg_destination(const struct ipc_kmsg *kmsg)
{
	return kmsg->dest.port;
}

size_t ipc_kmsg_count(void)
{
	return __atomic_load_n(&live_kmsgs, __ATOMIC_RELAXED);
}
