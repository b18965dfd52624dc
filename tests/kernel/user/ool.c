/*
 * ool.c: native tests of out-of-line memory in messages: copy-on-write
 * between two tasks, small regions copied by value, MK_OOL_DEALLOCATE,
 * messages destroyed unreceived, refused sends that change nothing, and a
 * receiver whose address space is full.
 *
 * Tests within one task compare every kernel count, free frames included,
 * after a warm-up round (the heap keeps freed blocks in its size classes).
 * The two-task test compares objects only: it has no warm-up round, and
 * the sender keeps copy-on-write copies of what it wrote after the fork.
 */
#include "ool_util.h"

#define BIG (64 * 1024)

/* The receiver of the two-task test: announces its port on the bootstrap
 * port, takes the region, and reads it only after the sender says it has
 * written its own copy; then overwrites the region and replies with the
 * bytes it found wrong and the region's address. */
static void cow_receiver(uint64_t seed)
{
	mk_port_name_t service = MK_PORT_NULL;
	struct ool_msg m;
	struct test_msg go;

	if (test_announce(&service, 0) != MK_SUCCESS || ool_receive(&m, service) != MK_SUCCESS ||
	    test_receive(&go, sizeof(go), service, MK_MSG_OPTION_RCV_TIMEOUT, 2000) != MK_SUCCESS)
		return;
	uint64_t bad = m.ool.value == BIG ? ool_mismatches(m.ool.address, BIG, seed) : ~0ull;
	for (uint64_t i = 0; i < BIG; i += 64)
		((volatile uint8_t *)m.ool.address)[i] = 0xee;
	struct test_msg r = test_msg_make(go.header.remote_port, MK_MSG_TYPE_MOVE_SEND_ONCE,
					  MK_PORT_NULL, 0, MK_PORT_NULL, 0, bad);
	r.header.id = (int32_t)(m.ool.address & 4095);
	test_send(&r, 0, 0);
}

UTEST(ool_memory_copy_on_write_isolation)
{
	struct mk_object_counts before = test_object_counts();
	mk_port_name_t task, bootstrap = test_new_port(), reply = test_new_port();
	uint64_t region = ool_allocate(BIG);
	struct test_msg hello;

	ool_fill(region, BIG, 11);
	UTEST_EXPECT_RETURN(native_task_spawn(cow_receiver, 11, bootstrap, &task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&hello, sizeof(hello), bootstrap,
					 MK_MSG_OPTION_RCV_TIMEOUT, 2000), MK_SUCCESS);
	mk_port_name_t service = hello.port.value;
	struct ool_msg m = ool_msg_make(service, MK_MSG_TYPE_COPY_SEND, region, BIG, 0,
					MK_PORT_NULL, 0);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	ool_fill(region, BIG, 12);      /* after the send: the receiver must not see it */
	struct test_msg go = test_msg_make(service, MK_MSG_TYPE_COPY_SEND, reply,
					   MK_MSG_TYPE_MAKE_SEND_ONCE, MK_PORT_NULL, 0, 0);
	UTEST_EXPECT_RETURN(mk_msg(&go, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE |
					   MK_MSG_OPTION_RCV_TIMEOUT, sizeof(go), sizeof(go),
				   reply, 2000), MK_SUCCESS);
	UTEST_ASSERT(go.data == 0);             /* the receiver saw the original */
	UTEST_ASSERT(go.header.id == 0);        /* page-aligned there too */
	UTEST_ASSERT(ool_mismatches(region, BIG, 12) == 0);     /* its writes stayed there */
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, BIG), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}

/* Sends [address, address + size) to a new port of this task and
 * receives it; the port is destroyed, the received region is the
 * caller's to check and free. */
static struct ool_msg loop_back(uint64_t address, uint32_t size, uint8_t flags)
{
	mk_port_name_t port = test_new_port();
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, address, size, flags,
					MK_PORT_NULL, 0);

	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	UTEST_EXPECT_RETURN(ool_receive(&m, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_ASSERT(m.ool.type == MK_MSG_OOL_DESCRIPTOR && m.ool.value == size);
	return m;
}

/* 100 bytes in the middle of a page whose other bytes are not sent. */
static void small_round(uint64_t page, int check)
{
	struct mk_object_counts before = test_object_counts();
	mk_port_name_t port = test_new_port();
	uint64_t data = page + 1000;

	ool_fill(page, 4096, 3);
	ool_fill(data, 100, 21);
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, data, 100, 0, MK_PORT_NULL, 0);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	struct mk_object_counts queued = test_object_counts();
	ool_fill(data, 100, 22);
	UTEST_EXPECT_RETURN(ool_receive(&m, port), MK_SUCCESS);
	uint64_t got = m.ool.address;
	UTEST_ASSERT(m.ool.value == 100 && (got & 4095) == 1000 && got != data);
	UTEST_ASSERT(ool_mismatches(got, 100, 21) == 0);
	for (uint64_t i = 0; i < 4096; i++)     /* nothing but the 100 bytes */
		if (i < 1000 || i >= 1100)
			UTEST_ASSERT(((volatile uint8_t *)(got & ~4095ull))[i] == 0);
	((volatile uint8_t *)got)[0] ^= 0xff;
	UTEST_ASSERT(ool_mismatches(data, 100, 22) == 0);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, got, 100), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	if (!check)
		return;
	/* In flight: one page holding the copy in one new object; the
	 * sender's region was not touched (no shadow objects). */
	UTEST_ASSERT(queued.free_frames == before.free_frames - 1);
	UTEST_ASSERT(queued.vm_objects == before.vm_objects + 1 && queued.messages == 1);
	test_expect_counts_back_to(before, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

UTEST(ool_small_region_copied)
{
	uint64_t page = ool_allocate(4096);

	small_round(page, 0);
	small_round(page, 1);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, page, 4096), MK_SUCCESS);
}

static void big_round(int check)
{
	struct mk_object_counts before = test_object_counts();
	uint64_t region = ool_allocate(BIG);
	mk_port_name_t port = test_new_port();

	ool_fill(region, BIG, 5);
	struct mk_object_counts filled = test_object_counts();
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, region, BIG, 0, MK_PORT_NULL, 0);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	struct mk_object_counts queued = test_object_counts();
	((volatile uint8_t *)region)[4096] = 0;         /* one page copied on write */
	struct mk_object_counts written = test_object_counts();
	UTEST_EXPECT_RETURN(ool_receive(&m, port), MK_SUCCESS);
	UTEST_ASSERT(m.ool.value == BIG && !(m.ool.address & 4095));
	UTEST_ASSERT(ool_mismatches(m.ool.address, BIG, 5) == 0);
	UTEST_ASSERT(test_object_counts().free_frames == written.free_frames);  /* reads share */
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, m.ool.address, BIG), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, BIG), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	if (!check)
		return;
	/* Sent without copying a page: two shadows in front of the region. */
	UTEST_ASSERT(queued.free_frames == filled.free_frames);
	UTEST_ASSERT(queued.vm_objects == filled.vm_objects + 2);
	UTEST_ASSERT(written.free_frames == queued.free_frames - 1);
	test_expect_counts_back_to(before, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

UTEST(ool_large_region_shared_copy_on_write)
{
	big_round(0);
	big_round(1);
}

UTEST(ool_deallocate_removes_sender_region)
{
	uint64_t region = ool_allocate(5 * 4096);

	mk_port_name_t port = test_new_port();

	ool_fill(region, 5 * 4096, 8);
	/* Pages 1-3 hold [region + 4112, region + 12304): they go, 0 and 4 stay. */
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, region + 4112, 8192,
					MK_OOL_DEALLOCATE, MK_PORT_NULL, 0);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	UTEST_ASSERT(ool_is_mapped(region) && ool_is_mapped(region + 4 * 4096));
	for (int page = 1; page <= 3; page++)
		UTEST_ASSERT(!ool_is_mapped(region + page * 4096));
	UTEST_EXPECT_RETURN(ool_receive(&m, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_ASSERT(m.ool.value == 8192 && (m.ool.address & 4095) == 16 &&
		     m.ool.disposition == 0);
	for (uint64_t i = 0; i < 8192; i++)
		UTEST_ASSERT(((volatile uint8_t *)m.ool.address)[i] == ool_pattern(8, 4112 + i));
	UTEST_ASSERT(ool_mismatches(region, 4096, 8) == 0);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, m.ool.address, 8192), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, 5 * 4096), MK_SUCCESS);
}

static void unreceived_round(int check)
{
	struct mk_object_counts before = test_object_counts();
	uint64_t big = ool_allocate(BIG), small = ool_allocate(4096);
	mk_port_name_t port = test_new_port(), carried = test_new_port();

	ool_fill(big, BIG, 1);
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, big, BIG, 0, carried,
					MK_MSG_TYPE_MAKE_SEND);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, small + 10, 200, MK_OOL_DEALLOCATE,
			 MK_PORT_NULL, 0);
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	UTEST_ASSERT(!ool_is_mapped(small));
	UTEST_ASSERT(test_object_counts().messages == before.messages + 2);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);        /* both die queued */
	UTEST_ASSERT(test_type_of(carried) == MK_RIGHT_RECEIVE);
	UTEST_EXPECT_RETURN(mk_port_destroy(carried), MK_SUCCESS);
	UTEST_ASSERT(ool_mismatches(big, BIG, 1) == 0);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, big, BIG), MK_SUCCESS);
	if (check)
		test_expect_counts_back_to(before, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

UTEST(ool_unreceived_message_destroyed_nothing_leaks)
{
	unreceived_round(0);
	unreceived_round(1);
}

/* A send right under the receive right's name (a message to itself). */
static mk_port_name_t give_send(mk_port_name_t name)
{
	mk_port_name_t tmp = test_new_port();
	struct test_msg m = test_msg_make(tmp, MK_MSG_TYPE_MAKE_SEND, MK_PORT_NULL, 0, name,
					  MK_MSG_TYPE_MAKE_SEND, 0);

	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), tmp, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(tmp), MK_SUCCESS);
	UTEST_ASSERT(m.port.value == name);
	return name;
}

/* The test region: pages 0-1 hold pattern 4, page 2 cannot be read, page
 * 3 is a hole. */
#define REFUSED_PAGES 4

/* m must fail with want, leaving the region, the send right it moves
 * (`send`) and, when check, every count as they were. */
static void refused(struct ool_msg *m, uint64_t region, mk_port_name_t send, int64_t want,
		    int check)
{
	uint32_t refs = 0, now = 0;

	UTEST_EXPECT_RETURN(mk_port_get_refs(send, MK_RIGHT_SEND, &refs), MK_SUCCESS);
	struct mk_object_counts before = test_object_counts();
	UTEST_EXPECT_RETURN(ool_send(m), want);
	UTEST_EXPECT_RETURN(mk_port_get_refs(send, MK_RIGHT_SEND, &now), MK_SUCCESS);
	UTEST_ASSERT(now == refs);
	UTEST_ASSERT(ool_is_mapped(region) && ool_is_mapped(region + 4096));
	UTEST_ASSERT(ool_mismatches(region, 2 * 4096, 4) == 0);
	if (check)
		test_expect_counts_back_to(before, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

static void refused_round(mk_port_name_t port, uint64_t region, mk_port_name_t send, int check)
{
	static const struct { uint64_t offset, size; uint8_t flags; int64_t want; } bad[] = {
		{ 3 * 4096 + 10, 10, MK_OOL_DEALLOCATE, MK_INVALID_ADDRESS },   /* a hole */
		{ 4096, 3 * 4096, MK_OOL_DEALLOCATE, MK_INVALID_ADDRESS },      /* runs into it */
		{ 4096, 2 * 4096, MK_OOL_DEALLOCATE, MK_PROTECTION_FAILURE },   /* unreadable */
		{ 0, 4096, 0x80, MK_MSG_INVALID_DESCRIPTOR },                   /* unknown flag */
	};

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, region + bad[i].offset,
						(uint32_t)bad[i].size, bad[i].flags, send,
						MK_MSG_TYPE_MOVE_SEND);
		refused(&m, region, send, bad[i].want, check);
	}
	static const uint64_t outside[] = { 0xffff800000000000ull, ~0ull - 100, 0, 0x7ffffffff800ull };
	for (unsigned i = 0; i < sizeof(outside) / sizeof(outside[0]); i++) {
		struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, outside[i], 4096, 0,
						send, MK_MSG_TYPE_MOVE_SEND);
		refused(&m, region, send, MK_INVALID_ADDRESS, check);
	}
}

static void bad_address_round(int check)
{
	struct mk_object_counts start = test_object_counts();
	uint64_t region = ool_allocate(REFUSED_PAGES * 4096);
	mk_port_name_t port = test_new_port(), carried = test_new_port();
	mk_port_name_t send = give_send(carried);

	ool_fill(region, 2 * 4096, 4);
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, region + 2 * 4096, 4096, 0,
					  MK_VM_PROT_NONE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region + 3 * 4096, 4096), MK_SUCCESS);
	refused_round(port, region, send, 0);
	refused_round(port, region, send, check);
	/* The region captured, then the rights refused (no such reply name):
	 * nothing moves and the region stays. The capture leaves a shadow in
	 * front of each of its pages' regions, which go with the region, so
	 * the counts are compared once it is gone. */
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, region, 2 * 4096,
					MK_OOL_DEALLOCATE, send, MK_MSG_TYPE_MOVE_SEND);
	m.header.bits |= MK_MSGH_BITS(0, MK_MSG_TYPE_MAKE_SEND_ONCE);
	m.header.local_port = 0x7777700;
	refused(&m, region, send, MK_INVALID_NAME, 0);
	UTEST_ASSERT(test_object_counts().messages == start.messages);
	UTEST_EXPECT_RETURN(mk_port_deallocate(send), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(carried), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, REFUSED_PAGES * 4096),
			    MK_SUCCESS);
	if (check)
		test_expect_counts_back_to(start, COUNT_FRAMES | COUNT_VM_OBJECTS);
}

UTEST(ool_bad_address_fails_send_without_side_effects)
{
	bad_address_round(0);
	bad_address_round(1);
}

UTEST(ool_size_zero_carries_nothing)
{
	struct ool_msg m = loop_back(0xdeadbeef, 0, MK_OOL_DEALLOCATE);

	UTEST_ASSERT(m.ool.address == 0 && m.ool.value == 0);
}

/* Maps anonymous regions until not one more page fits; returns how many
 * (their addresses and sizes in the arrays). */
static int fill_address_space(uint64_t *address, uint64_t *size, int max)
{
	int n = 0;

	for (uint64_t s = 1ull << 46; s >= 4096 && n < max;) {
		address[n] = 0;
		if (mk_vm_allocate(MK_PORT_NULL, &address[n], s, MK_VM_FLAGS_ANYWHERE) == MK_SUCCESS)
			size[n++] = s;
		else
			s >>= 1;
	}
	return n;
}

UTEST(ool_receive_into_full_address_space_destroys_message)
{
	static uint64_t address[256], size[256];
	uint64_t region = ool_allocate(BIG);
	mk_port_name_t port = test_new_port(), carried = test_new_port();

	ool_fill(region, BIG, 6);
	struct ool_msg m = ool_msg_make(port, MK_MSG_TYPE_MAKE_SEND, region, BIG, 0, carried,
					MK_MSG_TYPE_MAKE_SEND);
	struct mk_object_counts before = test_object_counts();
	UTEST_EXPECT_RETURN(ool_send(&m), MK_SUCCESS);
	int n = fill_address_space(address, size, 256);
	UTEST_ASSERT(n > 0 && n < 256);
	UTEST_EXPECT_RETURN(ool_receive(&m, port), MK_NO_SPACE);
	for (int i = 0; i < n; i++)
		UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address[i], size[i]), MK_SUCCESS);
	/* The message is gone with its region and its send right. */
	UTEST_ASSERT(test_object_counts().messages == before.messages);
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0,
				   sizeof(m), port, 0), MK_TIMED_OUT);
	uint32_t refs = 1;
	UTEST_EXPECT_RETURN(mk_port_get_refs(carried, MK_RIGHT_SEND, &refs), MK_SUCCESS);
	UTEST_ASSERT(refs == 0);
	UTEST_ASSERT(ool_mismatches(region, BIG, 6) == 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(carried), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, BIG), MK_SUCCESS);
}
