/*
 * ipc_util.h: small message helpers for the IPC tests: a message with one
 * optional port descriptor and a word of data, sent and received with the
 * msg trap.
 */
#ifndef MK_TESTS_IPC_UTIL_H
#define MK_TESTS_IPC_UTIL_H

#include "utest.h"

struct test_msg {
	struct mk_msg_header header;
	struct mk_msg_body body;
	struct mk_msg_descriptor port;
	uint64_t data;
};

/* A message to `dest` (disposition remote) with reply `reply` (local) and,
 * if carry != MK_PORT_NULL, a port descriptor. */
static inline struct test_msg test_msg_make(mk_port_name_t dest, unsigned remote,
					    mk_port_name_t reply, unsigned local,
					    mk_port_name_t carry, unsigned carry_disposition,
					    uint64_t data)
{
	struct test_msg m = { 0 };

	m.header.bits = MK_MSGH_BITS(remote, local) | MK_MSGH_COMPLEX;
	m.header.size = sizeof(m);
	m.header.remote_port = dest;
	m.header.local_port = reply;
	m.header.id = 1000;
	m.body.descriptor_count = carry != MK_PORT_NULL;
	m.port.value = carry;
	m.port.disposition = (uint8_t)(carry != MK_PORT_NULL ? carry_disposition : 0);
	m.port.type = MK_MSG_PORT_DESCRIPTOR;
	m.data = data;
	return m;
}

static inline int64_t test_send(struct test_msg *m, uint32_t options, uint64_t timeout_ms)
{
	return mk_msg(m, MK_MSG_OPTION_SEND | options, m->header.size, 0, MK_PORT_NULL,
		      timeout_ms);
}

static inline int64_t test_receive(void *buf, uint32_t size, mk_port_name_t from,
				   uint32_t options, uint64_t timeout_ms)
{
	return mk_msg(buf, MK_MSG_OPTION_RECEIVE | options, 0, size, from, timeout_ms);
}

/* A child task's hello: a new receive right *service, announced on the
 * task's bootstrap port as a send right made from it, with data.
 * MK_SUCCESS or the first failing trap's code. */
static inline int64_t test_announce(mk_port_name_t *service, uint64_t data)
{
	mk_port_name_t bootstrap = MK_PORT_NULL;
	int64_t r = mk_task_bootstrap_port(&bootstrap);

	if (r == MK_SUCCESS)
		r = mk_port_allocate(MK_RIGHT_RECEIVE, service);
	if (r != MK_SUCCESS)
		return r;
	struct test_msg m = test_msg_make(bootstrap, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0,
					  *service, MK_MSG_TYPE_MAKE_SEND, data);
	return test_send(&m, 0, 0);
}

/* A child task's report: data in a message to its bootstrap port. */
static inline int64_t test_report(uint64_t data)
{
	mk_port_name_t bootstrap = MK_PORT_NULL;
	int64_t r = mk_task_bootstrap_port(&bootstrap);

	if (r != MK_SUCCESS)
		return r;
	struct test_msg m = test_msg_make(bootstrap, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0,
					  MK_PORT_NULL, 0, data);
	return test_send(&m, 0, 0);
}

static inline mk_port_name_t test_new_port(void)
{
	mk_port_name_t name = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_RECEIVE, &name), MK_SUCCESS);
	return name;
}

static inline uint32_t test_type_of(mk_port_name_t name)
{
	uint32_t type = 0;

	UTEST_EXPECT_RETURN(mk_port_type(name, &type), MK_SUCCESS);
	return type;
}

#endif
