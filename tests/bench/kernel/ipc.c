/*
 * ipc.c: the cost of messages between two tasks, of creating and ending a
 * task, and of a copy-on-write fault. The server is a forked copy of this
 * task (native_task_spawn) that answers every request on its port.
 */
#include "bench.h"
#include "mk/vm.h"

#define CALLS 2000
#define ONE_WAY 4000
#define TASKS 20
#define COW_PAGES 64

struct bench_msg {
	struct mk_msg_header header;
	uint64_t data;
};

static mk_port_name_t service = MK_PORT_NULL;   /* the server's port, here */

/* Answers each message on port that carries a reply right and drops the
 * others, until a receive fails. */
static void serve(mk_port_name_t port)
{
	struct bench_msg m = { 0 };
	int64_t r = mk_msg(&m, MK_MSG_OPTION_RECEIVE, 0, sizeof(m), port, 0);
	while (r == MK_SUCCESS) {
		if (m.header.remote_port == MK_PORT_NULL) {
			r = mk_msg(&m, MK_MSG_OPTION_RECEIVE, 0, sizeof(m), port, 0);
			continue;
		}
		m.header.bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0);
		m.header.local_port = MK_PORT_NULL;
		r = mk_msg(&m, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE, sizeof(m), sizeof(m),
			   port, 0);
	}
}

/* The server: reports its port on the bootstrap port, then answers each
 * message that carries a reply right and drops the others. */
static void server(uint64_t unused)
{
	mk_port_name_t bootstrap = MK_PORT_NULL, port = MK_PORT_NULL;

	(void)unused;
	if (mk_task_bootstrap_port(&bootstrap) != MK_SUCCESS ||
	    mk_port_allocate(MK_RIGHT_RECEIVE, &port) != MK_SUCCESS ||
	    mk_port_set_qlimit(port, 1024) != MK_SUCCESS)
		return;
	/* The port's name travels in the data: the client makes its own send
	 * right below through a message carrying MAKE_SEND. */
	struct {
		struct mk_msg_header header;
		struct mk_msg_body body;
		struct mk_msg_descriptor port;
	} hello = { { MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0) | MK_MSGH_COMPLEX, sizeof(hello),
		      bootstrap, 0, 0, 1 },
		    { 1, 0 },
		    { 0, port, MK_MSG_TYPE_MAKE_SEND, { 0, 0 }, MK_MSG_PORT_DESCRIPTOR } };
	if (mk_msg(&hello, MK_MSG_OPTION_SEND, sizeof(hello), 0, 0, 0) != MK_SUCCESS)
		return;
	serve(port);
}

static void start_server(void)
{
	mk_port_name_t bootstrap = MK_PORT_NULL, task = MK_PORT_NULL;
	struct {
		struct mk_msg_header header;
		struct mk_msg_body body;
		struct mk_msg_descriptor port;
	} hello;
	int64_t r;

	if ((r = mk_port_allocate(MK_RIGHT_RECEIVE, &bootstrap)) != MK_SUCCESS)
		bench_abort("port_allocate", r);
	if ((r = native_task_spawn(server, 0, bootstrap, &task)) != MK_SUCCESS)
		bench_abort("native_task_spawn", r);
	if ((r = mk_msg(&hello, MK_MSG_OPTION_RECEIVE, 0, sizeof(hello), bootstrap, 0)) != MK_SUCCESS)
		bench_abort("receive the server's port", r);
	service = hello.port.value;
}

static mk_port_name_t reply_port(void)
{
	static mk_port_name_t reply = MK_PORT_NULL;
	int64_t r;

	if (!reply && (r = mk_port_allocate(MK_RIGHT_RECEIVE, &reply)) != MK_SUCCESS)
		bench_abort("port_allocate", r);
	return reply;
}

static void serve_thread(uint64_t port)
{
	serve((mk_port_name_t)port);
}

/* A server thread in this task: the same call without switching address
 * spaces, which separates the IPC path's own cost from the TLB refills a
 * CR3 reload costs (under TCG a reload flushes QEMU's whole soft TLB). */
static mk_port_name_t same_task_service(void)
{
	static mk_port_name_t port = MK_PORT_NULL;
	int64_t r;

	if (port)
		return port;
	if ((r = native_port_receive_right(&port)) != MK_SUCCESS ||
	    (r = native_thread_spawn(serve_thread, port, 0, NULL)) != MK_SUCCESS)
		bench_abort("same-task server setup", r);
	return port;
}

/* disposition: how each call names `to` (COPY_SEND, or MAKE_SEND when this
 * task holds its receive right). */
static uint64_t calls_to(mk_port_name_t to, unsigned disposition)
{
	mk_port_name_t reply = reply_port();
	struct bench_msg m;
	uint64_t start = bench_cycles();

	for (int i = 0; i < CALLS; i++) {
		m.header = (struct mk_msg_header){
			MK_MSGH_BITS(disposition, MK_MSG_TYPE_MAKE_SEND_ONCE), sizeof(m),
			to, reply, 0, 1 };
		m.data = i;
		int64_t r = mk_msg(&m, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE, sizeof(m),
				   sizeof(m), reply, 0);
		if (r != MK_SUCCESS)
			bench_abort("call", r);
	}
	return (bench_cycles() - start) / CALLS;
}

BENCH(ipc_call_reply)
{
	if (!service)
		start_server();
	return calls_to(service, MK_MSG_TYPE_COPY_SEND);
}

BENCH(ipc_call_reply_same_task)
{
	return calls_to(same_task_service(), MK_MSG_TYPE_MAKE_SEND);
}

BENCH(ipc_one_way)
{
	if (!service)
		start_server();
	struct bench_msg m;
	uint64_t start = bench_cycles();

	for (int i = 0; i < ONE_WAY; i++) {
		m.header = (struct mk_msg_header){ MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0), sizeof(m),
						   service, MK_PORT_NULL, 0, 2 };
		int64_t r = mk_msg(&m, MK_MSG_OPTION_SEND, sizeof(m), 0, 0, 0);
		if (r != MK_SUCCESS)
			bench_abort("send", r);
	}
	return (bench_cycles() - start) / ONE_WAY;
}

BENCH(task_create_terminate)
{
	uint64_t start = bench_cycles();

	for (int i = 0; i < TASKS; i++) {
		mk_port_name_t task;
		int64_t r = mk_task_create(0, MK_PORT_NULL, &task);
		if (r == MK_SUCCESS)
			r = mk_task_terminate(task);
		if (r == MK_SUCCESS)
			r = mk_port_deallocate(task);
		if (r != MK_SUCCESS)
			bench_abort("task_create/terminate", r);
	}
	return (bench_cycles() - start) / TASKS;
}

static volatile char cow_area[COW_PAGES * MK_PAGE_SIZE] __attribute__((aligned(4096)));

static void touch_nothing(uint64_t unused)
{
	(void)unused;
}

BENCH(cow_fault)
{
	mk_port_name_t task;

	for (int i = 0; i < COW_PAGES; i++)
		cow_area[i * MK_PAGE_SIZE] = 1;         /* resident before the copy */
	int64_t r = native_task_spawn(touch_nothing, 0, MK_PORT_NULL, &task);
	if (r != MK_SUCCESS)
		bench_abort("native_task_spawn", r);
	uint64_t start = bench_cycles();
	for (int i = 0; i < COW_PAGES; i++)
		cow_area[i * MK_PAGE_SIZE] = 2;         /* each write copies a page */
	uint64_t per_fault = (bench_cycles() - start) / COW_PAGES;
	mk_port_deallocate(task);
	return per_fault;
}
