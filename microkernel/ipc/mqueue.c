/*
 * mqueue.c: the blocking half of messaging (see mqueue.h): waiting for
 * room in a full queue, waiting for a message, waking the other side, and
 * the kernel's own sends.
 *
 * Order of a send: the bytes and the out-of-line regions are copied in
 * first (that may fault and wait for a pager), then the sender waits for
 * room, then the rights are copied in and the kmsg queued with nothing
 * that blocks in between, so on this uniprocessor, non-preemptible kernel
 * the room is still there.
 */
#include "ipc/kmsg.h"
#include "ipc/mqueue.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "ipc/right.h"
#include "ipc/space.h"
#include "kern/sched.h"
#include "kern/usercopy.h"
#include "kern/hot_path.h"

MK_HOT_PATH struct ipc_wait ipc_wait_for_ms(bool timed, uint64_t timeout_ms)
{
	uint64_t ticks = (timeout_ms * HZ + 999) / 1000;

	if (timeout_ms > UINT64_MAX / HZ - 1000)
		timed = false;          /* longer than the machine will run */
	return (struct ipc_wait){ timed, sched_ticks() + ticks };
}

/* Ticks left to wait: 0 means "forever" to waitq_sleep, so an expired
 * deadline is reported separately by wait_expired. */
MK_HOT_PATH static uint64_t ticks_left(struct ipc_wait w)
{
	return w.timed ? w.deadline - sched_ticks() : 0;
}

MK_HOT_PATH static bool wait_expired(struct ipc_wait w)
{
	return w.timed && sched_ticks() >= w.deadline;
}

MK_HOT_PATH static mk_return_t wait_result_code(enum wait_result r)
{
	return r == WAIT_INTERRUPTED ? MK_INTERRUPTED
	       : r == WAIT_TIMED_OUT ? MK_TIMED_OUT
				     : MK_SUCCESS;
}

/* Copies the user message into a new kmsg sized by its header and body. */
MK_HOT_PATH static mk_return_t copy_message_in(uint64_t umsg, uint32_t size, struct ipc_kmsg **out)
{
	struct mk_msg_header h;
	struct mk_msg_body body = { 0, 0 };

	if (size > MK_MSG_SIZE_MAX)
		return MK_MSG_TOO_LARGE;
	if (size < sizeof(h))
		return MK_MSG_INVALID_HEADER;
	if (copy_from_user(&h, umsg, sizeof(h)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	if ((h.bits & MK_MSGH_COMPLEX) && size >= IPC_KMSG_DESCRIPTOR_OFFSET &&
	    copy_from_user(&body, umsg + sizeof(h), sizeof(body)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	if (body.descriptor_count > MK_MSG_DESCRIPTORS_MAX)
		return MK_MSG_INVALID_DESCRIPTOR;
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(size, body.descriptor_count);
	if (!kmsg)
		return MK_RESOURCE_SHORTAGE;
	if (copy_from_user(kmsg->bytes, umsg, size) != MK_SUCCESS) {
		ipc_kmsg_destroy(kmsg);
		return MK_INVALID_ADDRESS;
	}
	*out = kmsg;
	return MK_SUCCESS;
}

/* Waits until port's queue has room. */
MK_HOT_PATH static mk_return_t wait_for_room(struct ipc_port *port, struct ipc_wait wait)
{
	for (;;) {
		spin_lock(&port->lock);
		if (!port->active) {
			spin_unlock(&port->lock);
			return MK_DEAD_NAME;
		}
		if (port->msgcount < port->qlimit) {
			spin_unlock(&port->lock);
			return MK_SUCCESS;
		}
		if (wait_expired(wait)) {
			spin_unlock(&port->lock);
			return MK_TIMED_OUT;
		}
		mk_return_t r = wait_result_code(
			waitq_sleep(&port->senders, &port->lock, ticks_left(wait)));
		if (r != MK_SUCCESS)
			return r;
	}
}

/* A message was queued on port: wakes a receiver of the port or its set. */
MK_HOT_PATH static struct thread *wake_receiver(struct ipc_port *port)
{
	struct thread *t = waitq_wake_one(&port->receivers);
	if (t)
		return t;
	struct ipc_pset *pset = ipc_port_pset(port);
	if (!pset)
		return NULL;
	/* A receiver checking the set holds its lock until it sleeps. */
	spin_lock(&pset->lock);
	spin_unlock(&pset->lock);
	t = waitq_wake_one(&pset->receivers);
	ipc_pset_release(pset);
	return t;
}

MK_HOT_PATH mk_return_t ipc_msg_send(struct ipc_space *space, struct vm_map *map, uint64_t umsg,
			 uint32_t size, struct ipc_wait wait, struct thread **woken)
{
	struct ipc_kmsg *kmsg;
	struct ipc_port *port;

	*woken = NULL;
	mk_return_t ret = copy_message_in(umsg, size, &kmsg);
	if (ret != MK_SUCCESS)
		return ret;
	ret = ipc_kmsg_copyin_ool(kmsg, map);
	const struct mk_msg_header *h = (const struct mk_msg_header *)kmsg->bytes;
	/* A send-once right always gets through (ipc_port_enqueue). */
	if (ret == MK_SUCCESS &&
	    ipc_right_result_type(MK_MSGH_REMOTE(h->bits)) != MK_MSG_TYPE_MOVE_SEND_ONCE) {
		ret = ipc_space_lookup_port(space, h->remote_port,
					    MK_RIGHT_SEND | MK_RIGHT_RECEIVE, &port);
		if (ret == MK_SUCCESS) {
			ret = wait_for_room(port, wait);
			ipc_port_release(port);
		}
	}
	if (ret == MK_SUCCESS)
		ret = ipc_kmsg_copyin_prepared(space, kmsg);
	if (ret != MK_SUCCESS) {
		ipc_kmsg_destroy(kmsg);         /* carries no right; releases the regions */
		return ret;
	}
	ipc_kmsg_ool_sent(kmsg, map);
	port = ipc_kmsg_destination(kmsg);
	ret = ipc_port_enqueue(port, kmsg);
	if (ret != MK_SUCCESS) {
		/* Dead since the copyin (or, on a multiprocessor, full again):
		 * the message and the rights it carried are destroyed, as
		 * Mach does for a destination that died in flight. */
		ipc_kmsg_destroy(kmsg);
		return ret == MK_DEAD_NAME ? MK_DEAD_NAME : MK_TIMED_OUT;
	}
	*woken = wake_receiver(port);
	return MK_SUCCESS;
}

void ipc_msg_send_kernel(struct ipc_kmsg *kmsg)
{
	struct ipc_port *port = ipc_kmsg_destination(kmsg);

	if (ipc_port_enqueue(port, kmsg) != MK_SUCCESS) {
		ipc_kmsg_destroy(kmsg);
		return;
	}
	wake_receiver(port);
}

mk_return_t ipc_msg_send_kernel_nowait(struct ipc_kmsg *kmsg)
{
	struct ipc_port *port = ipc_kmsg_destination(kmsg);
	mk_return_t ret = ipc_port_enqueue(port, kmsg);

	if (ret == MK_SUCCESS)
		wake_receiver(port);
	return ret;
}

/* One attempt to take a message, sleeping (and returning MK_SUCCESS with
 * *kmsg NULL) when there is none. */
MK_HOT_PATH static mk_return_t take_or_sleep(struct ipc_port *port, struct ipc_pset *pset, uint32_t max,
				 struct ipc_wait wait, struct thread **handoff,
				 struct ipc_kmsg **kmsg)
{
	struct spinlock *lock = port ? &port->lock : &pset->lock;
	struct waitq *wq = port ? &port->receivers : &pset->receivers;

	spin_lock(lock);
	mk_return_t ret = port ? ipc_port_dequeue_locked(port, max, kmsg)
			       : ipc_pset_dequeue_locked(pset, max, kmsg);
	if (ret != MK_SUCCESS || *kmsg) {
		spin_unlock(lock);
		return ret;
	}
	if (wait_expired(wait)) {
		spin_unlock(lock);
		return MK_TIMED_OUT;
	}
	enum wait_result r = waitq_sleep_handoff(wq, lock, ticks_left(wait), *handoff);
	*handoff = NULL;
	return wait_result_code(r);
}

/* Hands the received kmsg's regions, rights and bytes to the task. */
MK_HOT_PATH static mk_return_t deliver(struct ipc_space *space, struct vm_map *map, struct ipc_kmsg *kmsg,
			   uint64_t umsg)
{
	/* The queue has room again. */
	waitq_wake_one(&ipc_kmsg_destination(kmsg)->senders);
	mk_return_t ret = ipc_kmsg_copyout_ool(kmsg, map);
	if (ret != MK_SUCCESS) {
		ipc_kmsg_destroy(kmsg);
		return ret;
	}
	ret = ipc_kmsg_copyout(space, kmsg);
	if (ret == MK_SUCCESS && copy_to_user(umsg, kmsg->bytes, kmsg->size) != MK_SUCCESS)
		ret = MK_INVALID_ADDRESS;       /* the rights are in the space already */
	if (ret != MK_SUCCESS)
		ipc_kmsg_ool_unmap(kmsg, map);  /* addresses the task will never learn */
	ipc_kmsg_destroy(kmsg);
	return ret;
}

MK_HOT_PATH mk_return_t ipc_msg_receive(struct ipc_space *space, struct vm_map *map, uint64_t umsg,
			    uint32_t rcv_size, mk_port_name_t rcv_name, struct ipc_wait wait,
			    struct thread *handoff)
{
	struct ipc_port *port;
	struct ipc_pset *pset;
	struct ipc_kmsg *kmsg = NULL;

	if (!user_range_is_valid(umsg, rcv_size))
		return MK_INVALID_ADDRESS;
	mk_return_t ret = ipc_space_lookup_receive(space, rcv_name, &port, &pset);
	while (ret == MK_SUCCESS && !kmsg)
		ret = take_or_sleep(port, pset, rcv_size, wait, &handoff, &kmsg);
	if (port)
		ipc_port_release(port);
	if (pset)
		ipc_pset_release(pset);
	return kmsg ? deliver(space, map, kmsg, umsg) : ret;
}

mk_return_t ipc_msg_send_kernel_wait(struct ipc_kmsg *kmsg, struct ipc_wait wait)
{
	struct ipc_port *port = ipc_kmsg_destination(kmsg);

	for (;;) {
		/* A send-once right always gets through (ipc_port_enqueue). */
		mk_return_t ret = kmsg->dest.type == MK_MSG_TYPE_MOVE_SEND_ONCE
					  ? MK_SUCCESS : wait_for_room(port, wait);
		if (ret == MK_SUCCESS)
			ret = ipc_port_enqueue(port, kmsg);
		if (ret == MK_SUCCESS) {
			wake_receiver(port);
			return MK_SUCCESS;
		}
		if (ret != IPC_PORT_QUEUE_FULL) {       /* full again: wait again */
			ipc_kmsg_destroy(kmsg);
			return ret;
		}
	}
}

mk_return_t ipc_msg_receive_kernel(struct ipc_port *port, struct ipc_wait wait,
				   struct ipc_kmsg **out)
{
	struct thread *handoff = NULL;
	mk_return_t ret = MK_SUCCESS;

	*out = NULL;
	while (ret == MK_SUCCESS && !*out)
		ret = take_or_sleep(port, NULL, UINT32_MAX, wait, &handoff, out);
	if (!*out)
		return ret;
	waitq_wake_one(&port->senders);         /* the queue has room again */
	struct ipc_port *dest = (*out)->dest.port;
	(*out)->dest.port = NULL;
	if ((*out)->dest.type == MK_MSG_TYPE_MOVE_SEND_ONCE)
		ipc_port_release_send_once_quiet(dest);         /* used, not lost */
	else
		ipc_port_release_send(dest);
	return MK_SUCCESS;
}
