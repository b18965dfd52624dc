/*
 * test_ipc_space.c: a task's name space: allocating ports, sets and dead
 * names, name generations, table growth, type and user-reference queries,
 * mod_refs / deallocate / destroy_name, dead-name conversion, send-right
 * coalescing, and ipc_space_destroy releasing everything.
 */
#include "ipc_host_stubs.h"
#include "unit.h"

static void allocated_names_are_nonzero_distinct_and_typed(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port, pset, dead;

	UNIT_CHECK(ipc_space_allocate_port(s, &port) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_allocate_pset(s, &pset) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_allocate_dead_name(s, &dead) == MK_SUCCESS);
	UNIT_CHECK(port && pset && dead && port != MK_PORT_DEAD);
	UNIT_CHECK(port != pset && pset != dead && port != dead);
	UNIT_CHECK(type_of(s, port) == MK_RIGHT_RECEIVE);
	UNIT_CHECK(type_of(s, pset) == MK_RIGHT_PORT_SET);
	UNIT_CHECK(type_of(s, dead) == MK_RIGHT_DEAD_NAME);
	UNIT_CHECK(refs_of(s, dead, MK_RIGHT_DEAD_NAME) == 1);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void reused_slot_gets_a_new_generation_and_stale_name_is_invalid(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t old, new;
	uint32_t type;

	ipc_space_allocate_port(s, &old);
	UNIT_CHECK(ipc_space_destroy_name(s, old) == MK_SUCCESS);
	ipc_space_allocate_port(s, &new);
	UNIT_CHECK(MK_NAME_INDEX(new) == MK_NAME_INDEX(old));
	UNIT_CHECK(MK_NAME_GENERATION(new) != MK_NAME_GENERATION(old));
	UNIT_CHECK(ipc_space_type(s, old, &type) == MK_INVALID_NAME);
	UNIT_CHECK(ipc_space_destroy_name(s, old) == MK_INVALID_NAME);
	UNIT_CHECK(ipc_space_mod_refs(s, old, MK_RIGHT_RECEIVE, -1) == MK_INVALID_NAME);
	UNIT_CHECK(type_of(s, new) == MK_RIGHT_RECEIVE);
	UNIT_CHECK(ipc_space_type(s, MK_PORT_NULL, &type) == MK_INVALID_NAME);
	UNIT_CHECK(ipc_space_type(s, MK_PORT_DEAD, &type) == MK_INVALID_NAME);
	ipc_space_release(s);
}

static void names_stay_valid_when_the_table_grows(void)
{
	struct ipc_space *s = ipc_space_create();
	enum { N = 3 * IPC_SPACE_INITIAL_ENTRIES };
	mk_port_name_t names[N];
	struct ipc_port *ports[N];

	for (int i = 0; i < N; i++) {
		UNIT_CHECK(ipc_space_allocate_port(s, &names[i]) == MK_SUCCESS);
		ports[i] = port_of(s, names[i]);
		/* A send right under the same name, found through the hash. */
		UNIT_CHECK(give_right(s, names[i], MK_MSG_TYPE_MAKE_SEND, s) == names[i]);
	}
	UNIT_CHECK(s->size > IPC_SPACE_INITIAL_ENTRIES);
	for (int i = 0; i < N; i++) {
		UNIT_CHECK(port_of(s, names[i]) == ports[i]);
		UNIT_CHECK(type_of(s, names[i]) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
		UNIT_CHECK(give_right(s, names[i], MK_MSG_TYPE_MAKE_SEND, s) == names[i]);
		UNIT_CHECK(refs_of(s, names[i], MK_RIGHT_SEND) == 2);
		for (int j = 0; j < i; j++)
			UNIT_CHECK(names[j] != names[i]);
	}
	ipc_space_release(s);
}

static void names_run_out_at_the_table_maximum(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t name, last = MK_PORT_NULL;
	uint32_t n = 0;

	while (ipc_space_allocate_dead_name(s, &name) == MK_SUCCESS) {
		last = name;
		n++;
	}
	UNIT_CHECK(n == IPC_SPACE_MAX_ENTRIES - 1);     /* index 0 is never a name */
	UNIT_CHECK(MK_NAME_INDEX(last) == IPC_SPACE_MAX_ENTRIES - 1);
	UNIT_CHECK(ipc_space_allocate_dead_name(s, &name) == MK_NO_SPACE);
	UNIT_CHECK(ipc_space_allocate_port(s, &name) == MK_NO_SPACE);
	UNIT_CHECK(ipc_space_allocate_pset(s, &name) == MK_NO_SPACE);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
	ipc_space_deallocate(s, last);
	UNIT_CHECK(ipc_space_allocate_port(s, &name) == MK_SUCCESS);
	UNIT_CHECK(MK_NAME_INDEX(name) == MK_NAME_INDEX(last) && name != last);
	ipc_space_release(s);
}

static void failed_table_growth_leaves_the_space_usable(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t names[IPC_SPACE_INITIAL_ENTRIES], name;

	for (int i = 1; i < IPC_SPACE_INITIAL_ENTRIES; i++)
		ipc_space_allocate_port(s, &names[i]);
	alloc_fails_in = 2;                     /* the port, then the new table */
	UNIT_CHECK(ipc_space_allocate_port(s, &name) == MK_RESOURCE_SHORTAGE);
	UNIT_CHECK(ipc_port_count() == start.ports + IPC_SPACE_INITIAL_ENTRIES - 1);
	alloc_fails_in = 3;                     /* the set, the table, then its hash */
	UNIT_CHECK(ipc_space_allocate_pset(s, &name) == MK_RESOURCE_SHORTAGE);
	UNIT_CHECK(ipc_pset_count() == start.psets);
	UNIT_CHECK(s->size == IPC_SPACE_INITIAL_ENTRIES);
	for (int i = 1; i < IPC_SPACE_INITIAL_ENTRIES; i++)
		UNIT_CHECK(type_of(s, names[i]) == MK_RIGHT_RECEIVE);
	UNIT_CHECK(ipc_space_allocate_port(s, &name) == MK_SUCCESS);
	ipc_space_release(s);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void get_refs_counts_send_urefs_and_one_for_other_rights(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port, pset, so;
	uint32_t refs;

	ipc_space_allocate_port(s, &port);
	ipc_space_allocate_pset(s, &pset);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	so = give_right(s, port, MK_MSG_TYPE_MAKE_SEND_ONCE, s);
	UNIT_CHECK(so && so != port);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == 2);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_RECEIVE) == 1);
	UNIT_CHECK(refs_of(s, so, MK_RIGHT_SEND_ONCE) == 1);
	UNIT_CHECK(refs_of(s, pset, MK_RIGHT_PORT_SET) == 1);
	UNIT_CHECK(ipc_space_get_refs(s, pset, MK_RIGHT_SEND, &refs) == MK_SUCCESS && refs == 0);
	UNIT_CHECK(ipc_space_get_refs(s, port, MK_RIGHT_SEND | MK_RIGHT_RECEIVE, &refs) ==
		   MK_INVALID_VALUE);
	ipc_space_release(s);
}

static void mod_refs_send_overflows_past_the_urefs_limit(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;

	ipc_space_allocate_port(s, &port);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_SEND, IPC_UREFS_MAX - 1) == MK_SUCCESS);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == IPC_UREFS_MAX);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_SEND, 1) == MK_UREFS_OVERFLOW);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == IPC_UREFS_MAX);
	/* A coalescing copyout at the limit drops the extra uref, as Mach does. */
	UNIT_CHECK(give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s) == port);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == IPC_UREFS_MAX);
	UNIT_CHECK(port_of(s, port)->srights == 1);
	ipc_space_release(s);
}

static void mod_refs_below_zero_is_invalid_value(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;

	ipc_space_allocate_port(s, &port);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_SEND, -2) == MK_INVALID_VALUE);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == 1);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_RECEIVE, -2) == MK_INVALID_VALUE);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_RECEIVE, 1) == MK_INVALID_VALUE);
	UNIT_CHECK(type_of(s, port) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	ipc_space_release(s);
}

static void mod_refs_on_a_right_the_name_lacks_is_invalid_right(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port, dead;

	ipc_space_allocate_port(s, &port);
	ipc_space_allocate_dead_name(s, &dead);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_SEND, 1) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_PORT_SET, -1) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_mod_refs(s, dead, MK_RIGHT_RECEIVE, -1) == MK_INVALID_RIGHT);
	UNIT_CHECK(ipc_space_mod_refs(s, port, 0, 1) == MK_INVALID_VALUE);
	UNIT_CHECK(ipc_space_deallocate(s, port) == MK_INVALID_RIGHT);  /* receive only */
	UNIT_CHECK(type_of(s, port) == MK_RIGHT_RECEIVE);
	ipc_space_release(s);
}

static void mod_refs_to_zero_removes_the_right(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port, dead, pset;

	ipc_space_allocate_port(s, &port);
	ipc_space_allocate_dead_name(s, &dead);
	ipc_space_allocate_pset(s, &pset);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	UNIT_CHECK(ipc_space_mod_refs(s, dead, MK_RIGHT_DEAD_NAME, 2) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_mod_refs(s, dead, MK_RIGHT_DEAD_NAME, -3) == MK_SUCCESS);
	UNIT_CHECK(type_of(s, dead) == 0);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_SEND, -1) == MK_SUCCESS);
	UNIT_CHECK(type_of(s, port) == MK_RIGHT_RECEIVE);
	UNIT_CHECK(ipc_space_mod_refs(s, pset, MK_RIGHT_PORT_SET, -1) == MK_SUCCESS);
	UNIT_CHECK(type_of(s, pset) == 0);
	ipc_space_release(s);
}

static void deallocate_drops_one_uref_then_the_name(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send, so;

	ipc_space_allocate_port(a, &port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	so = give_right(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, b);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_SUCCESS);
	UNIT_CHECK(refs_of(b, send, MK_RIGHT_SEND) == 1);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_SUCCESS);
	UNIT_CHECK(type_of(b, send) == 0);
	UNIT_CHECK(ipc_space_deallocate(b, send) == MK_INVALID_NAME);
	UNIT_CHECK(ipc_space_deallocate(b, so) == MK_SUCCESS);
	UNIT_CHECK(type_of(b, so) == 0);
	ipc_space_release(b);
	ipc_space_release(a);
}

static void destroying_a_receive_right_leaves_dead_names_elsewhere(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, send, so;

	notify_reset();
	ipc_space_allocate_port(a, &port);
	send = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	UNIT_CHECK(ipc_space_mod_refs(b, send, MK_RIGHT_SEND, 2) == MK_SUCCESS);
	so = give_right(a, port, MK_MSG_TYPE_MAKE_SEND_ONCE, b);
	UNIT_CHECK(ipc_space_destroy_name(a, port) == MK_SUCCESS);
	UNIT_CHECK(notified.port_dead == 1 && notified.no_senders == 0);
	UNIT_CHECK(type_of(a, port) == 0);
	UNIT_CHECK(type_of(b, send) == MK_RIGHT_DEAD_NAME);
	UNIT_CHECK(refs_of(b, send, MK_RIGHT_DEAD_NAME) == 3);
	UNIT_CHECK(type_of(b, so) == MK_RIGHT_DEAD_NAME);
	UNIT_CHECK(refs_of(b, so, MK_RIGHT_DEAD_NAME) == 1);
	/* The dead names hold nothing: the port is gone already. */
	UNIT_CHECK(ipc_port_count() == start.ports);
	UNIT_CHECK(ipc_space_deallocate(b, so) == MK_SUCCESS);
	UNIT_CHECK(ipc_space_mod_refs(b, send, MK_RIGHT_DEAD_NAME, -3) == MK_SUCCESS);
	UNIT_CHECK(type_of(b, send) == 0 && type_of(b, so) == 0);
	UNIT_CHECK(notified.send_once == 0);
	ipc_space_release(b);
	ipc_space_release(a);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static void dropping_the_receive_right_of_a_send_receive_name_leaves_a_dead_name(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;

	ipc_space_allocate_port(s, &port);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s);
	UNIT_CHECK(ipc_space_mod_refs(s, port, MK_RIGHT_RECEIVE, -1) == MK_SUCCESS);
	UNIT_CHECK(type_of(s, port) == MK_RIGHT_DEAD_NAME);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_DEAD_NAME) == 2);
	ipc_space_release(s);
}

static void send_rights_coalesce_under_the_receive_name(void)
{
	struct ipc_space *s = ipc_space_create();
	mk_port_name_t port;

	ipc_space_allocate_port(s, &port);
	UNIT_CHECK(give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s) == port);
	UNIT_CHECK(type_of(s, port) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	UNIT_CHECK(give_right(s, port, MK_MSG_TYPE_MAKE_SEND, s) == port);
	UNIT_CHECK(refs_of(s, port, MK_RIGHT_SEND) == 2);
	UNIT_CHECK(port_of(s, port)->srights == 1 && port_of(s, port)->mscount == 2);
	/* Send-once rights get names of their own. */
	mk_port_name_t so = give_right(s, port, MK_MSG_TYPE_MAKE_SEND_ONCE, s);
	UNIT_CHECK(so != port && type_of(s, so) == MK_RIGHT_SEND_ONCE);
	ipc_space_release(s);
}

static void send_rights_coalesce_in_another_space(void)
{
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t port, first, second;

	ipc_space_allocate_port(a, &port);
	first = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	second = give_right(a, port, MK_MSG_TYPE_MAKE_SEND, b);
	UNIT_CHECK(first && first == second);
	UNIT_CHECK(refs_of(b, first, MK_RIGHT_SEND) == 2);
	/* Back into the space holding the receive right: its name again. */
	UNIT_CHECK(give_right(b, first, MK_MSG_TYPE_MOVE_SEND, a) == port);
	UNIT_CHECK(refs_of(b, first, MK_RIGHT_SEND) == 1);
	UNIT_CHECK(port_of(a, port)->srights == 2);
	ipc_space_release(b);
	ipc_space_release(a);
}

static void destroy_releases_every_right_and_object(void)
{
	struct ipc_counts start = ipc_counts_now();
	struct ipc_space *a = ipc_space_create(), *b = ipc_space_create();
	mk_port_name_t p1, p2, pset, dead, remote;

	notify_reset();
	ipc_space_allocate_port(a, &p1);
	ipc_space_allocate_port(a, &p2);
	ipc_space_allocate_pset(a, &pset);
	ipc_space_allocate_dead_name(a, &dead);
	ipc_space_move_member(a, p1, pset);
	give_right(a, p2, MK_MSG_TYPE_MAKE_SEND, a);
	ipc_space_allocate_port(b, &remote);
	give_right(b, remote, MK_MSG_TYPE_MAKE_SEND, a);
	give_right(b, remote, MK_MSG_TYPE_MAKE_SEND_ONCE, a);
	struct ipc_kmsg *k = send_simple(a, p2, MK_MSG_TYPE_MAKE_SEND, 1, 64);
	UNIT_CHECK(k && ipc_port_enqueue(ipc_kmsg_destination(k), k) == MK_SUCCESS);

	ipc_space_destroy(a);
	UNIT_CHECK(notified.port_dead == 2);
	UNIT_CHECK(notified.no_senders == 1 && notified.send_once == 1);   /* remote's */
	UNIT_CHECK(ipc_space_allocate_port(a, &p1) == MK_INVALID_TASK);
	UNIT_CHECK(ipc_space_deallocate(a, dead) == MK_INVALID_TASK);
	/* A receive after the task died (its send half may have waited)
	 * must find nothing to release. */
	struct ipc_port *rport = (struct ipc_port *)1;
	struct ipc_pset *rset = (struct ipc_pset *)1;
	UNIT_CHECK(ipc_space_lookup_receive(a, p1, &rport, &rset) == MK_INVALID_TASK);
	UNIT_CHECK(!rport && !rset);
	ipc_space_release(a);
	ipc_space_release(b);
	UNIT_CHECK(ipc_counts_same(ipc_counts_now(), start));
}

static const struct unit_case cases[] = {
	UNIT_CASE(allocated_names_are_nonzero_distinct_and_typed),
	UNIT_CASE(reused_slot_gets_a_new_generation_and_stale_name_is_invalid),
	UNIT_CASE(names_stay_valid_when_the_table_grows),
	UNIT_CASE(names_run_out_at_the_table_maximum),
	UNIT_CASE(failed_table_growth_leaves_the_space_usable),
	UNIT_CASE(get_refs_counts_send_urefs_and_one_for_other_rights),
	UNIT_CASE(mod_refs_send_overflows_past_the_urefs_limit),
	UNIT_CASE(mod_refs_below_zero_is_invalid_value),
	UNIT_CASE(mod_refs_on_a_right_the_name_lacks_is_invalid_right),
	UNIT_CASE(mod_refs_to_zero_removes_the_right),
	UNIT_CASE(deallocate_drops_one_uref_then_the_name),
	UNIT_CASE(destroying_a_receive_right_leaves_dead_names_elsewhere),
	UNIT_CASE(dropping_the_receive_right_of_a_send_receive_name_leaves_a_dead_name),
	UNIT_CASE(send_rights_coalesce_under_the_receive_name),
	UNIT_CASE(send_rights_coalesce_in_another_space),
	UNIT_CASE(destroy_releases_every_right_and_object),
};
UNIT_MAIN("host/ipc_space", cases)
