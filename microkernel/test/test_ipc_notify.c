/*
 * test_ipc_notify.c: rights accounting and the notification hooks it
 * fires: make-send counts, no-senders on the last send right (once, with
 * the make-send count), send-once for an unused send-once right (never for
 * a used one), port-dead once per port, and the port-destroyed hook keeping
 * a receive right.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

static void make_send_increments_mscount_and_copy_send_does_not(void)
{
	struct ipc_space *s = ipc_space_create();
	struct ipc_port *p1, *p2, *p3;
	mk_port_name_t name;
	unsigned type;

	ipc_space_allocate_port(s, &name);
	struct ipc_port *port = port_of(s, name);
	UNIT_CHECK(port->mscount == 0 && port->srights == 0);
	UNIT_CHECK(ipc_space_copyin(s, name, MK_MSG_TYPE_MAKE_SEND, &p1, &type) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_copyin(s, name, MK_MSG_TYPE_MAKE_SEND, &p2, &type) == MK_SUCCESS);
	UNIT_CHECK(p1 == port && p2 == port && type == MK_MSG_TYPE_MOVE_SEND);
	UNIT_CHECK(port->mscount == 2 && port->srights == 2);
	ipc_space_copyout(s, p2, type, &name);
	UNIT_CHECK(ipc_space_copyin(s, name, MK_MSG_TYPE_COPY_SEND, &p3, &type) == MK_SUCCESS);
	UNIT_CHECK(port->mscount == 2 && port->srights == 3);
	ipc_port_release_send(p1);
	ipc_port_release_send(p3);
	ipc_space_release(s);
}

static void last_send_right_fires_no_senders_once_with_mscount(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	ipc_space_mod_refs(b, send, MK_RIGHT_SEND, 1);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_SUCCESS);
	UNIT_CHECK(notified.no_senders == 0);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_SUCCESS);
	UNIT_CHECK(notified.no_senders == 1);
	UNIT_CHECK(notified.port == port_of(a, port) && notified.mscount == 2);
	ipc_space_release(b);
	ipc_space_release(a);
	UNIT_CHECK(notified.no_senders == 1 && notified.port_dead == 1);
}

static void moving_one_of_several_urefs_keeps_the_name_a_sender(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send;
	struct ipc_port *moved;
	unsigned type;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	ipc_space_mod_refs(b, send, MK_RIGHT_SEND, 1);
	UNIT_CHECK(ipc_space_copyin(b, send, MK_MSG_TYPE_MOVE_SEND, &moved, &type) == MK_SUCCESS);
	UNIT_CHECK(type_of(b, send) == MK_RIGHT_SEND && refs_of(b, send, MK_RIGHT_SEND) == 1);
	UNIT_CHECK(moved->srights == 2);
	ipc_port_release_send(moved);
	UNIT_CHECK(notified.no_senders == 0);
	ipc_space_deallocate(b, send);
	UNIT_CHECK(notified.no_senders == 1 && notified.mscount == 1);
	ipc_space_release(b);
	ipc_space_release(a);
}

static void unused_send_once_right_fires_the_send_once_hook(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, so;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	so = give_right(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, b);
	UNIT_CHECK(port_of(a, port)->sorights == 1);
	UNIT_CHECK(ipc_space_deallocate(b, so) == MK_SUCCESS);
	UNIT_CHECK(notified.send_once == 1 && notified.port == port_of(a, port));
	UNIT_CHECK(port_of(a, port)->sorights == 0 && port_of(a, port)->refs == 1);
	/* Also when it goes away inside a message nobody received. */
	struct ipc_kmsg *k = send_simple(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, 0, 24);
	ipc_kmsg_destroy(k);
	UNIT_CHECK(notified.send_once == 2 && notified.no_senders == 0);
	ipc_space_release(b);
	ipc_space_release(a);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void send_once_right_used_by_a_message_fires_nothing(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, so;
	struct ipc_kmsg *k, *got;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	so = give_right(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, b);
	k = send_simple(b, so, MK_MSG_TYPE_MOVE_SEND_ONCE, 7, 24);
	UNIT_CHECK(k && type_of(b, so) == 0);
	struct ipc_port *p = port_of(a, port);
	UNIT_CHECK(ipc_port_enqueue(p, k) == MK_SUCCESS);
	spin_lock(&p->lock);
	UNIT_CHECK(ipc_port_dequeue_locked(p, 1024, &got) == MK_SUCCESS && got == k);
	spin_unlock(&p->lock);
	UNIT_CHECK(ipc_kmsg_copyout(a, got) == MK_SUCCESS);
	ipc_kmsg_destroy(got);
	UNIT_CHECK(notified.send_once == 0 && p->sorights == 0);
	ipc_space_release(b);
	ipc_space_release(a);
}

static void port_death_fires_port_dead_once_and_nothing_else(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send, so;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	struct ipc_port *p = port_of(a, port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	so = give_right(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, b);
	UNIT_CHECK(ipc_space_destroy_name(a, port) == MK_SUCCESS);
	UNIT_CHECK(notified.port_dead == 1 && notified.port == p);
	UNIT_CHECK(notified.port_destroyed == 1);
	ipc_space_deallocate(b, send);
	ipc_space_deallocate(b, so);
	ipc_space_release(b);
	ipc_space_release(a);
	UNIT_CHECK(notified.port_dead == 1 && notified.no_senders == 0 && notified.send_once == 0);
}

static void port_destroyed_hook_can_keep_the_receive_right(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send;

	notify_reset();
	notified.take_destroyed = true;
	ipc_space_allocate_port(a, &port);
	struct ipc_port *p = port_of(a, port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	UNIT_CHECK(ipc_space_destroy_name(a, port) == MK_SUCCESS);
	UNIT_CHECK(notified.taken == p && notified.port_dead == 0);
	UNIT_CHECK(ipc_port_is_active(p) && p->receiver == NULL);
	UNIT_CHECK(type_of(b, send) == MK_RIGHT_SEND);
	notified.take_destroyed = false;
	ipc_port_destroy(p);
	UNIT_CHECK(notified.port_dead == 1);
	UNIT_CHECK(type_of(b, send) == MK_RIGHT_DEAD_NAME);
	ipc_space_release(b);
	ipc_space_release(a);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void receive_right_kept_by_the_hook_leaves_its_set(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t x, set;

	notify_reset();
	ipc_space_allocate_port(s, &x);
	ipc_space_allocate_pset(s, &set);
	ipc_space_move_member(s, x, set);
	struct ipc_port *port = port_of(s, x);
	notified.take_destroyed = true;
	UNIT_CHECK(ipc_space_destroy_name(s, x) == MK_SUCCESS);
	UNIT_CHECK(notified.taken == port && port->pset == NULL && port->receiver == NULL);
	notified.take_destroyed = false;
	ipc_port_destroy(port);
	ipc_space_release(s);
}

/* x's receive right rides in a message queued on d; d dies and the hook
 * keeps x, which must then be out of transit. */
static void receive_right_kept_by_the_hook_is_out_of_transit(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t d, x;

	notify_reset();
	ipc_space_allocate_port(s, &d);
	ipc_space_allocate_port(s, &x);
	struct ipc_port *port = port_of(s, x);
	UNIT_CHECK(queue_receive_right(s, d, x));
	UNIT_CHECK(port->destination == port_of(s, d));
	notified.take_destroyed = true;
	notified.take_only = port;
	UNIT_CHECK(ipc_space_destroy_name(s, d) == MK_SUCCESS);
	UNIT_CHECK(notified.taken == port && notified.port_dead == 1);
	UNIT_CHECK(port->destination == NULL);
	notified.take_destroyed = false;
	ipc_port_destroy(port);
	UNIT_CHECK(notified.port_dead == 2);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static const struct unit_case cases[] = {
	UNIT_CASE(make_send_increments_mscount_and_copy_send_does_not),
	UNIT_CASE(last_send_right_fires_no_senders_once_with_mscount),
	UNIT_CASE(moving_one_of_several_urefs_keeps_the_name_a_sender),
	UNIT_CASE(unused_send_once_right_fires_the_send_once_hook),
	UNIT_CASE(send_once_right_used_by_a_message_fires_nothing),
	UNIT_CASE(port_death_fires_port_dead_once_and_nothing_else),
	UNIT_CASE(port_destroyed_hook_can_keep_the_receive_right),
	UNIT_CASE(receive_right_kept_by_the_hook_leaves_its_set),
	UNIT_CASE(receive_right_kept_by_the_hook_is_out_of_transit),
};
UNIT_MAIN("host/ipc_notify", cases)
