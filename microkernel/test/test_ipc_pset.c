/*
 * test_ipc_pset.c: port sets: membership through ipc_space_move_member,
 * receiving from a set round-robin across its members, destroying a set,
 * and ports leaving their set when they die or their receive right moves.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

/* The set a name denotes, with a reference the caller drops. */
static struct ipc_pset *pset_of(struct ipc_space *s, mk_port_name_t name)
{
	struct ipc_port *port;
	struct ipc_pset *pset;

	if (ipc_space_lookup_receive(s, name, &port, &pset) != MK_SUCCESS)
		return NULL;
	if (port)
		ipc_port_release(port);
	return pset;
}

static mk_return_t dequeue(struct ipc_pset *pset, uint32_t max_size, struct ipc_kmsg **out)
{
	spin_lock(&pset->lock);
	mk_return_t ret = ipc_pset_dequeue_locked(pset, max_size, out);
	spin_unlock(&pset->lock);
	return ret;
}

static void post(struct ipc_space *s, mk_port_name_t name, int32_t id, uint32_t size)
{
	struct ipc_kmsg *k = send_simple(s, name, MK_MSG_TYPE_MAKE_SEND, id, size);

	UNIT_CHECK(k && ipc_port_enqueue(port_of(s, name), k) == MK_SUCCESS);
}

static void move_member_puts_a_port_in_one_set_at_a_time(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t p, s1, s2;

	ipc_space_allocate_port(s, &p);
	ipc_space_allocate_pset(s, &s1);
	ipc_space_allocate_pset(s, &s2);
	struct ipc_pset *set1 = pset_of(s, s1), *set2 = pset_of(s, s2);
	struct ipc_port *port = port_of(s, p);
	UNIT_CHECK(ipc_space_move_member(s, p, s1) == MK_SUCCESS);
	UNIT_CHECK(ipc_pset_has_member(set1, port) && !ipc_pset_has_member(set2, port));
	UNIT_CHECK(ipc_space_move_member(s, p, s2) == MK_SUCCESS);
	UNIT_CHECK(!ipc_pset_has_member(set1, port) && ipc_pset_has_member(set2, port));
	struct ipc_pset *got = ipc_port_pset(port);
	UNIT_CHECK(got == set2);
	ipc_pset_release(got);
	UNIT_CHECK(ipc_space_move_member(s, p, MK_PORT_NULL) == MK_SUCCESS);
	UNIT_CHECK(!ipc_pset_has_member(set2, port) && ipc_port_pset(port) == NULL);
	ipc_pset_release(set1);
	ipc_pset_release(set2);
	ipc_space_release(s);
}

static void move_member_checks_names_and_rights(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t p, set, stale, so;

	ipc_space_allocate_port(s, &p);
	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_pset(s, &stale);
	ipc_space_destroy_name(s, stale);
	so = give_right(s, p, MK_MSG_TYPE_MAKE_SEND_ONCE, s);
	UNIT_CHECK(ipc_space_move_member(s, so, set) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_move_member(s, set, set) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_move_member(s, p, p) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_move_member(s, p, stale) == MK_INVALID_NAME);
	UNIT_CHECK(ipc_space_move_member(s, stale, set) == MK_INVALID_NAME);
	UNIT_CHECK(port_of(s, p)->pset == NULL);
	ipc_space_release(s);
}

static void set_receive_takes_members_round_robin(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t a, b, c, set;
	struct ipc_kmsg *k;

	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_port(s, &a);
	ipc_space_allocate_port(s, &b);
	ipc_space_allocate_port(s, &c);
	ipc_space_move_member(s, a, set);
	ipc_space_move_member(s, b, set);
	ipc_space_move_member(s, c, set);
	post(s, a, 1, 24);
	post(s, a, 2, 24);
	post(s, b, 3, 24);
	post(s, b, 4, 24);
	post(s, c, 5, 24);
	struct ipc_pset *pset = pset_of(s, set);
	int want[] = { 1, 3, 5, 2, 4 };
	for (int i = 0; i < 5; i++) {
		UNIT_CHECK(dequeue(pset, 1024, &k) == MK_SUCCESS && k && k->header.id == want[i]);
		if (k)
			ipc_kmsg_destroy(k);
	}
	UNIT_CHECK(dequeue(pset, 1024, &k) == MK_SUCCESS && k == NULL);
	ipc_pset_release(pset);
	ipc_space_release(s);
}

static void set_receive_leaves_a_message_too_large_queued(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t a, set;
	struct ipc_kmsg *k;

	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_port(s, &a);
	ipc_space_move_member(s, a, set);
	post(s, a, 1, 200);
	struct ipc_pset *pset = pset_of(s, set);
	UNIT_CHECK(dequeue(pset, 100, &k) == MK_MSG_TOO_LARGE && k == NULL);
	UNIT_CHECK(port_of(s, a)->msgcount == 1);
	UNIT_CHECK(dequeue(pset, 200, &k) == MK_SUCCESS && k && k->header.id == 1);
	ipc_kmsg_destroy(k);
	ipc_pset_release(pset);
	ipc_space_release(s);
}

static void destroyed_set_is_empty_and_refuses_to_receive(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t a, b, set;
	struct ipc_kmsg *k;

	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_port(s, &a);
	ipc_space_allocate_port(s, &b);
	ipc_space_move_member(s, a, set);
	ipc_space_move_member(s, b, set);
	post(s, a, 1, 24);
	struct ipc_pset *pset = pset_of(s, set);
	unsigned wakes = waitq_wakes;
	UNIT_CHECK(ipc_space_destroy_name(s, set) == MK_SUCCESS);
	UNIT_CHECK(waitq_wakes == wakes + 1);           /* its receivers */
	UNIT_CHECK(!pset->active && list_is_empty(&pset->members));
	UNIT_CHECK(port_of(s, a)->pset == NULL && port_of(s, b)->pset == NULL);
	UNIT_CHECK(dequeue(pset, 1024, &k) == MK_INVALID_NAME && k == NULL);
	UNIT_CHECK(port_of(s, a)->msgcount == 1);
	UNIT_CHECK(ipc_space_move_member(s, a, set) == MK_INVALID_NAME);
	ipc_pset_release(pset);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void port_leaves_its_set_when_it_dies(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t a, b, set;

	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_port(s, &a);
	ipc_space_allocate_port(s, &b);
	ipc_space_move_member(s, a, set);
	ipc_space_move_member(s, b, set);
	struct ipc_pset *pset = pset_of(s, set);
	struct ipc_port *port_b = port_of(s, b);
	ipc_space_destroy_name(s, a);
	UNIT_CHECK(pset->members.next == &port_b->pset_link);
	UNIT_CHECK(pset->members.prev == &port_b->pset_link);
	ipc_pset_release(pset);
	ipc_space_release(s);
}

static void port_leaves_its_set_when_its_receive_right_is_sent(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t a, dest, set;
	struct ipc_port *port;
	unsigned type;

	ipc_space_allocate_pset(s, &set);
	ipc_space_allocate_port(s, &a);
	ipc_space_allocate_port(s, &dest);
	ipc_space_move_member(s, a, set);
	UNIT_CHECK(ipc_space_copyin(s, a, MK_MSG_TYPE_MOVE_RECEIVE, &port, &type) == MK_SUCCESS);
	UNIT_CHECK(port->pset == NULL && port->receiver == NULL);
	struct ipc_pset *pset = pset_of(s, set);
	UNIT_CHECK(list_is_empty(&pset->members));
	ipc_pset_release(pset);
	ipc_port_destroy(port);
	ipc_space_release(s);
}

static const struct unit_case cases[] = {
	UNIT_CASE(move_member_puts_a_port_in_one_set_at_a_time),
	UNIT_CASE(move_member_checks_names_and_rights),
	UNIT_CASE(set_receive_takes_members_round_robin),
	UNIT_CASE(set_receive_leaves_a_message_too_large_queued),
	UNIT_CASE(destroyed_set_is_empty_and_refuses_to_receive),
	UNIT_CASE(port_leaves_its_set_when_it_dies),
	UNIT_CASE(port_leaves_its_set_when_its_receive_right_is_sent),
};
UNIT_MAIN("host/ipc_pset", cases)
