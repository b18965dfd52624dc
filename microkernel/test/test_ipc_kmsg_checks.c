/*
 * test_ipc_kmsg_checks.c: what ipc_kmsg_copyin refuses, and that a refused
 * message leaves the sender's space exactly as it was: bad names and
 * rights anywhere in the message, memory shortage, malformed headers and
 * descriptors, out-of-line regions (held by the kmsg, carrying no right),
 * and receive rights that would end up queued behind themselves.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

/* The error a copyin of m gets; the space and the kmsg count unchanged. */
static mk_return_t refused(struct ipc_space *s, struct test_msg *m, size_t size)
{
	struct snapshot before;
	size_t kmsgs = ipc_kmsg_count();
	struct ipc_kmsg *k = NULL;

	snap(s, &before);
	mk_return_t ret = send_msg(s, m, size, &k);
	if (!unchanged(s, &before) || ipc_kmsg_count() != kmsgs || k)
		return -100;
	return ret;
}

static void failed_copyin_leaves_the_sender_space_as_it_was(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *snd = ipc_space_create(), *rcv = ipc_space_create();
	mk_port_name_t service, to_service, x, stale, dead;
	struct snapshot before;
	struct ipc_kmsg *k = NULL;
	struct test_msg m;

	ipc_space_allocate_port(rcv, &service);
	ipc_space_allocate_port(snd, &x);
	ipc_space_allocate_port(snd, &stale);
	ipc_space_destroy_name(snd, stale);
	ipc_space_allocate_dead_name(snd, &dead);
	to_service = give_right(rcv, service, MK_MSG_TYPE_MAKE_SEND, snd);
	give_right(snd, x, MK_MSG_TYPE_MAKE_SEND, snd);
	size_t size = msg_init(&m, to_service, MK_MSG_TYPE_MOVE_SEND, x,
			       MK_MSG_TYPE_MAKE_SEND_ONCE, 3);
	port_desc(&m, 0, x, MK_MSG_TYPE_MOVE_RECEIVE);
	port_desc(&m, 1, x, MK_MSG_TYPE_MOVE_SEND);
	port_desc(&m, 2, stale, MK_MSG_TYPE_COPY_SEND);
	snap(snd, &before);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_INVALID_NAME && k == NULL);
	UNIT_CHECK(unchanged(snd, &before));
	port_desc(&m, 2, x, MK_MSG_TYPE_COPY_SEND);     /* x's one send uref is gone */
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_INVALID_RIGHT && unchanged(snd, &before));
	port_desc(&m, 2, dead, MK_MSG_TYPE_MOVE_SEND);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_DEAD_NAME && unchanged(snd, &before));
	port_desc(&m, 2, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND);
	UNIT_CHECK(send_msg(snd, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(type_of(snd, x) == 0 && type_of(snd, to_service) == 0);
	ipc_kmsg_destroy(k);
	ipc_space_release(snd);
	ipc_space_release(rcv);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void copyin_short_of_memory_leaves_the_space_as_it_was(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port, so;
	struct snapshot before;
	struct ipc_kmsg *k = NULL;
	struct test_msg m;

	ipc_space_allocate_port(s, &port);
	so = give_right(s, port, MK_MSG_TYPE_MAKE_SEND_ONCE, s);
	/* Enough descriptors that the copyin plan does not fit on the stack. */
	size_t size = msg_init(&m, so, MK_MSG_TYPE_MOVE_SEND_ONCE, port, MK_MSG_TYPE_MAKE_SEND, 16);
	port_desc(&m, 15, port, MK_MSG_TYPE_MAKE_SEND_ONCE);
	snap(s, &before);
	for (int n = 1; n <= 2; n++) {          /* the kmsg, then the plan */
		alloc_fails_in = n;
		UNIT_CHECK(send_msg(s, &m, size, &k) == MK_RESOURCE_SHORTAGE && k == NULL);
		UNIT_CHECK(unchanged(s, &before));
	}
	alloc_fails_in = 0;
	UNIT_CHECK(ipc_kmsg_count() == start.kmsgs);
	UNIT_CHECK(send_msg(s, &m, size, &k) == MK_SUCCESS && type_of(s, so) == 0);
	ipc_kmsg_destroy(k);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void malformed_headers_are_refused(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct test_msg m;
	size_t size;

	ipc_space_allocate_port(s, &port);
	size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 0);
	UNIT_CHECK(refused(s, &m, size + 4) == MK_MSG_INVALID_HEADER);  /* size mismatch */
	UNIT_CHECK(refused(s, &m, size - 4) == MK_MSG_INVALID_HEADER);
	m.h.reserved = 1;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_HEADER);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 0);
	m.h.bits |= 1u << 20;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_HEADER);
	unsigned bad[] = { 0, MK_MSG_TYPE_MOVE_RECEIVE, MK_MSG_TYPE_MAKE_SEND_ONCE + 1 };
	for (unsigned i = 0; i < 3; i++) {
		msg_init(&m, port, bad[i], 0, 0, 0);
		UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_HEADER);
		msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, port, bad[i], 0);
		UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_HEADER);
	}
	m.h.size = MK_MSG_SIZE_MAX + 1;
	UNIT_CHECK(refused(s, &m, MK_MSG_SIZE_MAX + 1) == MK_MSG_TOO_LARGE);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 0);
	m.h.bits |= MK_MSGH_COMPLEX;                    /* no room for the body */
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_HEADER);
	ipc_space_release(s);
}

static void malformed_descriptors_are_refused(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct test_msg m;
	size_t size;

	ipc_space_allocate_port(s, &port);
	size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, MK_MSG_DESCRIPTORS_MAX + 1);
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);  /* too many */
	size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.body.descriptor_count = 3;                    /* more than the size holds */
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.body.reserved = 1;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.d[1].reserved[1] = 1;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.d[1].type = 2;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.d[1].address = 0x1000;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	port_desc(&m, 1, port, MK_MSG_TYPE_MAKE_SEND_ONCE + 1);
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	ipc_space_release(s);
}

/* The trap layer reads the descriptor count, allocates, then copies the
 * whole message in: the count may have changed in between. */
static void prepared_message_whose_descriptor_count_changed_is_refused(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct snapshot before;
	struct test_msg m;

	ipc_space_allocate_port(s, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	struct ipc_kmsg *k = ipc_kmsg_alloc((uint32_t)size, 1);
	memcpy(k->bytes, &m, size);
	snap(s, &before);
	UNIT_CHECK(ipc_kmsg_copyin_prepared(s, k) == MK_MSG_INVALID_DESCRIPTOR);
	UNIT_CHECK(unchanged(s, &before) && k->dest.port == NULL);
	ipc_kmsg_destroy(k);
	ipc_space_release(s);
}

static void out_of_line_memory_needs_an_address_space(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct test_msg m;
	struct ipc_kmsg *k = NULL;

	ipc_space_allocate_port(s, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	m.d[1] = (struct mk_msg_descriptor){ .address = 0x1000, .value = 4096,
					     .type = MK_MSG_OOL_DESCRIPTOR };
	/* A kernel buffer has no map to take the region from. */
	UNIT_CHECK(refused(s, &m, size) == MK_NOT_SUPPORTED);
	m.d[1].disposition = MK_OOL_DEALLOCATE << 1;
	UNIT_CHECK(refused(s, &m, size) == MK_MSG_INVALID_DESCRIPTOR);
	/* Size 0 carries nothing, whatever the address. */
	m.d[1] = (struct mk_msg_descriptor){ .address = 0xdead, .value = 0,
					     .disposition = MK_OOL_DEALLOCATE,
					     .type = MK_MSG_OOL_DESCRIPTOR };
	UNIT_CHECK(send_msg(s, &m, size, &k) == MK_SUCCESS && k && k->ool[1] == NULL);
	ipc_kmsg_destroy(k);
	ipc_space_release(s);
}

/* A region captured before the rights (kmsg_ool.c) takes no right, goes
 * with the kmsg whether the rights were refused or not, and is left in
 * place by the rights' copyout. */
static void out_of_line_region_is_released_with_its_kmsg(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;
	struct snapshot before;
	struct test_msg m;
	unsigned discarded = ool_discarded;

	ipc_space_allocate_port(s, &port);
	size_t size = msg_init(&m, port, MK_MSG_TYPE_MAKE_SEND, 0, 0, 2);
	port_desc(&m, 0, port + 0x100, MK_MSG_TYPE_COPY_SEND);  /* no such name */
	m.d[1] = (struct mk_msg_descriptor){ .address = 0x5010, .value = 100,
					     .type = MK_MSG_OOL_DESCRIPTOR };
	struct ipc_kmsg *k = ipc_kmsg_alloc((uint32_t)size, 2);
	memcpy(k->bytes, &m, size);
	k->ool[1] = malloc(16);
	snap(s, &before);
	UNIT_CHECK(ipc_kmsg_copyin_prepared(s, k) == MK_INVALID_NAME);
	UNIT_CHECK(unchanged(s, &before));
	ipc_kmsg_destroy(k);
	UNIT_CHECK(ool_discarded == discarded + 1);

	port_desc(&m, 0, port, MK_MSG_TYPE_MAKE_SEND);
	k = ipc_kmsg_alloc((uint32_t)size, 2);
	memcpy(k->bytes, &m, size);
	k->ool[1] = malloc(16);
	UNIT_CHECK(ipc_kmsg_copyin_prepared(s, k) == MK_SUCCESS);
	UNIT_CHECK(k->rights[1].port == NULL && k->rights[0].port != NULL);
	UNIT_CHECK(ipc_kmsg_copyout(s, k) == MK_SUCCESS);
	struct mk_msg_descriptor d;
	memcpy(&d, k->bytes + IPC_KMSG_DESCRIPTOR_OFFSET + sizeof(d), sizeof(d));
	UNIT_CHECK(d.type == MK_MSG_OOL_DESCRIPTOR && d.address == 0x5010 && d.value == 100);
	ipc_kmsg_destroy(k);
	UNIT_CHECK(ool_discarded == discarded + 2);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void receive_right_sent_to_its_own_port_is_refused(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t x;
	struct test_msg m;

	ipc_space_allocate_port(s, &x);
	size_t size = msg_init(&m, x, MK_MSG_TYPE_MAKE_SEND, 0, 0, 1);
	port_desc(&m, 0, x, MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(refused(s, &m, size) == MK_INVALID_RIGHT);
	ipc_space_release(s);
}

static void receive_right_sent_into_its_own_transit_chain_is_refused(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t x, y;
	struct ipc_kmsg *k;
	struct test_msg m;

	ipc_space_allocate_port(s, &x);
	ipc_space_allocate_port(s, &y);
	give_right(s, x, MK_MSG_TYPE_MAKE_SEND, s);     /* the name keeps a send right */
	size_t size = msg_init(&m, y, MK_MSG_TYPE_MAKE_SEND, 0, 0, 1);
	port_desc(&m, 0, x, MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(send_msg(s, &m, size, &k) == MK_SUCCESS);
	UNIT_CHECK(ipc_port_enqueue(port_of(s, y), k) == MK_SUCCESS);  /* x rides in y */
	size = msg_init(&m, x, MK_MSG_TYPE_COPY_SEND, 0, 0, 1);
	port_desc(&m, 0, y, MK_MSG_TYPE_MOVE_RECEIVE);
	UNIT_CHECK(refused(s, &m, size) == MK_INVALID_RIGHT);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static const struct unit_case cases[] = {
	UNIT_CASE(failed_copyin_leaves_the_sender_space_as_it_was),
	UNIT_CASE(copyin_short_of_memory_leaves_the_space_as_it_was),
	UNIT_CASE(malformed_headers_are_refused),
	UNIT_CASE(malformed_descriptors_are_refused),
	UNIT_CASE(prepared_message_whose_descriptor_count_changed_is_refused),
	UNIT_CASE(out_of_line_memory_needs_an_address_space),
	UNIT_CASE(out_of_line_region_is_released_with_its_kmsg),
	UNIT_CASE(receive_right_sent_to_its_own_port_is_refused),
	UNIT_CASE(receive_right_sent_into_its_own_transit_chain_is_refused),
};
UNIT_MAIN("host/ipc_kmsg_checks", cases)
