/*
 * task_create_from.c: a task made from another task's port (fork done by a
 * third party, as the UNIX server forks a process) gets a copy of that
 * task's memory as it is now, not of the caller's, and the copies stay
 * apart afterwards. Bad parents are refused, and nothing is left behind.
 */
#include "ipc_util.h"
#include "object_counts.h"

#define PARENT_VALUE 0x2222u
#define CHILD_VALUE  0x3333u
#define STACK_SIZE   8192

struct fork_pages {
	uint64_t data;                  /* one page, MK_VM_INHERIT_COPY */
	uint64_t stack;                 /* the grandchild's thread stack */
	mk_port_name_t hold;            /* the middle task waits here */
};

static struct fork_pages pages;         /* each task reads its own copy */

/* The middle task: writes its value, reports, then waits until ended. */
static void middle(uint64_t unused)
{
	mk_port_name_t hold = MK_PORT_NULL;
	struct test_msg got;

	(void)unused;
	*(volatile uint64_t *)pages.data = PARENT_VALUE;
	if (mk_port_allocate(MK_RIGHT_RECEIVE, &hold) != MK_SUCCESS || test_report(1) != MK_SUCCESS)
		return;
	test_receive(&got, sizeof(got), hold, 0, 0);    /* until terminated */
}

/* The task made from the middle one, on a bare thread: reports what it
 * read, then writes its own value (which the middle task must not see). */
static void made_from_middle(uint64_t unused)
{
	(void)unused;
	uint64_t seen = *(volatile uint64_t *)pages.data;
	*(volatile uint64_t *)pages.data = CHILD_VALUE;
	test_report(seen);
	mk_thread_exit();
}

UTEST(task_create_from_copies_another_tasks_memory_copy_on_write)
{
	struct mk_object_counts before = test_object_counts();
	mk_port_name_t middle_task, made, report = test_new_port();
	struct test_msg got;
	uint64_t copy = 0;

	pages.data = pages.stack = 0;
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &pages.data, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &pages.stack, STACK_SIZE,
					   MK_VM_FLAGS_ANYWHERE), MK_SUCCESS);
	*(volatile uint64_t *)pages.data = 0x1111;
	UTEST_EXPECT_RETURN(native_task_spawn(middle, 0, report, &middle_task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), report, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);

	UTEST_EXPECT_RETURN(mk_task_create_from(middle_task, report, &made), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_create(made, (uint64_t)made_from_middle,
					     pages.stack + STACK_SIZE - 8, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), report, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);
	UTEST_ASSERT(got.data == PARENT_VALUE);         /* the middle task's, not ours */
	UTEST_EXPECT_RETURN(mk_vm_read(middle_task, pages.data, sizeof(uint64_t), &copy),
			    MK_SUCCESS);
	UTEST_ASSERT(*(volatile uint64_t *)copy == PARENT_VALUE);  /* the new task's write
								    * stayed its own */
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, copy, 4096), MK_SUCCESS);
	UTEST_ASSERT(*(volatile uint64_t *)pages.data == 0x1111);

	UTEST_EXPECT_RETURN(mk_task_terminate(made), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_terminate(middle_task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(made), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(middle_task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(report), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, pages.data, 4096), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, pages.stack, STACK_SIZE), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
}

UTEST(task_create_from_refuses_what_is_not_a_live_task)
{
	mk_port_name_t port = test_new_port(), task = MK_PORT_NULL, made = 0x5eed;

	UTEST_EXPECT_RETURN(mk_task_create_from(0x7777, MK_PORT_NULL, &made), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_task_create_from(port, MK_PORT_NULL, &made), MK_INVALID_TASK);
	UTEST_ASSERT(made == 0x5eed);
	UTEST_EXPECT_RETURN(mk_task_create(0, MK_PORT_NULL, &task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_terminate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_task_create_from(task, MK_PORT_NULL, &made), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_task_create_from(MK_PORT_NULL, MK_PORT_NULL,
						(mk_port_name_t *)8), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}
