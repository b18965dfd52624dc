/*
 * rpc_client.c: the emulator's half of ux/rpc.h: copies a call's input
 * buffers out of the app into one request, makes the call (one trap:
 * send to the process's server port, receive the reply on the thread's
 * reply port) and copies the output buffer back. Reads and writes bigger
 * than one message are repeated chunk by chunk (UX_REPEAT). The emulator's
 * own handlers may also send a request built in its own memory.
 */
#include "emulator/header.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "rpc_client.h"
#include "uaccess.h"
#include "ux/ioctl.h"

struct server_row {
	struct ux_call_marshal m;
	uint8_t defined;
};

#define SERVER_ROW(name, in0, in1, out, rep) \
	[LINUX_SYS_##name] = { { { in0, in1 }, out, rep }, 1 },
static const struct server_row server_rows[] = { UX_SERVER_CALLS(SERVER_ROW) };
#undef SERVER_ROW
#define SERVER_ROWS (sizeof(server_rows) / sizeof(server_rows[0]))

static mk_port_name_t server_port;      /* the task's bootstrap port */

void emu_rpc_forget_ports(void)
{
	server_port = MK_PORT_NULL;
}

bool emu_rpc_known(uint64_t number)
{
	return number < SERVER_ROWS && server_rows[number].defined;
}

static long connect(struct emu_thread *t)
{
	if (server_port == MK_PORT_NULL &&
	    (mk_task_bootstrap_port(&server_port) != MK_SUCCESS || server_port == MK_PORT_NULL))
		return -LINUX_ENOSYS;
	if (t->reply_port == MK_PORT_NULL &&
	    mk_port_allocate(MK_RIGHT_RECEIVE, &t->reply_port) != MK_SUCCESS)
		return -LINUX_EAGAIN;
	return 0;
}

/* Bytes one marshal moves for these arguments (ioctl: in or out side). */
static long marshal_size(const struct ux_marshal *m, const uint64_t arg[6], bool output)
{
	switch (m->kind) {
	case UX_M_BUF: {
		uint64_t count = arg[m->len];
		if (count > UX_DATA_MAX / m->size)
			return UX_DATA_MAX - UX_DATA_MAX % m->size;
		return (long)(count * m->size);
	}
	case UX_M_FIXED:
		return arg[m->ptr] ? m->size : 0;
	case UX_M_IOCTL: {
		uint32_t in, out;
		if (!ux_ioctl_sizes((uint32_t)arg[1], &in, &out))
			return 0;
		return arg[m->ptr] ? (output ? out : in) : 0;
	}
	default:
		return 0;
	}
}

/* Appends the NULL-terminated vector at vec to *at (room bytes left):
 * its string count, or -EFAULT / -E2BIG. */
static long copy_vector(uint64_t vec, char **at, uint32_t *room)
{
	long count = 0;

	for (; vec; vec += 8, count++) {
		uint64_t str;
		long r = emu_copy_from_user(&str, vec, sizeof(str));
		if (r < 0)
			return r;
		if (!str)
			return count;
		r = emu_copy_path_from_user(*at, str, *room);
		if (r == -LINUX_ENAMETOOLONG)
			return -LINUX_E2BIG;
		if (r < 0)
			return r;
		*at += r;
		*room -= (uint32_t)r;
	}
	return count;
}

/* UX_M_ARGV into room bytes at to: the block's length or -errno. */
static long copy_argv(uint8_t *to, uint32_t room, uint64_t argv, uint64_t envp)
{
	struct ux_argv_block *b = (struct ux_argv_block *)to;
	char *at = b->strings;

	if (room < sizeof(*b))
		return -LINUX_E2BIG;
	room -= sizeof(*b);
	long argc = copy_vector(argv, &at, &room);
	if (argc < 0)
		return argc;
	long envc = copy_vector(envp, &at, &room);
	if (envc < 0)
		return envc;
	b->argc = (uint32_t)argc;
	b->envc = (uint32_t)envc;
	return at - (char *)to;
}

/* A fixed output is read and written back unchanged before the call, so
 * that a call with effects (pipe making descriptors) never runs when its
 * answer could not be delivered: Linux checks such pointers as it goes. */
static long probe_output(const struct ux_marshal *out, const uint64_t arg[6])
{
	uint8_t bytes[UX_SIZEOF_STATX];

	if (out->kind != UX_M_FIXED || !arg[out->ptr] || out->size > sizeof(bytes))
		return 0;
	long r = emu_copy_from_user(bytes, arg[out->ptr], out->size);
	return r < 0 ? r : emu_copy_to_user(arg[out->ptr], bytes, out->size);
}

/* Sends t->msg.request (id, size bytes) and receives the reply; true when
 * it is the server's answer to it, with its whole output (at most
 * out_cap bytes). The reply port may take the answer in t->msg. */
static bool round_trip(struct emu_thread *t, uint32_t id, uint32_t size, uint32_t out_cap)
{
	struct ux_request *rq = &t->msg.request;
	struct ux_reply *rp = &t->msg.reply;

	rq->header = (struct mk_msg_header){
		.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, MK_MSG_TYPE_MAKE_SEND_ONCE),
		.size = size,
		.remote_port = server_port,
		.local_port = t->reply_port,
		.id = id,
	};
	return mk_msg(rq, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE, size, sizeof(t->msg),
		      t->reply_port, 0) == MK_SUCCESS &&
	       rp->header.id == (int32_t)(id + UX_REPLY_ID_OFFSET) && rp->header.size >= UX_REPLY_HEAD &&
	       rp->out_len <= out_cap && rp->header.size >= UX_REPLY_HEAD + rp->out_len;
}

/* Sends the request whose inputs (used bytes) are in place and receives
 * the reply: its result, with its output in t->msg.reply. */
static long exchange(struct emu_thread *t, uint32_t number, const uint64_t arg[6],
		     uint32_t used, uint32_t out_cap, uint32_t flags)
{
	struct ux_request *rq = &t->msg.request;
	struct ux_reply *rp = &t->msg.reply;

	rq->out_cap = out_cap;
	rq->flags = flags;
	rq->number = number;
	memcpy(rq->arg, arg, sizeof(rq->arg));
	if (!round_trip(t, UX_MSG_SYSCALL, UX_REQUEST_HEAD + used, out_cap))
		return -LINUX_EIO;      /* no server, or not its answer */
	if (rp->result < 0)
		rp->out_len = 0;
	t->signal_ready |= rp->flags & UX_REPLY_SIGNAL;
	return rp->result;
}

long emu_rpc_signal_take(struct emu_thread *t, struct ux_signal *out)
{
	struct ux_request *rq = &t->msg.request;
	struct ux_reply *rp = &t->msg.reply;
	long r = connect(t);

	if (r < 0)
		return r;
	memset(rq, 0, UX_REQUEST_HEAD);
	if (!round_trip(t, UX_MSG_SIGNAL, UX_REQUEST_HEAD, sizeof(*out)))
		return -LINUX_EIO;
	if (rp->result != 1 || rp->out_len != sizeof(*out))
		return 0;
	memcpy(out, rp->data, sizeof(*out));
	t->signal_ready = rp->flags & UX_REPLY_SIGNAL;
	return 1;
}

/* One request and its reply; arg may differ from the app's (chunks). */
static long call_once(struct emu_thread *t, uint32_t number, const struct ux_call_marshal *m,
		      const uint64_t arg[6], uint32_t flags)
{
	struct ux_request *rq = &t->msg.request;
	uint32_t used = 0;

	for (int i = 0; i < 2; i++) {
		const struct ux_marshal *in = &m->in[i];
		long len;

		if (in->kind == UX_M_PATH_OR_NULL && !arg[in->ptr]) {
			len = 0;
		} else if (in->kind == UX_M_PATH || in->kind == UX_M_PATH_OR_NULL) {
			len = emu_copy_path_from_user((char *)rq->data + used, arg[in->ptr],
						      UX_PATH_MAX);
		} else if (in->kind == UX_M_ARGV) {
			len = copy_argv(rq->data + used, UX_DATA_MAX - used, arg[in->ptr],
					arg[in->len]);
		} else {
			len = marshal_size(in, arg, false);
			if (len > (long)(UX_DATA_MAX - used))
				len = UX_DATA_MAX - used;
			long r = emu_copy_from_user(rq->data + used, arg[in->ptr], len);
			if (r < 0)
				len = r;
		}
		if (len < 0)
			return len;
		rq->in_len[i] = (uint32_t)len;
		used += (uint32_t)len;
	}
	long out_cap = marshal_size(&m->out, arg, true);
	long probed = probe_output(&m->out, arg);
	if (probed < 0)
		return probed;
	long r = exchange(t, number, arg, used, (uint32_t)out_cap, flags);
	struct ux_reply *rp = &t->msg.reply;
	if (r >= 0 && rp->out_len) {
		long c = emu_copy_to_user(arg[m->out.ptr], rp->data, rp->out_len);
		if (c < 0)
			return c;
	}
	return r;
}

/*
 * UX_REPEAT: the one BUF argument (input or output) in chunks. A read's
 * later chunks (and all of them when it continues an earlier read) must
 * not wait: Linux's one read returns what there is once it has some.
 * A write's may: Linux's blocking write to a pipe waits until all of it
 * is written.
 */
static long call_repeated(struct emu_thread *t, uint32_t number, const struct ux_call_marshal *m,
			  const uint64_t app_arg[6], bool continued)
{
	bool is_read = m->out.kind == UX_M_BUF;
	const struct ux_marshal *buf = is_read ? &m->out : &m->in[0];
	uint64_t arg[6], total = 0, want = app_arg[buf->len];

	memcpy(arg, app_arg, sizeof(arg));
	for (;;) {
		uint64_t chunk = want - total > UX_DATA_MAX ? UX_DATA_MAX : want - total;
		arg[buf->ptr] = app_arg[buf->ptr] + total;
		arg[buf->len] = chunk;
		if (m->repeat >= UX_REPEAT_AT(0))
			arg[m->repeat - UX_REPEAT_AT(0)] = app_arg[m->repeat - UX_REPEAT_AT(0)] + total;
		bool more = is_read && (continued || total);
		long r = call_once(t, number, m, arg, more ? UX_RQ_CONTINUATION : 0);
		if (r < 0)
			return total ? (long)total : r;
		total += (uint64_t)r;
		if ((uint64_t)r < chunk || total >= want)
			return (long)total;
	}
}

static long rpc_call(struct emu_thread *t, uint32_t number, const uint64_t arg[6],
		     bool continued)
{
	const struct ux_call_marshal *m = &server_rows[number].m;
	long r = connect(t);

	if (r < 0)
		return r;
	if (m->repeat != UX_ONCE && arg[m->out.kind == UX_M_BUF ? m->out.len : m->in[0].len] >
	    UX_DATA_MAX)
		return call_repeated(t, number, m, arg, continued);
	return call_once(t, number, m, arg, continued ? UX_RQ_CONTINUATION : 0);
}

long emu_rpc_syscall(struct emu_thread *t, uint32_t number, const uint64_t arg[6])
{
	return rpc_call(t, number, arg, false);
}

long emu_rpc_syscall_in_place(struct emu_thread *t, uint32_t number, const uint64_t arg[6],
			      uint32_t in_len, uint32_t out_cap)
{
	struct ux_request *rq = &t->msg.request;
	long r = connect(t);

	if (r < 0)
		return r;
	if (in_len > UX_DATA_MAX || out_cap > UX_DATA_MAX)
		return -LINUX_ENOMEM;
	rq->in_len[0] = in_len;
	rq->in_len[1] = 0;
	return exchange(t, number, arg, in_len, out_cap, 0);
}

long emu_rpc_read_more(struct emu_thread *t, uint32_t number, const uint64_t arg[6])
{
	return rpc_call(t, number, arg, true);
}

void emu_rpc_log(struct emu_thread *t, const char *text, uint32_t len)
{
	struct ux_request *rq = &t->msg.request;

	if (connect(t) < 0)
		return;
	if (len > UX_DATA_MAX)
		len = UX_DATA_MAX;
	memcpy(rq->data, text, len);
	rq->in_len[0] = len;
	rq->in_len[1] = 0;
	rq->out_cap = 0;
	rq->flags = 0;
	rq->number = 0;
	rq->header = (struct mk_msg_header){
		.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0),
		.size = UX_REQUEST_HEAD + len,
		.remote_port = server_port,
		.id = UX_MSG_LOG,
	};
	mk_msg(rq, MK_MSG_OPTION_SEND, rq->header.size, 0, MK_PORT_NULL, 0);
}
