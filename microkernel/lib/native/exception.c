/*
 * exception.c: the native runtime's side of exception messages
 * (mk/exception.h): receiving one and answering it.
 */
#include "lib/native/native.h"

int64_t native_exception_receive(mk_port_name_t port, struct mk_exception_msg *m,
				  uint64_t timeout_ms)
{
	int64_t r = native_msg_receive(m, sizeof(*m), port, timeout_ms);

	if (r == MK_SUCCESS && (m->header.id != MK_EXCEPTION_RAISE_ID || m->header.size != sizeof(*m)))
		return MK_MSG_INVALID_HEADER;
	return r;
}

int64_t native_exception_reply(const struct mk_exception_msg *m, uint32_t action,
			       const struct mk_thread_state *state)
{
	struct mk_exception_reply r = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0), .size = sizeof(r),
			    .remote_port = m->header.remote_port, .id = MK_EXCEPTION_REPLY_ID },
		.action = action,
		.flags = state ? MK_EXCEPTION_SET_STATE : 0,
	};

	if (state)
		r.state = *state;
	return native_msg_send(&r, 0);
}
