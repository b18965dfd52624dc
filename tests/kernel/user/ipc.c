/*
 * ipc.c: native tests of ports and messages within one task: rights and
 * their errors, send-once, port sets, dead names, queue limits and
 * time-outs, and the notifications.
 */
#include "ipc_util.h"

UTEST(ipc_message_to_own_port_arrives_with_data_and_reply_right)
{
	mk_port_name_t p = test_new_port(), reply = test_new_port();
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, reply,
					  MK_MSG_TYPE_MAKE_SEND_ONCE, MK_PORT_NULL, 0, 42);
	struct test_msg got = { 0 };

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.data == 42 && got.header.id == 1000);
	UTEST_ASSERT(got.header.local_port == p);
	UTEST_ASSERT(MK_MSGH_LOCAL(got.header.bits) == MK_MSG_TYPE_MOVE_SEND);
	UTEST_ASSERT(MK_MSGH_REMOTE(got.header.bits) == MK_MSG_TYPE_MOVE_SEND_ONCE);
	UTEST_ASSERT(test_type_of(got.header.remote_port) == MK_RIGHT_SEND_ONCE);

	/* Replying with the send-once right consumes it. */
	struct test_msg r = test_msg_make(got.header.remote_port, MK_MSG_TYPE_MOVE_SEND_ONCE,
					  MK_PORT_NULL, 0, MK_PORT_NULL, 0, 43);
	UTEST_EXPECT_RETURN(test_send(&r, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_type(got.header.remote_port, &(uint32_t){ 0 }),
			    MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), reply, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.data == 43 && got.header.remote_port == MK_PORT_NULL);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
}

UTEST(ipc_invalid_names_and_wrong_rights_are_refused)
{
	mk_port_name_t p = test_new_port(), set = MK_PORT_NULL;
	struct test_msg m = test_msg_make(0x4242, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0,
					  MK_PORT_NULL, 0, 0);

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_INVALID_NAME);
	m.header.remote_port = p;       /* a receive right alone cannot be copied as send */
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_INVALID_RIGHT);
	m.header.bits = MK_MSGH_BITS(7, 0);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_MSG_INVALID_HEADER);
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND, 8, 0, 0, 0), MK_MSG_INVALID_HEADER);
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND, 1 << 20, 0, 0, 0), MK_MSG_TOO_LARGE);
	UTEST_EXPECT_RETURN(mk_msg((void *)8, MK_MSG_OPTION_SEND, 64, 0, 0, 0), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_msg(&m, 0x100, 0, 0, 0, 0), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), 0x4242, 0, 0), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_PORT_SET, &set), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_move_member(set, p), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_port_allocate(99, &set), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_port_mod_refs(p, MK_RIGHT_SEND, 1), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_port_deallocate(p), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_INVALID_NAME);       /* stale name */
	UTEST_EXPECT_RETURN(mk_port_destroy(set), MK_SUCCESS);
}

UTEST(ipc_send_once_right_is_used_up_by_one_message)
{
	mk_port_name_t p = test_new_port();
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, p,
					  MK_MSG_TYPE_MAKE_SEND_ONCE, 0), got;

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	mk_port_name_t once = got.port.value;
	UTEST_ASSERT(once != p && test_type_of(once) == MK_RIGHT_SEND_ONCE);
	UTEST_ASSERT(got.port.disposition == MK_MSG_TYPE_MOVE_SEND_ONCE);
	m = test_msg_make(once, MK_MSG_TYPE_MOVE_SEND_ONCE, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 5);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.data == 5);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
}

UTEST(ipc_port_set_receives_from_every_member)
{
	mk_port_name_t set, a = test_new_port(), b = test_new_port();
	struct test_msg m, got;

	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_PORT_SET, &set), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_move_member(a, set), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_move_member(b, set), MK_SUCCESS);
	UTEST_ASSERT(test_type_of(set) == MK_RIGHT_PORT_SET);
	m = test_msg_make(b, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 2);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	m = test_msg_make(a, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 1);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	uint64_t seen = 0;
	for (int i = 0; i < 2; i++) {
		UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), set, 0, 0), MK_SUCCESS);
		UTEST_ASSERT(got.header.local_port == (got.data == 1 ? a : b));
		seen |= got.data;
	}
	UTEST_ASSERT(seen == 3);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), set, MK_MSG_OPTION_RCV_TIMEOUT, 0),
			    MK_TIMED_OUT);
	/* Out of the set, a port is received from on its own. */
	UTEST_EXPECT_RETURN(mk_port_move_member(a, MK_PORT_NULL), MK_SUCCESS);
	m = test_msg_make(a, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 1);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), set, MK_MSG_OPTION_RCV_TIMEOUT, 0),
			    MK_TIMED_OUT);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), a, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(set), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), set, 0, 0), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_port_destroy(a), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(b), MK_SUCCESS);
}

UTEST(ipc_dead_name_after_receive_right_is_destroyed)
{
	mk_port_name_t p = test_new_port();
	uint32_t refs = 0;

	UTEST_EXPECT_RETURN(mk_port_mod_refs(p, MK_RIGHT_RECEIVE, 0), MK_SUCCESS);
	/* Two send rights under the receive right's name. */
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, p,
					  MK_MSG_TYPE_MAKE_SEND, 0), got;
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.port.value == p);
	UTEST_EXPECT_RETURN(mk_port_mod_refs(p, MK_RIGHT_SEND, 1), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_get_refs(p, MK_RIGHT_SEND, &refs), MK_SUCCESS);
	UTEST_ASSERT(refs == 2 && test_type_of(p) == (MK_RIGHT_SEND | MK_RIGHT_RECEIVE));

	UTEST_EXPECT_RETURN(mk_port_mod_refs(p, MK_RIGHT_RECEIVE, -1), MK_SUCCESS);
	UTEST_ASSERT(test_type_of(p) == MK_RIGHT_DEAD_NAME);
	m = test_msg_make(p, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 0);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_DEAD_NAME);
	/* The dead name keeps the send rights' two references. */
	UTEST_EXPECT_RETURN(mk_port_get_refs(p, MK_RIGHT_DEAD_NAME, &refs), MK_SUCCESS);
	UTEST_ASSERT(refs == 2);
	UTEST_EXPECT_RETURN(mk_port_deallocate(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(p), MK_INVALID_NAME);
}

UTEST(ipc_queue_full_send_times_out_until_a_message_is_received)
{
	mk_port_name_t p = test_new_port();
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0,
					  MK_PORT_NULL, 0, 1), got;

	UTEST_EXPECT_RETURN(mk_port_set_qlimit(p, 1), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_set_qlimit(p, 1u << 20), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_send(&m, MK_MSG_OPTION_SEND_TIMEOUT, 0), MK_TIMED_OUT);
	int64_t before = mk_clock_ticks();
	UTEST_EXPECT_RETURN(test_send(&m, MK_MSG_OPTION_SEND_TIMEOUT, 50), MK_TIMED_OUT);
	UTEST_ASSERT(mk_clock_ticks() - before >= 5);           /* 50 ms at HZ 100 */
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_send(&m, MK_MSG_OPTION_SEND_TIMEOUT, 0), MK_SUCCESS);
	/* A too-small buffer leaves the message queued. */
	UTEST_EXPECT_RETURN(test_receive(&got, 16, p, 0, 0), MK_MSG_TOO_LARGE);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
}

UTEST(ipc_receive_on_empty_port_times_out)
{
	mk_port_name_t p = test_new_port();
	struct test_msg got;
	int64_t before = mk_clock_ticks();

	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, MK_MSG_OPTION_RCV_TIMEOUT, 30),
			    MK_TIMED_OUT);
	UTEST_ASSERT(mk_clock_ticks() - before >= 3);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
}

/* Receives one notification (an mk_notify_msg) on port. */
static struct mk_notify_msg receive_notification(mk_port_name_t port, int32_t id)
{
	struct mk_notify_msg n = { 0 };

	UTEST_EXPECT_RETURN(test_receive(&n, sizeof(n), port, MK_MSG_OPTION_RCV_TIMEOUT, 1000),
			    MK_SUCCESS);
	UTEST_ASSERT(n.header.id == id);
	return n;
}

UTEST(ipc_no_senders_notification_reports_make_send_count)
{
	mk_port_name_t p = test_new_port(), notify = test_new_port();
	struct test_msg m = test_msg_make(notify, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, p,
					  MK_MSG_TYPE_MAKE_SEND, 0), got;

	UTEST_EXPECT_RETURN(mk_port_request_notification(p, MK_NOTIFY_NO_SENDERS, notify,
							 MK_MSG_TYPE_COPY_SEND), MK_INVALID_VALUE);
	/* Requested while p has no senders, it fires at once. */
	UTEST_EXPECT_RETURN(mk_port_request_notification(p, MK_NOTIFY_NO_SENDERS, notify,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	UTEST_ASSERT(receive_notification(notify, MK_NOTIFY_NO_SENDERS).value == 0);

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), notify, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.port.value == p);      /* the send right joined p's name */
	UTEST_EXPECT_RETURN(mk_port_request_notification(p, MK_NOTIFY_NO_SENDERS, notify,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), notify, MK_MSG_OPTION_RCV_TIMEOUT, 0),
			    MK_TIMED_OUT);
	UTEST_EXPECT_RETURN(mk_port_deallocate(p), MK_SUCCESS);
	UTEST_ASSERT(receive_notification(notify, MK_NOTIFY_NO_SENDERS).value == 1);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(notify), MK_SUCCESS);
}

UTEST(ipc_send_once_notification_when_the_right_is_destroyed_unused)
{
	mk_port_name_t p = test_new_port();
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, p,
					  MK_MSG_TYPE_MAKE_SEND_ONCE, 0), got;

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), p, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(got.port.value), MK_SUCCESS);
	receive_notification(p, MK_NOTIFY_SEND_ONCE);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
}

UTEST(ipc_port_destroyed_notification_hands_back_the_receive_right)
{
	mk_port_name_t p = test_new_port(), notify = test_new_port();
	struct mk_notify_port_destroyed_msg n;

	UTEST_EXPECT_RETURN(mk_port_request_notification(p, MK_NOTIFY_PORT_DESTROYED, notify,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&n, sizeof(n), notify, MK_MSG_OPTION_RCV_TIMEOUT, 1000),
			    MK_SUCCESS);
	UTEST_ASSERT(n.header.id == MK_NOTIFY_PORT_DESTROYED);
	UTEST_ASSERT(n.port.disposition == MK_MSG_TYPE_MOVE_RECEIVE);
	mk_port_name_t back = n.port.value;
	UTEST_ASSERT(test_type_of(back) == MK_RIGHT_RECEIVE);
	struct test_msg m = test_msg_make(back, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0,
					  MK_PORT_NULL, 0, 9), got;
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), back, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(got.data == 9);
	UTEST_EXPECT_RETURN(mk_port_destroy(back), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(notify), MK_SUCCESS);
}

UTEST(ipc_receive_right_sent_to_its_own_port_is_refused)
{
	mk_port_name_t p = test_new_port();
	struct test_msg m = test_msg_make(p, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, p,
					  MK_MSG_TYPE_MOVE_RECEIVE, 0);

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_INVALID_RIGHT);
	UTEST_ASSERT(test_type_of(p) == MK_RIGHT_RECEIVE);      /* untouched */
	UTEST_EXPECT_RETURN(mk_port_destroy(p), MK_SUCCESS);
}
