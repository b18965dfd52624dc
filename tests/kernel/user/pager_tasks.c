/*
 * pager_tasks.c: pager-backed memory across tasks. A fault the pager
 * fails, or whose pager dies, ends only the faulting task; terminating a
 * task whose thread waits for a pager ends the wait; a pager-backed
 * region is inherited copy-on-write by a child.
 *
 * Leak checks here leave out frames and memory objects: tasks and thread
 * stacks leave copy-on-write copies and stacks behind (object_counts.h).
 */
#include "pager_test.h"

struct child_shared {
	volatile uint64_t go;           /* the address the child reads, 0 until set */
	volatile uint64_t done;         /* the read returned */
	volatile uint64_t value;
};

/* A page the parent and its children share. */
static void *shared_page(void)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, PAGE, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_inherit(MK_PORT_NULL, address, PAGE, MK_VM_INHERIT_SHARE),
			    MK_SUCCESS);
	return (void *)address;
}

static void child_reads(uint64_t arg)
{
	struct child_shared *s = (struct child_shared *)arg;

	while (!s->go)
		mk_thread_yield();
	s->value = *(volatile uint64_t *)s->go;
	s->done = 1;
}

struct faulting_child {
	struct child_shared *shared;
	mk_port_name_t task;
	mk_port_name_t watch;           /* no-senders when the task is gone */
	mk_port_name_t pager;           /* receive right */
};

/* A child that reads a page of pager's object, mapped into it by us (as
 * a server maps a file into a client). */
static void start_faulting_child(struct faulting_child *c)
{
	uint64_t address = 0;

	c->shared = shared_page();
	c->watch = test_new_port();
	c->pager = test_new_port();
	UTEST_EXPECT_RETURN(native_task_spawn(child_reads, (uint64_t)c->shared, c->watch, &c->task),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_request_notification(c->watch, MK_NOTIFY_NO_SENDERS, c->watch,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_map_pager(c->task, &address, PAGE, c->pager, 0,
					    MK_VM_FLAGS_ANYWHERE | MK_VM_MAP_PROT(MK_VM_PROT_READ)),
			    MK_SUCCESS);
	c->shared->go = address;
}

/* The child task is gone (its bootstrap right went with it) and its read
 * never returned. */
static void expect_child_gone(struct faulting_child *c)
{
	struct mk_notify_msg n;

	UTEST_EXPECT_RETURN(test_receive(&n, sizeof(n), c->watch, MK_MSG_OPTION_RCV_TIMEOUT, WAIT_MS),
			    MK_SUCCESS);
	UTEST_ASSERT(n.header.id == MK_NOTIFY_NO_SENDERS);
	UTEST_ASSERT(!c->shared->done);
	UTEST_EXPECT_RETURN(mk_port_destroy(c->watch), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, (uint64_t)c->shared, PAGE), MK_SUCCESS);
}

UTEST(pager_data_error_fails_fault)
{
	struct faulting_child c;
	struct mk_object_counts before = test_object_counts();

	start_faulting_child(&c);
	UTEST_EXPECT_RETURN(mk_port_deallocate(c.task), MK_SUCCESS);  /* it lives while its thread does */
	mk_port_name_t control = receive_request(c.pager, 0);
	UTEST_EXPECT_RETURN(mk_pager_data_error(control, 0, PAGE, MK_INVALID_ADDRESS), MK_SUCCESS);
	expect_child_gone(&c);
	/* Its map went with it, and the object: the pager hears. */
	UTEST_ASSERT(receive_terminate(c.pager) == control);
	UTEST_EXPECT_RETURN(mk_port_destroy(control), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(c.pager), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}

UTEST(pager_dead_port_fails_fault)
{
	struct faulting_child c;
	struct mk_object_counts before = test_object_counts();

	start_faulting_child(&c);
	UTEST_EXPECT_RETURN(mk_port_deallocate(c.task), MK_SUCCESS);
	mk_port_name_t control = receive_request(c.pager, 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(c.pager), MK_SUCCESS);       /* the pager dies */
	expect_child_gone(&c);
	UTEST_ASSERT(test_type_of(control) == MK_RIGHT_DEAD_NAME);     /* the object is gone */
	UTEST_EXPECT_RETURN(mk_port_deallocate(control), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}

UTEST(pager_wait_ends_when_faulting_task_is_terminated)
{
	struct faulting_child c;
	struct mk_object_counts before = test_object_counts();

	start_faulting_child(&c);
	mk_port_name_t control = receive_request(c.pager, 0);
	UTEST_EXPECT_RETURN(mk_task_terminate(c.task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(c.task), MK_SUCCESS);
	expect_child_gone(&c);
	UTEST_ASSERT(receive_terminate(c.pager) == control);
	UTEST_EXPECT_RETURN(mk_port_destroy(control), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(c.pager), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}

struct cow_shared {
	uint64_t address;               /* of the pager-backed region, in both tasks */
	volatile uint64_t stage;        /* 1: the child's first reads are in; 2: go on; 3: done */
	volatile uint64_t first, after_write, second, first_again;
};

static void child_copies(uint64_t arg)
{
	struct cow_shared *s = (struct cow_shared *)arg;
	volatile uint64_t *p = (volatile uint64_t *)s->address;

	s->first = p[0];                /* in the object already */
	p[0] = 0x1234;                  /* the child's own copy from now on */
	s->after_write = p[0];
	s->second = p[PAGE / 8 + 1];    /* not in yet: the pager is asked */
	s->stage = 1;
	while (s->stage != 2)
		mk_thread_yield();
	s->first_again = p[0];
	s->stage = 3;
}

static void wait_stage(struct cow_shared *s, uint64_t stage)
{
	int64_t start = mk_clock_ticks();

	while (s->stage != stage && mk_clock_ticks() - start < 200)
		mk_thread_yield();
	UTEST_ASSERT(s->stage == stage);
}

static void wait_tasks(uint64_t n)
{
	int64_t start = mk_clock_ticks();

	while (test_object_counts().tasks != n && mk_clock_ticks() - start < 200)
		mk_thread_yield();
	UTEST_ASSERT(test_object_counts().tasks == n);
}

UTEST(pager_object_copy_on_write_in_child)
{
	struct mk_object_counts before = test_object_counts();
	struct test_pager pg;
	mk_port_name_t task;

	start_pager(&pg, PAGER_SUPPLY);
	uint64_t address = map_pager(MK_PORT_NULL, pg.port, 3 * PAGE, 0);
	UTEST_ASSERT(word(address, 0, 0) == pager_pattern(0, 0));
	struct cow_shared *s = shared_page();
	s->address = address;
	UTEST_EXPECT_RETURN(native_task_spawn(child_copies, (uint64_t)s, MK_PORT_NULL, &task),
			    MK_SUCCESS);
	wait_stage(s, 1);
	UTEST_ASSERT(s->first == pager_pattern(0, 0) && s->after_write == 0x1234);
	UTEST_ASSERT(s->second == pager_pattern(PAGE, 1) && pg.requests == 2);
	UTEST_ASSERT(word(address, 0, 0) == pager_pattern(0, 0));      /* not the child's write */
	((volatile uint64_t *)address)[0] = 0x5678;
	/* The page the child's fault brought in is the parent's too. */
	UTEST_ASSERT(word(address, 1, 1) == pager_pattern(PAGE, 1) && pg.requests == 2);
	s->stage = 2;
	wait_stage(s, 3);
	UTEST_ASSERT(s->first_again == 0x1234 && word(address, 0, 0) == 0x5678);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	wait_tasks(before.tasks);
	/* The child's copy is gone, the object is the parent shadow's alone:
	 * it must not be merged into it (vm_collapse.c), or the page the
	 * pager was never asked for would read as zeros. */
	UTEST_ASSERT(word(address, 2, 3) == pager_pattern(2 * PAGE, 3) && pg.requests == 3);
	UTEST_ASSERT(word(address, 0, 0) == 0x5678 && word(address, 1, 2) == pager_pattern(PAGE, 2));
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 3 * PAGE), MK_SUCCESS);
	stop_pager(&pg);                /* once the child's copy is gone too */
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, (uint64_t)s, PAGE), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}
