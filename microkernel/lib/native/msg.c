/*
 * msg.c: the native runtime's message helpers: the common shapes of the
 * msg trap (send, receive, call) with "timeout_ms 0 waits as long as it
 * takes", and a receive right made in one step.
 */
#include "lib/native/native.h"

static uint32_t timed(uint64_t timeout_ms, uint32_t option)
{
	return timeout_ms ? option : 0;
}

int64_t native_msg_send(void *msg, uint64_t timeout_ms)
{
	struct mk_msg_header *h = msg;

	return mk_msg(msg, MK_MSG_OPTION_SEND | timed(timeout_ms, MK_MSG_OPTION_SEND_TIMEOUT),
		      h->size, 0, MK_PORT_NULL, timeout_ms);
}

int64_t native_msg_receive(void *buffer, uint32_t size, mk_port_name_t from, uint64_t timeout_ms)
{
	return mk_msg(buffer, MK_MSG_OPTION_RECEIVE | timed(timeout_ms, MK_MSG_OPTION_RCV_TIMEOUT),
		      0, size, from, timeout_ms);
}

int64_t native_msg_call(void *msg, uint32_t rcv_size, mk_port_name_t reply, uint64_t timeout_ms)
{
	struct mk_msg_header *h = msg;

	return mk_msg(msg, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE |
			   timed(timeout_ms, MK_MSG_OPTION_SEND_TIMEOUT | MK_MSG_OPTION_RCV_TIMEOUT),
		      h->size, rcv_size, reply, timeout_ms);
}

int64_t native_port_receive_right(mk_port_name_t *name)
{
	*name = MK_PORT_NULL;
	return mk_port_allocate(MK_RIGHT_RECEIVE, name);
}
