/*
 * child_util.h: a child task that reports to its parent, for tests of
 * what a task without the host right can do and of tasks that die. The
 * child's bootstrap port is a port of the parent's; the parent drops its
 * task right so the child ends with its last thread, and learns of that
 * end from the no-senders notification of the bootstrap port (the child's
 * send right to it goes with the task). Leak checks: object_counts.h.
 */
#ifndef MK_TESTS_CHILD_UTIL_H
#define MK_TESTS_CHILD_UTIL_H

#include "ipc_util.h"
#include "object_counts.h"

struct child {
	mk_port_name_t port;            /* ours: the child's bootstrap port */
};

/* Starts fn(arg) in a child holding a copy of our memory and a send right
 * to child->port as its bootstrap port, and nothing else. */
static inline struct child child_start(void (*fn)(uint64_t), uint64_t arg)
{
	struct child c = { test_new_port() };
	mk_port_name_t task = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(native_task_spawn(fn, arg, c.port, &task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_request_notification(c.port, MK_NOTIFY_NO_SENDERS, c.port,
							 MK_MSG_TYPE_MAKE_SEND_ONCE), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	return c;
}

/* The next message from the child or about it (2 s at most). */
static inline struct test_msg child_next_message(struct child *c)
{
	struct test_msg m = { 0 };

	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), c->port, MK_MSG_OPTION_RCV_TIMEOUT, 2000),
			    MK_SUCCESS);
	return m;
}

/* Waits for the child's end and drops the port. */
static inline void child_wait_end(struct child *c)
{
	struct test_msg m = child_next_message(c);

	UTEST_ASSERT(m.header.id == MK_NOTIFY_NO_SENDERS);
	UTEST_EXPECT_RETURN(mk_port_destroy(c->port), MK_SUCCESS);
}

/* Child side: sends data (and, unless MK_PORT_NULL, a right made or
 * copied per disposition) to the bootstrap port. */
static inline int64_t child_report(uint64_t data, mk_port_name_t carry, unsigned disposition)
{
	mk_port_name_t bootstrap = MK_PORT_NULL;
	int64_t r = mk_task_bootstrap_port(&bootstrap);

	if (r != MK_SUCCESS)
		return r;
	struct test_msg m = test_msg_make(bootstrap, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0,
					  carry, disposition, data);
	r = test_send(&m, 0, 0);
	mk_port_deallocate(bootstrap);
	return r;
}

#endif
