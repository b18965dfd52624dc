/*
 * serve.c: the workers (serve.h). Each owns two message buffers: the
 * request it is handling and the reply it builds; the reply goes out in
 * the same trap that receives the next request (send + receive), and the
 * buffers swap. Everything is handled under server.lock, released before
 * that trap. A message the server does not understand has its rights
 * and memory released and, when it came with a reply right, gets an
 * error reply: a client cannot make a worker crash, leak or wait.
 */
#include "calls/call.h"
#include "linux_syscalls.h"
#include "ux/ioctl.h"
#include "vfs/vfs.h"

#include "console.h"
#include "exception.h"
#include "process.h"
#include "serve.h"
#include "itimer.h"
#include "signal.h"
#include "server.h"

union message {
	struct mk_msg_header header;
	struct ux_request request;
	struct ux_reply reply;
	struct mk_exception_msg exception;
	struct mk_interrupt_msg interrupt;
	uint8_t bytes[MK_MSG_SIZE_MAX];
};

struct parked_call {
	struct parked_call *next;
	uint64_t since_ns;              /* when it first came */
	bool timed;                     /* retried as time passes, too */
	union message message;          /* the request as it came */
};

static struct parked_call *parked;      /* oldest first; under server.lock */
static uint32_t timed_parked;           /* how many are timed; read without the lock */

/* Releases the descriptors a complex message carried. */
static void drop_descriptors(union message *m)
{
	if (!(m->header.bits & MK_MSGH_COMPLEX) ||
	    m->header.size < sizeof(struct mk_msg_header) + sizeof(struct mk_msg_body))
		return;
	const struct mk_msg_body *body = (const void *)(m->bytes + sizeof(m->header));
	const struct mk_msg_descriptor *d = (const void *)(body + 1);
	uint64_t room = (m->header.size - sizeof(m->header) - sizeof(*body)) / sizeof(*d);
	for (uint64_t i = 0; i < body->descriptor_count && i < room; i++) {
		if (d[i].type == MK_MSG_PORT_DESCRIPTOR && d[i].value != MK_PORT_NULL)
			mk_port_deallocate(d[i].value);
		else if (d[i].type == MK_MSG_OOL_DESCRIPTOR && d[i].value)
			mk_vm_deallocate(MK_PORT_NULL, d[i].address, d[i].value);
	}
}

/* Builds the reply to a request in out; false when there is none to send. */
static bool reply_with(union message *out, const union message *in, int64_t result,
		       uint32_t out_len)
{
	if (in->header.remote_port == MK_PORT_NULL)
		return false;
	out->reply.header = (struct mk_msg_header){
		.bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0),
		.size = UX_REPLY_HEAD + out_len,
		.remote_port = in->header.remote_port,
		.id = in->header.id + UX_REPLY_ID_OFFSET,
	};
	out->reply.result = result;
	out->reply.out_len = out_len;
	out->reply.flags = 0;
	return true;
}

/* The inputs as the row says they must be; 0 or -errno. */
static int64_t check_inputs(const struct ux_request *rq, const struct ux_call_marshal *row,
			    struct ux_call *c)
{
	uint32_t offset = 0;

	for (int i = 0; i < 2; i++) {
		const struct ux_marshal *m = &row->in[i];
		uint32_t len = rq->in_len[i];
		const uint8_t *data = rq->data + offset;
		uint32_t in_size, out_size;

		switch (m->kind) {
		case UX_M_NONE:
			if (len)
				return -UX_EINVAL;
			break;
		case UX_M_PATH_OR_NULL:
			if (len == 0)
				break;
			/* fall through */
		case UX_M_PATH:
			if (len == 0 || len > UX_PATH_MAX || data[len - 1] != 0)
				return -UX_EFAULT;
			break;
		case UX_M_FIXED:
			if (len && len != m->size)
				return -UX_EINVAL;
			break;
		case UX_M_BUF:
			if (len % m->size || len / m->size > rq->arg[m->len])
				return -UX_EINVAL;
			break;
		case UX_M_ARGV:         /* its handler reads the block */
			break;
		case UX_M_IOCTL:
			ux_ioctl_sizes((uint32_t)rq->arg[1], &in_size, &out_size);
			if (len && len != in_size)
				return -UX_EINVAL;
			break;
		}
		c->in[i] = len || m->kind == UX_M_BUF ? data : NULL;
		c->in_len[i] = len;
		offset += len;
	}
	return 0;
}

/* What a parked call ends with when a handler is to run: poll and the
 * waits for a signal never restart (Linux's ERESTARTNOHAND), the others
 * do if the handler asks (ERESTARTSYS). A vfork parent keeps waiting. */
static int64_t interrupted_result(uint64_t number)
{
	switch (number) {
	case LINUX_SYS_poll:
	case LINUX_SYS_rt_sigsuspend:
	case LINUX_SYS_pause:
		return -UX_EINTR;
	case LINUX_SYS_vfork:
		return -UX_EPARK;
	default:
		return -UX_ERESTARTSYS;
	}
}

/* A call that was to wait and cannot (no memory to park it) leaves no
 * waiting state behind. */
static void undo_wait(struct process *p, uint64_t number)
{
	if (number == LINUX_SYS_rt_sigsuspend && p->in_sigsuspend) {
		p->sigmask = p->saved_mask;
		p->in_sigsuspend = false;
	} else if (number == LINUX_SYS_vfork) {
		p->vfork_child = 0;     /* the child runs on; the parent just returns */
	}
}

static bool handle_syscall(union message *in, union message *out, uint64_t since_ns)
{
	const struct ux_request *rq = &in->request;
	const struct ux_call_marshal *row;
	struct ux_call c = { .arg = rq->arg, .out = out->reply.data, .since_ns = since_ns };
	int64_t result;

	if (in->header.size < UX_REQUEST_HEAD || (in->header.bits & MK_MSGH_COMPLEX) ||
	    (uint64_t)rq->in_len[0] + rq->in_len[1] > in->header.size - UX_REQUEST_HEAD ||
	    rq->out_cap > UX_DATA_MAX) {
		drop_descriptors(in);
		return reply_with(out, in, -UX_EINVAL, 0);
	}
	c.proc = process_by_port(in->header.local_port);
	ux_handler h = call_handler(rq->number, &row);
	if (!c.proc || c.proc->state != PROCESS_RUNNING)
		result = -UX_ESRCH;
	else if (!h)
		result = -UX_ENOSYS;
	else if ((result = check_inputs(rq, row, &c)) == 0) {
		c.out_cap = rq->out_cap;
		result = h(&c);
	}
	if (result == -UX_EPARK && (rq->flags & UX_RQ_CONTINUATION))
		result = 0;
	if (result == -UX_EPARK && c.proc->state != PROCESS_RUNNING)
		result = -UX_ESRCH;     /* it ended meanwhile (sigsuspend's check) */
	if (result == -UX_EPARK && signal_handler_ready(c.proc))
		result = interrupted_result(rq->number);
	if (result == -UX_EPIPE && rq->number == LINUX_SYS_write) {
		struct signal_info info = { .code = SIGNAL_SI_USER };   /* as Linux's send_sig */
		signal_send(c.proc, UX_SIGPIPE, &info);
	}
	if (result == -UX_EPARK) {
		struct parked_call *pc = native_malloc(sizeof(*pc));
		if (pc) {
			memcpy(&pc->message, in, in->header.size);
			pc->next = NULL;
			pc->since_ns = since_ns;
			pc->timed = c.timed;
			timed_parked += c.timed;
			struct parked_call **tail = &parked;
			while (*tail)
				tail = &(*tail)->next;
			*tail = pc;
			return false;
		}
		result = -UX_ENOMEM;
		undo_wait(c.proc, rq->number);
	}
	if (c.no_reply) {
		if (in->header.remote_port != MK_PORT_NULL)
			mk_port_deallocate(in->header.remote_port);
		return false;
	}
	if (result < 0 || c.out_len > c.out_cap)
		c.out_len = 0;
	bool have_reply = reply_with(out, in, result, c.out_len);
	if (c.proc && c.proc->state == PROCESS_RUNNING && signal_handler_ready(c.proc))
		out->reply.flags = UX_REPLY_SIGNAL;
	return have_reply;
}

/* The emulator asks for the handled signal its last reply announced. */
static bool handle_signal_take(union message *in, union message *out)
{
	struct process *p = process_by_port(in->header.local_port);
	struct ux_signal s;
	bool taken = false;

	if (in->header.bits & MK_MSGH_COMPLEX)
		drop_descriptors(in);   /* a real request carries none */
	else if (p && p->state == PROCESS_RUNNING)
		taken = signal_take(p, &s);

	if (!reply_with(out, in, taken, taken ? sizeof(s) : 0))
		return false;
	if (taken) {
		memcpy(out->reply.data, &s, sizeof(s));
		if (signal_handler_ready(p))
			out->reply.flags = UX_REPLY_SIGNAL;     /* another one after it */
	}
	return true;
}

static void handle_log(union message *in)
{
	const struct ux_request *rq = &in->request;
	struct process *p = process_by_port(in->header.local_port);
	uint32_t len = rq->in_len[0];

	if (!p || in->header.size < UX_REQUEST_HEAD || len > in->header.size - UX_REQUEST_HEAD)
		return;
	ux_log("pid %d (%s): %.*s\n", p->pid, p->comm, (int)len, (const char *)rq->data);
}

/* Handles one message; true when out holds a reply to send. */
static bool handle_message(union message *in, union message *out)
{
	switch (in->header.id) {
	case UX_MSG_SYSCALL:
		return handle_syscall(in, out, ux_now_ns());
	case UX_MSG_LOG:
		handle_log(in);
		break;
	case UX_MSG_SIGNAL:
		return handle_signal_take(in, out);
	case MK_EXCEPTION_RAISE_ID:
		exception_handle(&in->exception, in->header.size);
		return false;   /* it answers (or drops) the reply right itself */
	case MK_INTERRUPT_NOTIFY:
		console_interrupt(&in->interrupt);
		break;
	default:
		drop_descriptors(in);
		return reply_with(out, in, -UX_ENOSYS, 0);
	}
	if (in->header.remote_port != MK_PORT_NULL)
		mk_port_deallocate(in->header.remote_port);
	return false;
}

/*
 * After a pipe or device changed (vfs_wake: pipe traffic, terminal input
 * or a mode change), parked calls may finish, and finishing ones change
 * pipes again: retry until a round moved nothing.
 * It ends: a call that parks again has changed nothing, so every round
 * that sets the flag finished at least one parked call. Called only
 * from the loops below, never from inside a handler (serve_retry_parked
 * runs handlers itself).
 */
static void serve_retry_parked(void);

static void retry_while_woken(void)
{
	while (vfs_take_wakeup(&server.vfs))
		serve_retry_parked();
}

static bool handle(union message *in, union message *out)
{
	bool have_reply = handle_message(in, out);

	retry_while_woken();
	return have_reply;
}

/* Tries every parked call again; under server.lock. */
static void serve_retry_parked(void)
{
	static union message reply;             /* under server.lock */
	struct parked_call *list = parked;

	/* Each call is handled afresh; one that must still wait parks a
	 * new copy of itself, in the same order. */
	parked = NULL;
	timed_parked = 0;
	while (list) {
		struct parked_call *pc = list;
		list = pc->next;
		if (handle_syscall(&pc->message, &reply, pc->since_ns) &&
		    mk_msg(&reply, MK_MSG_OPTION_SEND, reply.header.size, 0, MK_PORT_NULL, 0) !=
			    MK_SUCCESS)
			mk_port_deallocate(reply.header.remote_port);   /* its caller is gone */
		native_free(pc);
	}
}

void serve_drop_parked(mk_port_name_t port)
{
	struct parked_call **link = &parked;

	while (*link) {
		struct parked_call *pc = *link;
		if (pc->message.header.local_port != port) {
			link = &pc->next;
			continue;
		}
		*link = pc->next;
		timed_parked -= pc->timed;
		if (pc->message.header.remote_port != MK_PORT_NULL)
			mk_port_deallocate(pc->message.header.remote_port);
		native_free(pc);
	}
}

void serve_timer(uint64_t unused)
{
	(void)unused;
	for (;;) {
		native_sleep_ms(10);
		bool alarms = itimer_any_armed();
		if (!__atomic_load_n(&timed_parked, __ATOMIC_RELAXED) && !alarms)
			continue;
		native_lock(&server.lock);
		if (alarms)
			itimer_fire(ux_now_ns());
		serve_retry_parked();
		retry_while_woken();
		native_unlock(&server.lock);
	}
}

void serve_worker(uint64_t unused)
{
	union message *in = native_malloc(sizeof(*in)), *out = native_malloc(sizeof(*out));
	bool have_reply = false;

	(void)unused;
	if (!in || !out) {
		ux_log("worker: no memory for its buffers\n");
		return;
	}
	for (;;) {
		uint32_t options = MK_MSG_OPTION_RECEIVE;
		uint32_t send_size = 0;
		if (have_reply) {
			options |= MK_MSG_OPTION_SEND;
			send_size = out->header.size;
		}
		int64_t r = mk_msg(out, options, send_size, sizeof(*out), server.port_set, 0);
		if (r != MK_SUCCESS && have_reply) {
			/* The reply could not go (the client's reply right is dead,
			 * or was no send-once right): a failed send leaves the
			 * right with us, so drop it, then receive alone. */
			if (r == MK_DEAD_NAME || r == MK_INVALID_RIGHT || r == MK_INVALID_NAME ||
			    r == MK_MSG_INVALID_HEADER)
				mk_port_deallocate(out->header.remote_port);
			have_reply = false;
			continue;
		}
		have_reply = false;
		if (r != MK_SUCCESS)
			continue;
		union message *t = in;
		in = out;
		out = t;
		native_lock(&server.lock);
		have_reply = handle(in, out);
		native_unlock(&server.lock);
	}
}
