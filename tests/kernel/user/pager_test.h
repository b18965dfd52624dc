/*
 * pager_test.h: what the pager tests share (pager.c, pager_tasks.c):
 * mapping a pager's object, and receiving and answering the pager's
 * messages by hand (leak checks: object_counts.h).
 */
#ifndef MK_TESTS_PAGER_TEST_H
#define MK_TESTS_PAGER_TEST_H

#include "ipc_util.h"
#include "object_counts.h"
#include "pager_util.h"

#define WAIT_MS 2000

static inline uint64_t map_pager(mk_port_name_t task, mk_port_name_t port, uint64_t size,
			  uint64_t offset)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_map_pager(task, &address, size, port, offset,
					    MK_VM_FLAGS_ANYWHERE |
					    MK_VM_MAP_PROT(MK_VM_PROT_READ | MK_VM_PROT_WRITE)),
			    MK_SUCCESS);
	UTEST_ASSERT(address && !(address % PAGE));
	return address;
}

static inline uint64_t word(uint64_t address, uint64_t page, uint64_t i)
{
	return ((volatile uint64_t *)(address + page * PAGE))[i];
}

static inline mk_port_name_t receive_request(mk_port_name_t port, uint64_t offset)
{
	union pager_msg m;

	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, MK_MSG_OPTION_RCV_TIMEOUT, WAIT_MS),
			    MK_SUCCESS);
	UTEST_ASSERT(m.header.id == MK_PAGER_DATA_REQUEST && m.header.size == sizeof(m.request));
	UTEST_ASSERT(m.request.offset == offset && m.request.length == PAGE);
	UTEST_ASSERT(m.request.desired_access == MK_VM_PROT_READ);
	UTEST_ASSERT(m.request.control.type == MK_MSG_PORT_DESCRIPTOR &&
		     m.request.control.disposition == MK_MSG_TYPE_MOVE_SEND);
	UTEST_ASSERT(test_type_of(m.request.control.value) == MK_RIGHT_SEND);
	return m.request.control.value;
}

/* The object ended: its control port's receive right comes to the pager,
 * under the name of the send rights it still holds (if any). */
static inline mk_port_name_t receive_terminate(mk_port_name_t port)
{
	union pager_msg m;

	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, MK_MSG_OPTION_RCV_TIMEOUT, WAIT_MS),
			    MK_SUCCESS);
	UTEST_ASSERT(m.header.id == MK_PAGER_TERMINATE && m.header.size == sizeof(m.terminate));
	UTEST_ASSERT(m.terminate.control.disposition == MK_MSG_TYPE_MOVE_RECEIVE);
	UTEST_ASSERT(test_type_of(m.terminate.control.value) & MK_RIGHT_RECEIVE);
	return m.terminate.control.value;
}

static inline void supply_pattern(mk_port_name_t control, uint64_t offset)
{
	static uint64_t page[PAGE / 8];

	pager_fill(page, offset);
	UTEST_EXPECT_RETURN(mk_pager_data_supply(control, offset, page, PAGE), MK_SUCCESS);
}

static inline void start_pager(struct test_pager *pg, enum pager_mode mode)
{
	*pg = (struct test_pager){ .port = test_new_port(), .mode = mode };
	UTEST_EXPECT_RETURN(native_thread_spawn(pager_serve, (uint64_t)pg, 0, NULL), MK_SUCCESS);
}

/* The mapping is gone: the pager hears of it and its thread ends. */
static inline void stop_pager(struct test_pager *pg)
{
	UTEST_ASSERT(pager_wait_terminated(pg));
	UTEST_ASSERT(pg->failure == 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(pg->port), MK_SUCCESS);
}

#endif
