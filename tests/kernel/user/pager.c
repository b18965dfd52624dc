/*
 * pager.c: native tests of memory objects backed by a user-level pager
 * (mk/pager.h) within one task: pages supplied or zero-filled, one
 * request per page however many faults wait on it, one object per pager
 * port, bad answers and mappings refused, prefetch, and nothing left
 * behind. Across tasks: pager_tasks.c.
 */
#include "pager_test.h"

static void supply_round(void)
{
	struct test_pager pg;
	const uint64_t offset = 8 * PAGE;

	start_pager(&pg, PAGER_SUPPLY);
	uint64_t address = map_pager(MK_PORT_NULL, pg.port, 4 * PAGE, offset);
	for (uint64_t p = 0; p < 4; p++) {
		UTEST_ASSERT(word(address, p, 0) == pager_pattern(offset + p * PAGE, 0));
		UTEST_ASSERT(word(address, p, 511) == pager_pattern(offset + p * PAGE, 511));
	}
	UTEST_ASSERT(pg.requests == 4);
	((volatile uint64_t *)address)[PAGE / 8 + 3] = 77;      /* writable, kept */
	UTEST_ASSERT(word(address, 1, 3) == 77 && word(address, 0, 5) == pager_pattern(offset, 5));
	UTEST_ASSERT(pg.requests == 4);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 4 * PAGE), MK_SUCCESS);
	stop_pager(&pg);
}

UTEST(pager_supplies_pages)
{
	supply_round();         /* warms the heap and the thread stack */
	struct mk_object_counts before = test_object_counts();
	supply_round();
	test_expect_counts_back_to(before, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

static volatile uint64_t readers_started, readers_done, read_values[2];

static void read_first_word(uint64_t arg)
{
	uint64_t address = arg >> 1;

	__atomic_fetch_add(&readers_started, 1, __ATOMIC_RELEASE);
	read_values[arg & 1] = *(volatile uint64_t *)address;
	__atomic_fetch_add(&readers_done, 1, __ATOMIC_RELEASE);
}

static void wait_readers_done(uint64_t n)
{
	int64_t start = mk_clock_ticks();

	while (readers_done < n && mk_clock_ticks() - start < 200)
		mk_thread_yield();
	UTEST_ASSERT(readers_done == n);
}

UTEST(pager_request_once_per_page)
{
	struct mk_object_counts before = test_object_counts();
	mk_port_name_t port = test_new_port();
	union pager_msg extra;

	uint64_t address = map_pager(MK_PORT_NULL, port, PAGE, 0);
	readers_started = readers_done = 0;
	for (uint64_t k = 0; k < 2; k++)
		UTEST_EXPECT_RETURN(native_thread_spawn(read_first_word, address << 1 | k, 0, NULL), MK_SUCCESS);
	mk_port_name_t control = receive_request(port, 0);
	/* Both readers are waiting for the page; the second did not ask. */
	UTEST_EXPECT_RETURN(test_receive(&extra, sizeof(extra), port, MK_MSG_OPTION_RCV_TIMEOUT, 200),
			    MK_TIMED_OUT);
	UTEST_ASSERT(readers_started == 2 && readers_done == 0);
	supply_pattern(control, 0);
	wait_readers_done(2);
	UTEST_ASSERT(read_values[0] == pager_pattern(0, 0) && read_values[1] == pager_pattern(0, 0));
	UTEST_EXPECT_RETURN(mk_port_deallocate(control), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, PAGE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(receive_terminate(port)), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);       /* the readers' first stacks stay */
}

UTEST(pager_data_unavailable_zero_fills)
{
	struct test_pager pg;

	start_pager(&pg, PAGER_ODD_PAGES_ZERO);
	uint64_t address = map_pager(MK_PORT_NULL, pg.port, 2 * PAGE, 0);
	for (uint64_t i = 0; i < PAGE / 8; i++) {
		UTEST_ASSERT(word(address, 1, i) == 0);
		UTEST_ASSERT(word(address, 0, i) == pager_pattern(0, i));
	}
	((volatile uint64_t *)address)[PAGE / 8] = 5;
	UTEST_ASSERT(word(address, 1, 0) == 5 && pg.requests == 2);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 2 * PAGE), MK_SUCCESS);
	stop_pager(&pg);
}

UTEST(pager_port_maps_one_object)
{
	struct test_pager pg;

	start_pager(&pg, PAGER_SUPPLY);
	uint64_t a = map_pager(MK_PORT_NULL, pg.port, PAGE, 0);
	uint64_t b = map_pager(MK_PORT_NULL, pg.port, 2 * PAGE, 0);
	UTEST_ASSERT(a != b);
	UTEST_ASSERT(word(a, 0, 1) == pager_pattern(0, 1));
	UTEST_ASSERT(word(b, 0, 1) == pager_pattern(0, 1) && pg.requests == 1);
	((volatile uint64_t *)a)[2] = 9;
	UTEST_ASSERT(word(b, 0, 2) == 9);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, a, PAGE), MK_SUCCESS);
	UTEST_ASSERT(word(b, 1, 0) == pager_pattern(PAGE, 0) && pg.requests == 2);
	UTEST_ASSERT(!pg.terminated);           /* b still maps the object */
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, b, 2 * PAGE), MK_SUCCESS);
	stop_pager(&pg);
}

/* A name for a send right to a plain port of ours (and its receive right). */
static mk_port_name_t port_with_send_right(void)
{
	mk_port_name_t port = test_new_port();
	struct test_msg m = test_msg_make(port, MK_MSG_TYPE_MAKE_SEND, port, MK_MSG_TYPE_MAKE_SEND,
					  MK_PORT_NULL, 0, 0);

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, 0, 0), MK_SUCCESS);
	UTEST_ASSERT(test_type_of(port) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	return port;
}

static void bad_answers_are_refused(mk_port_name_t control, mk_port_name_t plain)
{
	static uint64_t page[PAGE / 8];
	uint64_t unmapped = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &unmapped, PAGE, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, unmapped, PAGE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(plain, 0, page, PAGE), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(0x12345, 0, page, PAGE), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 100, page, PAGE), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, page, 0), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, page, 100), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, page, MK_PAGER_DATA_MAX + PAGE),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 2 * PAGE, page, PAGE), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, PAGE, page, 2 * PAGE), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, -PAGE, page, 2 * PAGE), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, (void *)0x10, PAGE), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, (void *)0xffff800000000000ull, PAGE),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, (void *)unmapped, PAGE),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_pager_data_unavailable(control, 0, 3 * PAGE), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_pager_data_unavailable(plain, 0, PAGE), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_pager_data_error(control, 0, PAGE, MK_SUCCESS), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_error(control, 0, PAGE, -2), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_error(control, 0, 5, MK_INVALID_ADDRESS),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_pager_data_error(plain, 0, PAGE, MK_INVALID_ADDRESS),
			    MK_INVALID_RIGHT);
}

static void bad_mappings_are_refused(mk_port_name_t control, mk_port_name_t plain)
{
	uint64_t address = 0;
	const uint32_t rw = MK_VM_FLAGS_ANYWHERE | MK_VM_MAP_PROT(MK_VM_PROT_READ | MK_VM_PROT_WRITE);

	/* A kernel object's port is no pager. */
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, control, 0, rw),
			    MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, 0x12345, 0, rw),
			    MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(0x12345, &address, PAGE, plain, 0, rw), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, 0, plain, 0, rw),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, plain, 100, rw),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, plain, 0, rw | 1u << 20),
			    MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, plain, MK_PAGER_OBJECT_MAX,
					    rw), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, (uint64_t *)0x10, PAGE, plain, 0, rw),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(MK_PORT_NULL, &address, PAGE, plain, 0,
					    MK_VM_MAP_PROT(MK_VM_PROT_READ)), MK_INVALID_ADDRESS);
}

UTEST(pager_bad_supply_rejected)
{
	struct mk_object_counts before = test_object_counts();
	mk_port_name_t port = test_new_port(), plain = port_with_send_right();
	static uint64_t junk[PAGE / 8];

	uint64_t address = map_pager(MK_PORT_NULL, port, 2 * PAGE, 0);
	readers_started = readers_done = 0;
	UTEST_EXPECT_RETURN(native_thread_spawn(read_first_word, address << 1, 0, NULL), MK_SUCCESS);
	mk_port_name_t control = receive_request(port, 0);
	bad_answers_are_refused(control, plain);
	bad_mappings_are_refused(control, plain);
	UTEST_ASSERT(readers_done == 0);        /* none of that answered it */
	/* Data nobody asked for is a prefetch: the page is read without a request. */
	supply_pattern(control, PAGE);
	UTEST_ASSERT(word(address, 1, 7) == pager_pattern(PAGE, 7));
	supply_pattern(control, 0);
	wait_readers_done(1);
	UTEST_ASSERT(read_values[0] == pager_pattern(0, 0));
	/* Answers for pages already in change nothing. */
	for (int i = 0; i < PAGE / 8; i++)
		junk[i] = ~0ull;
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, junk, PAGE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_pager_data_unavailable(control, PAGE, PAGE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_pager_data_error(control, 0, 2 * PAGE, MK_INVALID_ADDRESS), MK_SUCCESS);
	UTEST_ASSERT(word(address, 0, 3) == pager_pattern(0, 3));
	UTEST_ASSERT(word(address, 1, 3) == pager_pattern(PAGE, 3));
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 2 * PAGE), MK_SUCCESS);
	/* The control port comes back under the name the requests gave it,
	 * and names no object any more. */
	UTEST_ASSERT(receive_terminate(port) == control);
	UTEST_ASSERT(test_type_of(control) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, 0, junk, PAGE), MK_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_destroy(control), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(plain), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);       /* the reader's first stack stays */
}
