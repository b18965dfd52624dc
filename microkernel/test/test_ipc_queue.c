/*
 * test_ipc_queue.c: a port's message queue: the queue limit (and replies
 * to send-once rights getting past it), FIFO dequeue, a message too large
 * for the receiver staying queued, dead ports, and the messages a dying
 * port still holds being destroyed, with the receive rights inside them
 * and those ports' own queues.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

static mk_return_t dequeue(struct ipc_port *port, uint32_t max_size, struct ipc_kmsg **out)
{
	spin_lock(&port->lock);
	mk_return_t ret = ipc_port_dequeue_locked(port, max_size, out);
	spin_unlock(&port->lock);
	return ret;
}

static void enqueue_stops_at_qlimit_but_send_once_gets_through(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	for (int i = 0; i < IPC_PORT_QLIMIT_DEFAULT; i++) {
		struct ipc_kmsg *k = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, i, 24);
		UNIT_CHECK(k && ipc_port_enqueue(port, k) == MK_SUCCESS);
	}
	struct ipc_kmsg *full = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 9, 24);
	UNIT_CHECK(ipc_port_enqueue(port, full) == IPC_PORT_QUEUE_FULL);
	ipc_kmsg_destroy(full);                         /* still ours */
	struct ipc_kmsg *reply = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND_ONCE, 10, 24);
	UNIT_CHECK(ipc_port_enqueue(port, reply) == MK_SUCCESS);
	UNIT_CHECK(port->msgcount == IPC_PORT_QLIMIT_DEFAULT + 1);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void qlimit_can_be_raised_up_to_the_maximum(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	UNIT_CHECK(ipc_port_set_qlimit(port, IPC_PORT_QLIMIT_MAX + 1) == MK_INVALID_VALUE);
	UNIT_CHECK(ipc_port_set_qlimit(port, 1) == MK_SUCCESS);
	struct ipc_kmsg *a = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 1, 24);
	struct ipc_kmsg *b = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 2, 24);
	UNIT_CHECK(ipc_port_enqueue(port, a) == MK_SUCCESS);
	UNIT_CHECK(ipc_port_enqueue(port, b) == IPC_PORT_QUEUE_FULL);
	UNIT_CHECK(ipc_port_set_qlimit(port, IPC_PORT_QLIMIT_MAX) == MK_SUCCESS);
	UNIT_CHECK(ipc_port_enqueue(port, b) == MK_SUCCESS);
	ipc_space_release(s);
}

static void dequeue_takes_messages_in_fifo_order(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name;
	struct ipc_kmsg *k;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	UNIT_CHECK(dequeue(port, 1024, &k) == MK_SUCCESS && k == NULL);
	for (int i = 1; i <= 3; i++)
		ipc_port_enqueue(port, send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, i, 24));
	for (int i = 1; i <= 3; i++) {
		UNIT_CHECK(dequeue(port, 1024, &k) == MK_SUCCESS && k && k->header.id == i);
		UNIT_CHECK(port->msgcount == (uint32_t)(3 - i));
		if (k)
			ipc_kmsg_destroy(k);
	}
	UNIT_CHECK(dequeue(port, 1024, &k) == MK_SUCCESS && k == NULL);
	ipc_space_release(s);
}

static void message_too_large_for_the_receiver_stays_queued(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name;
	struct ipc_kmsg *k;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	ipc_port_enqueue(port, send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 1, 100));
	ipc_port_enqueue(port, send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 2, 24));
	UNIT_CHECK(dequeue(port, 99, &k) == MK_MSG_TOO_LARGE && k == NULL);
	UNIT_CHECK(port->msgcount == 2);
	UNIT_CHECK(dequeue(port, 100, &k) == MK_SUCCESS && k && k->header.id == 1);
	ipc_kmsg_destroy(k);
	ipc_space_release(s);
}

static void dead_port_refuses_enqueue_and_dequeue(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name;
	struct ipc_kmsg *k;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	struct ipc_kmsg *queued = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 1, 24);
	struct ipc_kmsg *late = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, 2, 24);
	ipc_port_enqueue(port, queued);
	UNIT_CHECK(ipc_space_destroy_name(s, name) == MK_SUCCESS);     /* late keeps it */
	UNIT_CHECK(!ipc_port_is_active(port) && port->msgcount == 0);
	UNIT_CHECK(ipc_kmsg_count() == start.kmsgs + 1);      /* the queued one is gone */
	UNIT_CHECK(ipc_port_enqueue(port, late) == MK_DEAD_NAME);
	UNIT_CHECK(dequeue(port, 1024, &k) == MK_DEAD_NAME && k == NULL);
	ipc_kmsg_destroy(late);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void dying_port_destroys_receive_rights_queued_in_it_and_their_queues(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create(), *other = ipc_space_create();
	mk_port_name_t a, b, c, send_c;

	notify_reset();
	ipc_space_allocate_port(s, &a);
	ipc_space_allocate_port(s, &b);
	ipc_space_allocate_port(s, &c);
	send_c = give_right(s, c, MK_MSG_TYPE_MAKE_SEND, other);
	ipc_port_enqueue(port_of(s, b), send_simple(s, b, MK_MSG_TYPE_MAKE_SEND, 1, 24));
	UNIT_CHECK(queue_receive_right(s, b, c));       /* c rides in b's queue */
	UNIT_CHECK(queue_receive_right(s, a, b));       /* b rides in a's queue */
	UNIT_CHECK(ipc_port_count() == start.ports + 3 && ipc_kmsg_count() == start.kmsgs + 3);
	UNIT_CHECK(ipc_space_destroy_name(s, a) == MK_SUCCESS);
	UNIT_CHECK(notified.port_dead == 3);
	UNIT_CHECK(type_of(other, send_c) == MK_RIGHT_DEAD_NAME);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
	ipc_space_release(other);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void long_chain_of_queued_receive_rights_is_destroyed(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	enum { N = 20000 };
	mk_port_name_t head, next;

	/* Each new port's queue holds the previous one's receive right. */
	ipc_space_allocate_port(s, &head);
	for (int i = 0; i < N; i++) {
		ipc_space_allocate_port(s, &next);
		UNIT_CHECK(queue_receive_right(s, next, head));
		head = next;
	}
	UNIT_CHECK(ipc_port_count() == start.ports + N + 1);
	ipc_space_destroy_name(s, head);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
	ipc_space_release(s);
}

static const struct unit_case cases[] = {
	UNIT_CASE(enqueue_stops_at_qlimit_but_send_once_gets_through),
	UNIT_CASE(qlimit_can_be_raised_up_to_the_maximum),
	UNIT_CASE(dequeue_takes_messages_in_fifo_order),
	UNIT_CASE(message_too_large_for_the_receiver_stays_queued),
	UNIT_CASE(dead_port_refuses_enqueue_and_dequeue),
	UNIT_CASE(dying_port_destroys_receive_rights_queued_in_it_and_their_queues),
	UNIT_CASE(long_chain_of_queued_receive_rights_is_destroyed),
};
UNIT_MAIN("host/ipc_queue", cases)
