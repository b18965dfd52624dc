/*
 * ipc_tasks.c: native tests of messages between tasks: a call and its
 * reply, a server killed in the middle of a call, copy-on-write memory
 * after task_create, and the kernel objects counted before and after so
 * nothing leaks.
 */
#include "ipc_util.h"
#include "object_counts.h"

#define REQUEST_ID 2000

static volatile uint64_t shared_looking_word = 7;

/* Child side: announces a service port on the bootstrap port, then
 * answers `calls` requests with data + 1 (calls 0: receives one and ends
 * its task without answering). */
static void child_server(uint64_t calls)
{
	mk_port_name_t service = MK_PORT_NULL;
	struct test_msg m;

	shared_looking_word = 99;       /* the parent must not see this */
	if (test_announce(&service, shared_looking_word) != MK_SUCCESS)
		return;
	for (uint64_t i = 0; i < (calls ? calls : 1); i++) {
		if (test_receive(&m, sizeof(m), service, 0, 0) != MK_SUCCESS)
			return;
		if (!calls)
			mk_task_terminate(MK_PORT_NULL);
		struct test_msg r = test_msg_make(m.header.remote_port, MK_MSG_TYPE_MOVE_SEND_ONCE,
						  MK_PORT_NULL, 0, MK_PORT_NULL, 0, m.data + 1);
		r.header.id = REQUEST_ID + 1;
		test_send(&r, 0, 0);
	}
}

/* Spawns child_server and returns the send right to its service port. */
static mk_port_name_t start_server(uint64_t calls, mk_port_name_t *task, mk_port_name_t *bootstrap)
{
	struct test_msg m;

	*bootstrap = test_new_port();
	UTEST_EXPECT_RETURN(native_task_spawn(child_server, calls, *bootstrap, task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), *bootstrap, MK_MSG_OPTION_RCV_TIMEOUT, 2000),
			    MK_SUCCESS);
	UTEST_ASSERT(m.data == 99 && shared_looking_word == 7);
	UTEST_ASSERT(test_type_of(m.port.value) == MK_RIGHT_SEND);
	return m.port.value;
}

static int64_t call(mk_port_name_t service, mk_port_name_t reply, uint64_t data, struct test_msg *got)
{
	struct test_msg m = test_msg_make(service, MK_MSG_TYPE_COPY_SEND, reply,
					  MK_MSG_TYPE_MAKE_SEND_ONCE, MK_PORT_NULL, 0, data);

	m.header.id = REQUEST_ID;
	*got = m;
	return mk_msg(got, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT,
		      sizeof(m), sizeof(*got), reply, 2000);
}

static void call_reply_round(void)
{
	mk_port_name_t task, bootstrap, reply = test_new_port();
	mk_port_name_t service = start_server(3, &task, &bootstrap);
	struct test_msg got;

	for (uint64_t i = 0; i < 3; i++) {
		UTEST_EXPECT_RETURN(call(service, reply, 10 * i, &got), MK_SUCCESS);
		UTEST_ASSERT(got.header.id == REQUEST_ID + 1 && got.data == 10 * i + 1);
	}
	UTEST_EXPECT_RETURN(mk_port_deallocate(service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
}

UTEST(ipc_call_and_reply_between_two_tasks_leaves_nothing_behind)
{
	/* The first rounds warm the heap's size classes and leave the
	 * parent's shadow chain at its steady length (vm_collapse.c). */
	call_reply_round();
	call_reply_round();
	struct mk_object_counts before = test_object_counts();
	call_reply_round();
	call_reply_round();
	test_expect_counts_back_to(before, COUNT_FRAMES);
}

static void killed_server_round(void)
{
	mk_port_name_t task, bootstrap, reply = test_new_port(), notify = test_new_port();
	mk_port_name_t service = start_server(0, &task, &bootstrap);
	struct test_msg got;
	struct mk_notify_msg dead;

	UTEST_EXPECT_RETURN(mk_port_request_notification(service, MK_NOTIFY_DEAD_NAME, notify,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	/* The server takes the request and dies: its unused send-once reply
	 * right is destroyed, which tells the caller. */
	UTEST_EXPECT_RETURN(call(service, reply, 1, &got), MK_SUCCESS);
	UTEST_ASSERT(got.header.id == MK_NOTIFY_SEND_ONCE);
	UTEST_EXPECT_RETURN(test_receive(&dead, sizeof(dead), notify, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);
	UTEST_ASSERT(dead.header.id == MK_NOTIFY_DEAD_NAME && dead.value == service);
	UTEST_ASSERT(test_type_of(service) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(call(service, reply, 2, &got), MK_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(notify), MK_SUCCESS);
}

UTEST(ipc_server_killed_mid_call_notifies_client_and_frees_everything)
{
	killed_server_round();
	killed_server_round();
	struct mk_object_counts before = test_object_counts();
	killed_server_round();
	killed_server_round();
	test_expect_counts_back_to(before, COUNT_FRAMES);
}

UTEST(task_port_names_the_child_for_vm_traps_and_terminate)
{
	mk_port_name_t task, bootstrap, reply = test_new_port();
	mk_port_name_t service = start_server(1, &task, &bootstrap);
	uint64_t address = 0;
	struct test_msg got;

	UTEST_ASSERT(test_type_of(task) == MK_RIGHT_SEND);
	UTEST_EXPECT_RETURN(mk_vm_allocate(task, &address, 4096, MK_VM_FLAGS_ANYWHERE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(task, address, 4096), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_create(task, 1ull << 63, 0, 0), MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_task_create(2, MK_PORT_NULL, &(mk_port_name_t){ 0 }),
			    MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_task_terminate(task), MK_SUCCESS);
	/* Its receive rights died with it. */
	UTEST_EXPECT_RETURN(call(service, reply, 1, &got), MK_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(service), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(reply), MK_SUCCESS);
}
