/*
 * hostile.c: see hostile.h. The task runs a copy of the server's image
 * (native_task_spawn), but shares nothing with it: it talks to the
 * server only through its bootstrap port, like a process's emulator.
 */
#include "hostile.h"
#include "linux_syscalls.h"
#include "server/process.h"
#include "server/server.h"
#include "ux/rpc.h"
#include "ux_errno.h"

#define ANSWER_MS 3000

static mk_port_name_t server_port, reply_port;
static union {
	struct mk_msg_header header;
	struct ux_request request;
	struct ux_reply reply;
	uint8_t bytes[MK_MSG_SIZE_MAX];
} msg;
static int failures;

static void check(const char *name, bool ok)
{
	mk_printf("hostile: %s %s\n", ok ? "PASS" : "FAIL", name);
	failures += !ok;
}

static void request(uint32_t number, uint32_t size)
{
	for (size_t i = 0; i < sizeof(msg); i++)
		msg.bytes[i] = 0;
	msg.request.number = number;
	msg.header = (struct mk_msg_header){
		.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, MK_MSG_TYPE_MAKE_SEND_ONCE),
		.size = size, .remote_port = server_port, .local_port = reply_port,
		.id = UX_MSG_SYSCALL,
	};
}

/* Sends msg as it stands and waits for the answer: its result, or 1
 * when no well-formed answer came. */
static int64_t exchange(void)
{
	int64_t r = mk_msg(&msg, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE |
			   MK_MSG_OPTION_RCV_TIMEOUT, msg.header.size, sizeof(msg), reply_port,
			   ANSWER_MS);
	if (r != MK_SUCCESS || msg.header.size < UX_REPLY_HEAD)
		return 1;
	return msg.reply.result;
}

static bool getpid_answers(void)
{
	request(LINUX_SYS_getpid, UX_REQUEST_HEAD);
	return exchange() > 0;
}

static void bad_sizes_and_ids(void)
{
	request(LINUX_SYS_getpid, sizeof(struct mk_msg_header));
	check("header_only_request_is_einval", exchange() == -UX_EINVAL);

	request(LINUX_SYS_getpid, UX_REQUEST_HEAD);
	msg.header.id = 12345;
	int64_t r = exchange();
	check("unknown_message_id_is_enosys",
	      r == -UX_ENOSYS && msg.header.id == 12345 + UX_REPLY_ID_OFFSET);

	request(100000, UX_REQUEST_HEAD);
	check("unknown_call_number_is_enosys", exchange() == -UX_ENOSYS);

	request(LINUX_SYS_write, UX_REQUEST_HEAD + 10);
	msg.request.in_len[0] = 5000;
	msg.request.arg[2] = 5000;
	check("input_longer_than_message_is_einval", exchange() == -UX_EINVAL);

	request(LINUX_SYS_read, UX_REQUEST_HEAD);
	msg.request.out_cap = UX_DATA_MAX + 1;
	check("output_room_beyond_limit_is_einval", exchange() == -UX_EINVAL);

	request(LINUX_SYS_openat, UX_REQUEST_HEAD + 4);
	msg.request.in_len[0] = 4;
	memcpy(msg.request.data, "abcd", 4);
	check("path_without_nul_is_efault", exchange() == -UX_EFAULT);

	request(LINUX_SYS_rt_sigaction, UX_REQUEST_HEAD + 10);
	msg.request.arg[0] = 2;
	msg.request.arg[3] = 8;
	msg.request.in_len[0] = 10;
	check("structure_of_wrong_size_is_einval", exchange() == -UX_EINVAL);

	request(LINUX_SYS_getpid, UX_REQUEST_HEAD + 8);
	msg.request.in_len[0] = 8;
	check("input_to_a_call_without_inputs_is_einval", exchange() == -UX_EINVAL);
}

/* A request (of id, answered with expect) carrying a send right and
 * out-of-line memory: refused, and the right released (its port hears
 * no-senders). */
static void rights_are_released(const char *name, uint32_t id, int64_t expect)
{
	mk_port_name_t port, notify;
	uint64_t page = 0;

	if (mk_port_allocate(MK_RIGHT_RECEIVE, &port) != MK_SUCCESS ||
	    mk_port_allocate(MK_RIGHT_RECEIVE, &notify) != MK_SUCCESS ||
	    mk_vm_allocate(MK_PORT_NULL, &page, 8192, MK_VM_FLAGS_ANYWHERE) != MK_SUCCESS) {
		check(name, false);
		return;
	}
	mk_port_request_notification(port, MK_NOTIFY_NO_SENDERS, notify,
				     MK_MSG_TYPE_MAKE_SEND_ONCE);
	request(LINUX_SYS_getpid, 0);
	msg.header.id = id;
	struct {
		struct mk_msg_header header;
		struct mk_msg_body body;
		struct mk_msg_descriptor d[2];
	} *m = (void *)&msg;
	m->header.bits |= MK_MSGH_COMPLEX;
	m->header.size = sizeof(*m);
	m->body.descriptor_count = 2;
	m->d[0] = (struct mk_msg_descriptor){ .value = port, .disposition = MK_MSG_TYPE_MAKE_SEND,
					      .type = MK_MSG_PORT_DESCRIPTOR };
	m->d[1] = (struct mk_msg_descriptor){ .address = page, .value = 8192,
					      .type = MK_MSG_OOL_DESCRIPTOR };
	int64_t r = exchange();
	struct { struct mk_msg_header header; uint8_t body[64]; } n;   /* the notification */
	bool notified = mk_msg(&n, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0,
			       sizeof(n), notify, ANSWER_MS) == MK_SUCCESS;
	check(name, r == expect && notified);
	mk_port_destroy(port);
	mk_port_destroy(notify);
	mk_vm_deallocate(MK_PORT_NULL, page, 8192);
}

/* The emulator's question for a ready signal, with none ready. */
static void signal_question_without_a_signal(void)
{
	request(0, UX_REQUEST_HEAD);
	msg.header.id = UX_MSG_SIGNAL;
	int64_t r = exchange();
	check("signal_question_without_a_signal_is_answered_0",
	      r == 0 && msg.header.id == UX_MSG_SIGNAL + UX_REPLY_ID_OFFSET &&
	      msg.reply.out_len == 0);
}

static void odd_reply_rights(void)
{
	request(LINUX_SYS_getpid, UX_REQUEST_HEAD);
	msg.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0);
	msg.header.local_port = MK_PORT_NULL;
	mk_msg(&msg, MK_MSG_OPTION_SEND, msg.header.size, 0, MK_PORT_NULL, 0);
	check("request_without_reply_port_leaves_server_serving", getpid_answers());

	/* A send right as the reply right: the reply cannot go, and the
	 * server must drop the right (its port hears no-senders). */
	mk_port_name_t odd = MK_PORT_NULL, notify = MK_PORT_NULL;
	struct mk_msg_header n;
	bool dropped = false;
	if (mk_port_allocate(MK_RIGHT_RECEIVE, &odd) == MK_SUCCESS &&
	    mk_port_allocate(MK_RIGHT_RECEIVE, &notify) == MK_SUCCESS &&
	    mk_port_request_notification(odd, MK_NOTIFY_NO_SENDERS, notify,
					 MK_MSG_TYPE_MAKE_SEND_ONCE) == MK_SUCCESS) {
		request(LINUX_SYS_getpid, UX_REQUEST_HEAD);
		msg.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, MK_MSG_TYPE_MAKE_SEND);
		msg.header.local_port = odd;
		mk_msg(&msg, MK_MSG_OPTION_SEND, msg.header.size, 0, MK_PORT_NULL, 0);
		dropped = mk_msg(&n, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0,
				 sizeof(n) + 64, notify, ANSWER_MS) == MK_SUCCESS;
	}
	mk_port_destroy(odd);
	mk_port_destroy(notify);
	check("send_right_as_reply_right_is_released", dropped);
	check("request_with_send_right_for_reply_leaves_server_serving", getpid_answers());

	for (int i = 0; i < 500; i++) {
		request(LINUX_SYS_getpid, 3);
		msg.header.local_port = MK_PORT_NULL;
		msg.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0);
		mk_msg(&msg, MK_MSG_OPTION_SEND, sizeof(struct mk_msg_header), 0, MK_PORT_NULL, 0);
	}
	check("flood_of_malformed_requests_leaves_server_serving", getpid_answers());
}

static void hostile_main(uint64_t unused)
{
	(void)unused;
	if (mk_task_bootstrap_port(&server_port) != MK_SUCCESS ||
	    mk_port_allocate(MK_RIGHT_RECEIVE, &reply_port) != MK_SUCCESS) {
		mk_printf("hostile: FAIL setup\n");
		return;
	}
	bad_sizes_and_ids();
	rights_are_released("complex_request_is_refused_and_its_rights_released",
			    UX_MSG_SYSCALL, -UX_EINVAL);
	rights_are_released("complex_signal_question_has_its_rights_released",
			    UX_MSG_SIGNAL, 0);
	signal_question_without_a_signal();
	odd_reply_rights();
	check("good_request_after_all_is_answered", getpid_answers());
	mk_printf("hostile: %d failed\n", failures);
	request(LINUX_SYS_exit_group, UX_REQUEST_HEAD);
	msg.request.arg[0] = (uint64_t)failures;
	msg.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0);
	msg.header.local_port = MK_PORT_NULL;
	mk_msg(&msg, MK_MSG_OPTION_SEND, msg.header.size, 0, MK_PORT_NULL, 0);
}

int hostile_start(struct process *p)
{
	mk_port_name_t task;

	memcpy(p->comm, "hostile", 8);
	if (native_task_spawn(hostile_main, 0, p->port, &task) != MK_SUCCESS)
		return -UX_ENOMEM;
	p->task = task;
	return 0;
}
