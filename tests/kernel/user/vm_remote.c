/*
 * vm_remote.c: native tests of vm_read, vm_write and vm_copy, on another
 * task (a forked child holding a region of its own) and on the caller.
 */
#include "ool_util.h"

#define CHILD_PAGES 4
#define CHILD_SIZE (CHILD_PAGES * 4096)
#define CHILD_SEED 31

/* Requests the child answers (header id), each replied to with data. */
enum { CHILD_READ_WORD = 1, CHILD_FILL, CHILD_MAKE_READ_ONLY, CHILD_CHECK_PATTERN };

/* The child: fills a region of its own with a pattern, tells the parent
 * its port and the region's address, then serves requests about it. */
static void region_child(uint64_t unused)
{
	mk_port_name_t service = MK_PORT_NULL;
	uint64_t region = 0;
	struct test_msg m;

	(void)unused;
	if (mk_vm_allocate(MK_PORT_NULL, &region, CHILD_SIZE, MK_VM_FLAGS_ANYWHERE) != MK_SUCCESS)
		return;
	ool_fill(region, CHILD_SIZE, CHILD_SEED);
	if (test_announce(&service, region) != MK_SUCCESS)
		return;
	while (test_receive(&m, sizeof(m), service, 0, 0) == MK_SUCCESS) {
		uint64_t answer = 0;
		switch (m.header.id) {
		case CHILD_READ_WORD:
			answer = *(volatile uint64_t *)(region + m.data);
			break;
		case CHILD_FILL:
			for (uint64_t i = 0; i < CHILD_SIZE; i++)
				((volatile uint8_t *)region)[i] = (uint8_t)m.data;
			break;
		case CHILD_MAKE_READ_ONLY:
			answer = (uint64_t)mk_vm_protect(MK_PORT_NULL, region, CHILD_SIZE, 0,
							 MK_VM_PROT_READ);
			break;
		case CHILD_CHECK_PATTERN:
			answer = ool_mismatches(region, CHILD_SIZE, CHILD_SEED);
			break;
		}
		struct test_msg r = test_msg_make(m.header.remote_port, MK_MSG_TYPE_MOVE_SEND_ONCE,
						  MK_PORT_NULL, 0, MK_PORT_NULL, 0, answer);
		test_send(&r, 0, 0);
	}
}

struct child {
	mk_port_name_t task, bootstrap, service, reply;
	uint64_t region;
};

static struct child child_start(void)
{
	struct child c = { .bootstrap = test_new_port(), .reply = test_new_port() };
	struct test_msg m;

	UTEST_EXPECT_RETURN(native_task_spawn(region_child, 0, c.bootstrap, &c.task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), c.bootstrap, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);
	c.service = m.port.value;
	c.region = m.data;
	return c;
}

static uint64_t child_ask(struct child *c, int32_t request, uint64_t data)
{
	struct test_msg m = test_msg_make(c->service, MK_MSG_TYPE_COPY_SEND, c->reply,
					  MK_MSG_TYPE_MAKE_SEND_ONCE, MK_PORT_NULL, 0, data);

	m.header.id = request;
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE |
					   MK_MSG_OPTION_RCV_TIMEOUT, sizeof(m), sizeof(m),
				   c->reply, 2000), MK_SUCCESS);
	return m.data;
}

static void child_end(struct child *c)
{
	UTEST_EXPECT_RETURN(mk_task_terminate(c->task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(c->task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(c->service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(c->bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(c->reply), MK_SUCCESS);
}

UTEST(vm_read_other_task)
{
	struct child c = child_start();
	uint64_t data = 0;

	/* Unaligned: the copy keeps the offset in its page. */
	UTEST_EXPECT_RETURN(mk_vm_read(c.task, c.region + 100, CHILD_SIZE - 200, &data),
			    MK_SUCCESS);
	UTEST_ASSERT(data && (data & 4095) == 100);
	for (uint64_t i = 0; i < CHILD_SIZE - 200; i++)
		UTEST_ASSERT(((volatile uint8_t *)data)[i] == ool_pattern(CHILD_SEED, 100 + i));
	/* A copy, not a window: each side's writes stay its own. */
	child_ask(&c, CHILD_FILL, 0x5a);
	for (uint64_t i = 0; i < CHILD_SIZE - 200; i++)
		UTEST_ASSERT(((volatile uint8_t *)data)[i] == ool_pattern(CHILD_SEED, 100 + i));
	((volatile uint8_t *)data)[0] = 0;
	UTEST_ASSERT(child_ask(&c, CHILD_READ_WORD, 96) == 0x5a5a5a5a5a5a5a5aull);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, data, CHILD_SIZE - 200), MK_SUCCESS);
	/* Errors: a hole, a bad out pointer (nothing left mapped), size 0. */
	UTEST_EXPECT_RETURN(mk_vm_read(c.task, c.region + CHILD_SIZE, 4096, &data),
			    MK_INVALID_ADDRESS);
	struct mk_object_counts before = test_object_counts();
	UTEST_EXPECT_RETURN(mk_vm_read(c.task, c.region, 4096, (uint64_t *)8), MK_INVALID_ADDRESS);
	/* The child's side of the copy-on-write stays (a shadow in front of
	 * its region); the caller's would be a second object. */
	UTEST_ASSERT(test_object_counts().vm_objects == before.vm_objects + 1);
	data = 1;
	UTEST_EXPECT_RETURN(mk_vm_read(c.task, c.region, 0, &data), MK_SUCCESS);
	UTEST_ASSERT(data == 0);
	child_end(&c);
}

UTEST(vm_read_of_unreadable_memory_fails)
{
	uint64_t region = ool_allocate(4096), data = 0;

	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, region, 4096, 0, MK_VM_PROT_NONE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_read(MK_PORT_NULL, region, 4096, &data), MK_PROTECTION_FAILURE);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, 4096), MK_SUCCESS);
}

UTEST(vm_write_other_task)
{
	struct child c = child_start();
	uint8_t buf[5000];

	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 13);
	/* Across a page boundary, at an odd offset. */
	UTEST_EXPECT_RETURN(mk_vm_write(c.task, c.region + 3001, buf, sizeof(buf)), MK_SUCCESS);
	uint64_t data = 0;
	UTEST_EXPECT_RETURN(mk_vm_read(c.task, c.region, CHILD_SIZE, &data), MK_SUCCESS);
	for (uint64_t i = 0; i < CHILD_SIZE; i++) {
		uint8_t want = i >= 3001 && i < 3001 + sizeof(buf) ? buf[i - 3001]
								  : ool_pattern(CHILD_SEED, i);
		UTEST_ASSERT(((volatile uint8_t *)data)[i] == want);
	}
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, data, CHILD_SIZE), MK_SUCCESS);
	/* The child sees it in its own memory. */
	uint64_t word = 0;
	memcpy(&word, buf + 3, sizeof(word));
	UTEST_ASSERT(child_ask(&c, CHILD_READ_WORD, 3004) == word);
	/* A range running off the region writes nothing. */
	UTEST_EXPECT_RETURN(mk_vm_write(c.task, c.region + CHILD_SIZE - 10, buf, 20),
			    MK_INVALID_ADDRESS);
	uint8_t tail[8];
	for (unsigned i = 0; i < 8; i++)
		tail[i] = ool_pattern(CHILD_SEED, CHILD_SIZE - 8 + i);
	memcpy(&word, tail, sizeof(word));
	UTEST_ASSERT(child_ask(&c, CHILD_READ_WORD, CHILD_SIZE - 8) == word);
	UTEST_EXPECT_RETURN(mk_vm_write(c.task, c.region, (void *)8, 16), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_write(c.task, c.region, buf, 0), MK_SUCCESS);
	child_end(&c);
}

UTEST(vm_write_read_only_fails)
{
	struct child c = child_start();
	uint8_t buf[64];

	memset(buf, 0x77, sizeof(buf));
	UTEST_ASSERT(child_ask(&c, CHILD_MAKE_READ_ONLY, 0) == MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_write(c.task, c.region + 8, buf, sizeof(buf)),
			    MK_PROTECTION_FAILURE);
	UTEST_ASSERT(child_ask(&c, CHILD_CHECK_PATTERN, 0) == 0);      /* nothing written */
	child_end(&c);
}

UTEST(vm_copy_within_task)
{
	uint64_t region = ool_allocate(4 * 4096);

	ool_fill(region, 4 * 4096, 2);
	/* Apart, unaligned, across pages. */
	UTEST_EXPECT_RETURN(mk_vm_copy(MK_PORT_NULL, region + 10, 5000, region + 2 * 4096 + 7),
			    MK_SUCCESS);
	for (uint64_t i = 0; i < 5000; i++)
		UTEST_ASSERT(((volatile uint8_t *)region)[2 * 4096 + 7 + i] == ool_pattern(2, 10 + i));
	UTEST_ASSERT(((volatile uint8_t *)region)[2 * 4096 + 6] == ool_pattern(2, 2 * 4096 + 6));
	/* Overlapping upwards: as if the source were read first. */
	ool_fill(region, 4 * 4096, 2);
	UTEST_EXPECT_RETURN(mk_vm_copy(MK_PORT_NULL, region, 3 * 4096, region + 100), MK_SUCCESS);
	for (uint64_t i = 0; i < 3 * 4096; i++)
		UTEST_ASSERT(((volatile uint8_t *)region)[100 + i] == ool_pattern(2, i));
	/* And downwards. */
	ool_fill(region, 4 * 4096, 2);
	UTEST_EXPECT_RETURN(mk_vm_copy(MK_PORT_NULL, region + 100, 3 * 4096, region), MK_SUCCESS);
	for (uint64_t i = 0; i < 3 * 4096; i++)
		UTEST_ASSERT(((volatile uint8_t *)region)[i] == ool_pattern(2, 100 + i));
	/* A read-only destination is refused before anything moves. */
	ool_fill(region, 4 * 4096, 2);
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, region + 3 * 4096, 4096, 0,
					  MK_VM_PROT_READ), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_copy(MK_PORT_NULL, region, 2 * 4096, region + 2 * 4096),
			    MK_PROTECTION_FAILURE);
	UTEST_ASSERT(ool_mismatches(region, 4 * 4096, 2) == 0);
	UTEST_EXPECT_RETURN(mk_vm_copy(MK_PORT_NULL, region, 4096, region + 4 * 4096),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, 4 * 4096), MK_SUCCESS);
}

UTEST(vm_copy_in_other_task)
{
	struct child c = child_start();

	UTEST_EXPECT_RETURN(mk_vm_copy(c.task, c.region, 8, c.region + 4096), MK_SUCCESS);
	uint64_t word = child_ask(&c, CHILD_READ_WORD, 0);
	UTEST_ASSERT(child_ask(&c, CHILD_READ_WORD, 4096) == word);
	child_end(&c);
}

UTEST(vm_remote_traps_refuse_names_that_are_not_task_ports)
{
	mk_port_name_t port = test_new_port(), dead = MK_PORT_NULL;
	uint64_t region = ool_allocate(4096), data = 0;

	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_DEAD_NAME, &dead), MK_SUCCESS);
	/* No such name, a receive right, a dead name (as a task's port reads
	 * once the task is gone). */
	const mk_port_name_t bad[] = { 0x1234, port, dead };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		UTEST_EXPECT_RETURN(mk_vm_read(bad[i], region, 4096, &data), MK_INVALID_TASK);
		UTEST_EXPECT_RETURN(mk_vm_write(bad[i], region, &data, 8), MK_INVALID_TASK);
		UTEST_EXPECT_RETURN(mk_vm_copy(bad[i], region, 8, region + 8), MK_INVALID_TASK);
	}
	UTEST_ASSERT(data == 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(dead), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, region, 4096), MK_SUCCESS);
}
