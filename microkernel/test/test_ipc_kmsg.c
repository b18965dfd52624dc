/*
 * test_ipc_kmsg.c: messages between spaces, ipc_kmsg_copyin then
 * ipc_kmsg_copyout: the header as received, port descriptors (moved
 * receive rights, copied and moved send rights, NULL and DEAD names),
 * rights to ports that died in transit, and copyout failing whole.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

/* Copies kmsg out into space, the message as received into *m, frees it. */
static mk_return_t receive(struct ipc_space *space, struct ipc_kmsg *kmsg, struct test_msg *m)
{
	mk_return_t ret = ipc_kmsg_copyout(space, kmsg);

	if (ret == MK_SUCCESS) {
		memcpy(m, kmsg->bytes, kmsg->size);
		ipc_kmsg_destroy(kmsg);
	}
	return ret;
}

static void simple_message_arrives_with_a_send_once_reply_and_the_receive_name(void)
{
	struct ipc_space *snd = ipc_space_create(), *rcv = ipc_space_create();
	mk_port_name_t service, reply, to_service;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(rcv, &service);
	ipc_space_allocate_port(snd, &reply);
	to_service = give_right(rcv, service, MK_MSG_TYPE_MAKE_SEND, snd);
	size_t size = msg_init(&m, to_service, MK_MSG_TYPE_COPY_SEND, reply,
			       MK_MSG_TYPE_MAKE_SEND_ONCE, 0);
	m.h.id = 42;
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(ipc_kmsg_destination(k) == port_of(rcv, service));
	UNIT_CHECK(refs_of(snd, to_service, MK_RIGHT_SEND) == 1);
	UNIT_CHECK(receive(rcv, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.bits == MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, MK_MSG_TYPE_MOVE_SEND));
	UNIT_CHECK(m.h.local_port == service && m.h.id == 42 && m.h.size == size);
	UNIT_CHECK(type_of(rcv, m.h.remote_port) == MK_RIGHT_SEND_ONCE);
	UNIT_CHECK(port_of(rcv, m.h.remote_port) == port_of(snd, reply));
	UNIT_CHECK(port_of(rcv, service)->srights == 1);        /* snd's name only */

	/* The reply uses the send-once right: it arrives at snd's reply port. */
	size = msg_init(&m, m.h.remote_port, MK_MSG_TYPE_MOVE_SEND_ONCE, 0, 0, 0);
	UNIT_CHECK(send_msg(rcv, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(receive(snd, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.bits == MK_MSGH_BITS(0, MK_MSG_TYPE_MOVE_SEND_ONCE));
	UNIT_CHECK(m.h.local_port == reply && m.h.remote_port == MK_PORT_NULL);
	UNIT_CHECK(port_of(snd, reply)->sorights == 0);
	ipc_space_release(snd);
	ipc_space_release(rcv);
}

static void make_send_destination_counts_a_make_send(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct ipc_kmsg *k;
	struct test_msg m;

	notify_reset();
	ipc_space_allocate_port(s, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, port, MK_MSG_TYPE_MAKE_SEND_ONCE, 0);
	UNIT_CHECK(send_msg(s, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(port_of(s, port)->mscount == 1 && port_of(s, port)->sorights == 1);
	UNIT_CHECK(receive(s, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.bits == MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, MK_MSG_TYPE_MOVE_SEND));
	UNIT_CHECK(m.h.local_port == port && m.h.remote_port != port);
	UNIT_CHECK(type_of(s, m.h.remote_port) == MK_RIGHT_SEND_ONCE);
	/* The destination send right was consumed: the last one went. */
	UNIT_CHECK(notified.no_senders == 1 && notified.mscount == 1);
	ipc_space_release(s);
}

static void move_receive_descriptor_moves_the_receive_right(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *snd = ipc_space_create(), *rcv = ipc_space_create();
	mk_port_name_t service, to_service, x;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(rcv, &service);
	ipc_space_allocate_port(snd, &x);
	to_service = give_right(rcv, service, MK_MSG_TYPE_MAKE_SEND, snd);
	struct ipc_port *port = port_of(snd, x);
	size_t size = msg_init(&m, to_service, MK_MSG_TYPE_COPY_SEND, 0, 0, 1);
	port_desc(&m, 0, x, MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(type_of(snd, x) == 0);
	UNIT_CHECK(port->receiver == NULL && port->destination == port_of(rcv, service));
	UNIT_CHECK(receive(rcv, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.bits == (MK_MSGH_COMPLEX | MK_MSGH_BITS(0, MK_MSG_TYPE_MOVE_SEND)));
	UNIT_CHECK(m.d[0].disposition == MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(type_of(rcv, m.d[0].value) == MK_RIGHT_RECEIVE);
	UNIT_CHECK(port_of(rcv, m.d[0].value) == port);
	UNIT_CHECK(port->receiver == rcv && port->receiver_name == m.d[0].value);
	UNIT_CHECK(port->destination == NULL);
	ipc_space_release(snd);
	ipc_space_release(rcv);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void copy_send_and_move_send_descriptors_coalesce_in_the_receiver(void)
{
	struct ipc_space *snd = ipc_space_create(), *rcv = ipc_space_create();
	struct ipc_space *third = ipc_space_create();
	mk_port_name_t service, to_service, y, to_y;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(rcv, &service);
	ipc_space_allocate_port(third, &y);
	to_service = give_right(rcv, service, MK_MSG_TYPE_MAKE_SEND, snd);
	to_y = give_right(third, y, MK_MSG_TYPE_MAKE_SEND, snd);
	ipc_space_mod_refs(snd, to_y, MK_RIGHT_SEND, 1);
	size_t size = msg_init(&m, to_service, MK_MSG_TYPE_COPY_SEND, 0, 0, 4);
	port_desc(&m, 0, to_y, MK_MSG_TYPE_COPY_SEND);
	port_desc(&m, 1, to_y, MK_MSG_TYPE_MOVE_SEND);
	port_desc(&m, 2, to_y, MK_MSG_TYPE_MOVE_SEND);
	port_desc(&m, 3, to_service, MK_MSG_TYPE_COPY_SEND);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(type_of(snd, to_y) == 0);
	UNIT_CHECK(port_of(third, y)->srights == 3);            /* all in the kmsg */
	UNIT_CHECK(receive(rcv, k, &m) == MK_SUCCESS);
	for (int i = 0; i < 4; i++)
		UNIT_CHECK(m.d[i].disposition == MK_MSG_TYPE_MOVE_SEND);
	UNIT_CHECK(m.d[0].value == m.d[1].value && m.d[1].value == m.d[2].value);
	UNIT_CHECK(refs_of(rcv, m.d[0].value, MK_RIGHT_SEND) == 3);
	UNIT_CHECK(port_of(third, y)->srights == 1);
	/* A send right to the receiver's own port joins its receive name. */
	UNIT_CHECK(m.d[3].value == service);
	UNIT_CHECK(type_of(rcv, service) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	ipc_space_release(snd);
	ipc_space_release(rcv);
	ipc_space_release(third);
}

static void message_with_the_most_descriptors_carries_every_right(void)
{
	struct ipc_space *snd = ipc_space_create(), *rcv = ipc_space_create();
	mk_port_name_t service, to_service;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(rcv, &service);
	to_service = give_right(rcv, service, MK_MSG_TYPE_MAKE_SEND, snd);
	size_t size = msg_init(&m, to_service, MK_MSG_TYPE_COPY_SEND, 0, 0,
			       MK_MSG_DESCRIPTORS_MAX);
	for (unsigned i = 0; i < MK_MSG_DESCRIPTORS_MAX; i++)
		port_desc(&m, i, to_service, MK_MSG_TYPE_COPY_SEND);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(port_of(rcv, service)->srights == 2 + MK_MSG_DESCRIPTORS_MAX);
	UNIT_CHECK(receive(rcv, k, &m) == MK_SUCCESS);
	for (unsigned i = 0; i < MK_MSG_DESCRIPTORS_MAX; i++)
		UNIT_CHECK(m.d[i].value == service);
	UNIT_CHECK(refs_of(rcv, service, MK_RIGHT_SEND) == MK_MSG_DESCRIPTORS_MAX);
	UNIT_CHECK(port_of(rcv, service)->srights == 2);
	ipc_space_release(snd);
	ipc_space_release(rcv);
}

static void null_and_dead_names_travel_as_they_are(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(s, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, MK_PORT_DEAD,
			       MK_MSG_TYPE_MAKE_SEND_ONCE, 2);
	port_desc(&m, 0, MK_PORT_NULL, MK_MSG_TYPE_MOVE_RECEIVE);
	port_desc(&m, 1, MK_PORT_DEAD, MK_MSG_TYPE_COPY_SEND);
	UNIT_CHECK(send_msg(s, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(receive(s, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.remote_port == MK_PORT_DEAD);
	UNIT_CHECK(m.h.bits == (MK_MSGH_COMPLEX |
				MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, MK_MSG_TYPE_MOVE_SEND)));
	UNIT_CHECK(m.d[0].value == MK_PORT_NULL && m.d[0].disposition == MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(m.d[1].value == MK_PORT_DEAD && m.d[1].disposition == MK_MSG_TYPE_MOVE_SEND);
	ipc_space_release(s);
}

static void send_right_to_a_port_that_died_in_transit_arrives_dead(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, doomed;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(a, &port);
	ipc_space_allocate_port(b, &doomed);
	mk_port_name_t to_doomed = give_right(b, doomed, MK_MSG_TYPE_MAKE_SEND, a);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, to_doomed,
			       MK_MSG_TYPE_MOVE_SEND, 1);
	port_desc(&m, 0, port, MK_MSG_TYPE_MAKE_SEND_ONCE);
	UNIT_CHECK(send_msg(a, &m, size, &k) == MK_SUCCESS);
	ipc_space_destroy_name(b, doomed);
	UNIT_CHECK(receive(a, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.h.remote_port == MK_PORT_DEAD);
	UNIT_CHECK(type_of(a, m.d[0].value) == MK_RIGHT_SEND_ONCE);
	ipc_space_release(a);
	ipc_space_release(b);
}

static void copyout_that_does_not_fit_leaves_message_and_space_untouched(void)
{
	struct ipc_space *a = ipc_space_create(), *full = ipc_space_create();
	mk_port_name_t port, dead, first = MK_PORT_NULL;
	struct ipc_kmsg *k;
	struct snapshot before;
	struct test_msg m;

	ipc_space_allocate_port(a, &port);
	while (ipc_space_allocate_dead_name(full, &dead) == MK_SUCCESS)
		first = first ? first : dead;
	ipc_space_deallocate(full, first);              /* room for one name */
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, port, MK_MSG_TYPE_MAKE_SEND_ONCE, 1);
	port_desc(&m, 0, port, MK_MSG_TYPE_MAKE_SEND);
	UNIT_CHECK(send_msg(a, &m, size, &k) == MK_SUCCESS);
	snap(full, &before);
	UNIT_CHECK(ipc_kmsg_copyout(full, k) == MK_NO_SPACE);
	UNIT_CHECK(unchanged(full, &before) && full->free_count == 1);
	UNIT_CHECK(k->reply.port && k->rights[0].port && k->dest.port);
	UNIT_CHECK(receive(a, k, &m) == MK_SUCCESS);
	UNIT_CHECK(m.d[0].value == port && type_of(a, m.h.remote_port) == MK_RIGHT_SEND_ONCE);
	ipc_space_release(full);
	ipc_space_release(a);
}

static void copyin_and_copyout_fail_on_a_destroyed_space(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(a, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, port, MK_MSG_TYPE_MAKE_SEND_ONCE, 0);
	UNIT_CHECK(send_msg(a, &m, size, &k) == MK_SUCCESS);
	ipc_space_destroy(b);
	UNIT_CHECK(ipc_kmsg_copyout(b, k) == MK_INVALID_TASK);
	UNIT_CHECK(k->reply.port && k->dest.port);     /* untouched */
	ipc_kmsg_destroy(k);
	UNIT_CHECK(send_msg(b, &m, size, &k) == MK_INVALID_TASK);
	ipc_space_release(a);
	ipc_space_release(b);
}

static const struct unit_case cases[] = {
	UNIT_CASE(simple_message_arrives_with_a_send_once_reply_and_the_receive_name),
	UNIT_CASE(make_send_destination_counts_a_make_send),
	UNIT_CASE(move_receive_descriptor_moves_the_receive_right),
	UNIT_CASE(copy_send_and_move_send_descriptors_coalesce_in_the_receiver),
	UNIT_CASE(message_with_the_most_descriptors_carries_every_right),
	UNIT_CASE(null_and_dead_names_travel_as_they_are),
	UNIT_CASE(send_right_to_a_port_that_died_in_transit_arrives_dead),
	UNIT_CASE(copyout_that_does_not_fit_leaves_message_and_space_untouched),
	UNIT_CASE(copyin_and_copyout_fail_on_a_destroyed_space),
};
UNIT_MAIN("host/ipc_kmsg", cases)
