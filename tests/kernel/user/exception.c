/*
 * exception.c: native tests of exceptions as messages: each kind of fault
 * reaches the handler with the right kind, vector, address and registers
 * and resumes as the reply says; the thread's port is used before the
 * task's; a task dies when nobody handles its fault, when its handler
 * dies, or when the reply asks for it or is unusable; an aborted or
 * terminated wait ends cleanly; and the exception port traps' errors.
 */
#include "exception_insns.h"
#include "ipc_util.h"
#include "object_counts.h"

/* Sleeps until cond holds, for about 2 s at most. */
#define WAIT_UNTIL(cond)                                                     \
	for (int wait_ = 0; !(cond) && wait_ < 200; wait_++)                 \
		native_sleep_ms(10)

#define UNMAPPED 0x600000000000ull
#define VECTOR_DE 0
#define VECTOR_BP 3
#define VECTOR_UD 6
#define VECTOR_PF 14
#define PF_WRITE  2
#define PF_USER   4

static volatile uint64_t result;
static volatile int finished;

static void do_read(uint64_t address)
{
	result = exc_read(address);
	finished = 1;
}

static void do_breakpoint(uint64_t value)
{
	result = exc_breakpoint(value);
	finished = 1;
}

static void do_divide_by_zero(uint64_t n)
{
	result = exc_divide(n, 0);
	finished = 1;
}

static void do_invalid_opcode(uint64_t unused)
{
	(void)unused;
	result = exc_invalid_opcode();
	finished = 1;
}

static void do_linux_syscall(uint64_t number)
{
	result = exc_linux_syscall(number);
	finished = 1;
}

/* A thread of this task running fn(arg) with `port` as its exception
 * port: created suspended, so the port is set before it runs. */
static mk_port_name_t start_faulter(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t port)
{
	mk_port_name_t t = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(native_thread_spawn(fn, arg, MK_THREAD_CREATE_SUSPENDED, &t),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_set(t, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	return t;
}

/* Receives an exception message about `thread` (MK_PORT_NULL: any). */
static void receive_exception(mk_port_name_t port, struct mk_exception_msg *m,
			      mk_port_name_t thread, uint32_t kind, uint32_t vector)
{
	UTEST_EXPECT_RETURN(native_exception_receive(port, m, 2000), MK_SUCCESS);
	if (m->exception != kind || m->vector != vector)
		utest_fail("exception %u vector %u, want %u vector %u", m->exception, m->vector,
			   kind, vector);
	UTEST_ASSERT(thread == MK_PORT_NULL || m->thread.value == thread);
	UTEST_ASSERT(test_type_of(m->thread.value) == MK_RIGHT_SEND);
	UTEST_ASSERT(test_type_of(m->task.value) == MK_RIGHT_SEND);
	UTEST_ASSERT(test_type_of(m->header.remote_port) == MK_RIGHT_SEND_ONCE);
}

/* Drops the thread and task rights an exception message brought. */
static void drop_rights(const struct mk_exception_msg *m)
{
	UTEST_EXPECT_RETURN(mk_port_deallocate(m->thread.value), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(m->task.value), MK_SUCCESS);
}

static void resume_at(const struct mk_exception_msg *m, uint64_t rip, uint64_t rax)
{
	struct mk_thread_state s = m->state;

	s.rip = rip;
	s.rax = rax;
	UTEST_EXPECT_RETURN(native_exception_reply(m, MK_EXCEPTION_RESUME, &s), MK_SUCCESS);
}

/* The faulter finishes with `want` and its thread ends. */
static void expect_result(mk_port_name_t thread, uint64_t want)
{
	WAIT_UNTIL(finished);
	if (!finished || result != want)
		utest_fail("finished %d result %#lx, want %#lx", finished, result, want);
	WAIT_UNTIL(test_type_of(thread) == MK_RIGHT_DEAD_NAME);
	UTEST_ASSERT(test_type_of(thread) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(thread), MK_SUCCESS);
}

UTEST(exception_page_fault_resumed_with_new_state)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_read, UNMAPPED, port);
	struct mk_exception_msg m;

	receive_exception(port, &m, t, MK_EXC_BAD_ACCESS, VECTOR_PF);
	UTEST_ASSERT(m.address == UNMAPPED && (m.code & PF_USER) && !(m.code & PF_WRITE));
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_read_insn && m.state.rdi == UNMAPPED);
	UTEST_ASSERT(!finished);
	resume_at(&m, (uint64_t)exc_read_next, 0x1234);
	drop_rights(&m);
	expect_result(t, 0x1234);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_page_fault_retried_after_the_handler_maps_the_page)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_read, UNMAPPED + 8, port);
	struct mk_exception_msg m;
	uint64_t page = UNMAPPED;

	receive_exception(port, &m, t, MK_EXC_BAD_ACCESS, VECTOR_PF);
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &page, 4096, MK_VM_FLAGS_FIXED),
			    MK_SUCCESS);
	((volatile uint64_t *)page)[1] = 0xabcd;
	UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_RESUME, NULL), MK_SUCCESS);
	drop_rights(&m);
	expect_result(t, 0xabcd);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_breakpoint_reports_rip_after_int3_and_resumes)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_breakpoint, 5, port);
	struct mk_exception_msg m;

	receive_exception(port, &m, t, MK_EXC_BREAKPOINT, VECTOR_BP);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_breakpoint_next && m.state.rax == 5);
	resume_at(&m, m.state.rip, 6);
	drop_rights(&m);
	expect_result(t, 6);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_divide_error_handler_skips_the_division)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_divide_by_zero, 10, port);
	struct mk_exception_msg m;

	receive_exception(port, &m, t, MK_EXC_ARITHMETIC, VECTOR_DE);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_divide_insn && m.state.rsi == 0 &&
		     m.state.rax == 10);
	resume_at(&m, (uint64_t)exc_divide_next, 77);
	drop_rights(&m);
	expect_result(t, 77);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_invalid_opcode_raised_again_when_resumed_unchanged)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_invalid_opcode, 0, port);
	struct mk_exception_msg m;

	receive_exception(port, &m, t, MK_EXC_BAD_INSTRUCTION, VECTOR_UD);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_invalid_opcode_insn);
	UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_RESUME, NULL), MK_SUCCESS);
	drop_rights(&m);
	receive_exception(port, &m, t, MK_EXC_BAD_INSTRUCTION, VECTOR_UD);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_invalid_opcode_insn && !finished);
	resume_at(&m, (uint64_t)exc_invalid_opcode_next, 9);
	drop_rights(&m);
	expect_result(t, 9);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_linux_syscall_without_emulator_goes_to_the_handler)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_linux_syscall, 39, port);
	struct mk_exception_msg m;

	receive_exception(port, &m, t, MK_EXC_SYSCALL, MK_EXC_VECTOR_SYSCALL);
	UTEST_ASSERT(m.code == 39 && m.state.rax == 39);
	UTEST_ASSERT(m.state.rip == (uint64_t)exc_linux_syscall_next);
	resume_at(&m, m.state.rip, 4242);       /* the call's result */
	drop_rights(&m);
	expect_result(t, 4242);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_goes_to_the_task_port_when_the_thread_port_is_dead)
{
	mk_port_name_t thread_port = test_new_port(), task_port = test_new_port(), got;
	mk_port_name_t t = start_faulter(do_breakpoint, 1, thread_port);
	struct mk_exception_msg m;

	UTEST_EXPECT_RETURN(mk_thread_suspend(t), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, task_port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_get(MK_PORT_NULL, &got), MK_SUCCESS);
	UTEST_ASSERT(got == task_port);
	UTEST_EXPECT_RETURN(mk_port_deallocate(got), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(thread_port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_get(t, &got), MK_SUCCESS);
	UTEST_ASSERT(got == MK_PORT_DEAD);
	UTEST_EXPECT_RETURN(mk_thread_resume(t), MK_SUCCESS);
	receive_exception(task_port, &m, t, MK_EXC_BREAKPOINT, VECTOR_BP);
	resume_at(&m, m.state.rip, 2);
	drop_rights(&m);
	expect_result(t, 2);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, MK_PORT_NULL), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_get(MK_PORT_NULL, &got), MK_SUCCESS);
	UTEST_ASSERT(got == MK_PORT_NULL);
	UTEST_EXPECT_RETURN(mk_port_destroy(task_port), MK_SUCCESS);
}

UTEST(exception_wait_aborted_refaults_and_the_old_reply_right_is_dead)
{
	mk_port_name_t port = test_new_port(), t = start_faulter(do_invalid_opcode, 0, port);
	struct mk_exception_msg first, again;

	receive_exception(port, &first, t, MK_EXC_BAD_INSTRUCTION, VECTOR_UD);
	UTEST_EXPECT_RETURN(mk_thread_abort(t), MK_SUCCESS);
	receive_exception(port, &again, t, MK_EXC_BAD_INSTRUCTION, VECTOR_UD);
	UTEST_ASSERT(again.state.rip == first.state.rip);
	UTEST_ASSERT(test_type_of(first.header.remote_port) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(native_exception_reply(&first, MK_EXCEPTION_RESUME, NULL),
			    MK_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(first.header.remote_port), MK_SUCCESS);
	resume_at(&again, (uint64_t)exc_invalid_opcode_next, 3);
	drop_rights(&first);
	drop_rights(&again);
	expect_result(t, 3);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

/* --- Faults in other tasks, which may die of them. --- */

static void child_reads_unmapped(uint64_t address)
{
	exc_read(address);
}

/* Starts child_reads_unmapped in a new task whose exception port is
 * `handler` (or none). *notify will hear no-senders on the child's
 * bootstrap port once the task is freed: the task holds that send right
 * until its last thread and its task port's senders are gone. */
static void start_faulting_task(mk_port_name_t handler, mk_port_name_t *task,
				mk_port_name_t *bootstrap, mk_port_name_t *notify)
{
	mk_port_name_t thread;

	*bootstrap = test_new_port();
	*notify = test_new_port();
	UTEST_EXPECT_RETURN(native_task_spawn_thread(child_reads_unmapped, UNMAPPED, *bootstrap,
						     MK_THREAD_CREATE_SUSPENDED, task, &thread),
			    MK_SUCCESS);
	if (handler != MK_PORT_NULL)
		UTEST_EXPECT_RETURN(mk_exception_port_set(*task, handler), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_request_notification(*bootstrap, MK_NOTIFY_NO_SENDERS,
							 *notify, MK_MSG_TYPE_MAKE_SEND_ONCE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_thread_resume(thread), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(thread), MK_SUCCESS);
}

/* Drops our name for the task and waits until it is gone, which takes its
 * death: a live thread keeps it. */
static void expect_task_died(mk_port_name_t task, mk_port_name_t bootstrap, mk_port_name_t notify)
{
	struct mk_notify_msg n;

	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&n, sizeof(n), notify, MK_MSG_OPTION_RCV_TIMEOUT, 2000),
			    MK_SUCCESS);
	UTEST_ASSERT(n.header.id == MK_NOTIFY_NO_SENDERS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(notify), MK_SUCCESS);
}

UTEST(exception_no_port_kills_the_task_and_frees_it)
{
	mk_port_name_t task, bootstrap, notify;

	for (int round = 0; round < 2; round++) {       /* the first warms the heap */
		struct mk_object_counts before = test_object_counts();
		start_faulting_task(MK_PORT_NULL, &task, &bootstrap, &notify);
		expect_task_died(task, bootstrap, notify);
		test_expect_counts_back_to(before, 0);
	}
}

/* Handler task: announces a port on its bootstrap port, takes one
 * exception message there and ends its task without answering. */
static void child_handler_that_dies(uint64_t unused)
{
	mk_port_name_t port = MK_PORT_NULL;
	struct mk_exception_msg m;

	(void)unused;
	if (test_announce(&port, 0) != MK_SUCCESS)
		return;
	native_exception_receive(port, &m, 5000);
	mk_task_terminate(MK_PORT_NULL);
}

static void handler_dies_round(void)
{
	mk_port_name_t handler_task, handler_bootstrap = test_new_port();
	mk_port_name_t task, bootstrap, notify;
	struct test_msg hello;

	UTEST_EXPECT_RETURN(native_task_spawn(child_handler_that_dies, 0, handler_bootstrap,
					      &handler_task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&hello, sizeof(hello), handler_bootstrap,
					 MK_MSG_OPTION_RCV_TIMEOUT, 2000), MK_SUCCESS);
	mk_port_name_t handler = hello.port.value;
	start_faulting_task(handler, &task, &bootstrap, &notify);
	expect_task_died(task, bootstrap, notify);
	WAIT_UNTIL(test_type_of(handler) == MK_RIGHT_DEAD_NAME);
	UTEST_ASSERT(test_type_of(handler) == MK_RIGHT_DEAD_NAME);
	UTEST_EXPECT_RETURN(mk_port_deallocate(handler), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(handler_task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(handler_bootstrap), MK_SUCCESS);
}

UTEST(exception_handler_dies_kills_faulter)
{
	handler_dies_round();
	struct mk_object_counts before = test_object_counts();
	handler_dies_round();
	test_expect_counts_back_to(before, 0);
}

/* A faulting task whose handler (this task) answers with TERMINATE (0)
 * or with a kernel rip (1), or that is terminated meanwhile (2). */
static void reply_kills_round(int how)
{
	mk_port_name_t port = test_new_port(), task, bootstrap, notify;
	struct mk_exception_msg m;

	start_faulting_task(port, &task, &bootstrap, &notify);
	receive_exception(port, &m, MK_PORT_NULL, MK_EXC_BAD_ACCESS, VECTOR_PF);
	struct mk_thread_state kernel_rip = m.state;
	kernel_rip.rip = 0xffffffff80100000ull;
	switch (how) {
	case 0:
		UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_TERMINATE, NULL),
				    MK_SUCCESS);
		break;
	case 1:
		UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_RESUME, &kernel_rip),
				    MK_SUCCESS);
		break;
	default:
		UTEST_EXPECT_RETURN(mk_task_terminate(task), MK_SUCCESS);
		break;
	}
	drop_rights(&m);
	expect_task_died(task, bootstrap, notify);
	if (how == 2) {         /* the wait ended with the task: nobody to answer */
		UTEST_EXPECT_RETURN(native_exception_reply(&m, MK_EXCEPTION_RESUME, NULL),
				    MK_DEAD_NAME);
		UTEST_EXPECT_RETURN(mk_port_deallocate(m.header.remote_port), MK_SUCCESS);
	}
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(exception_reply_terminate_or_kernel_rip_kills_the_task)
{
	reply_kills_round(0);
	reply_kills_round(1);
	struct mk_object_counts before = test_object_counts();
	reply_kills_round(0);
	reply_kills_round(1);
	test_expect_counts_back_to(before, 0);
}

UTEST(exception_wait_broken_by_task_terminate_leaves_nothing)
{
	reply_kills_round(2);
	struct mk_object_counts before = test_object_counts();
	reply_kills_round(2);
	test_expect_counts_back_to(before, 0);
}

UTEST(exception_port_traps_reject_bad_targets_and_ports)
{
	mk_port_name_t port = test_new_port(), pset, got;
	uint32_t refs;

	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_PORT_SET, &pset), MK_SUCCESS);
	struct mk_object_counts before = test_object_counts();
	UTEST_EXPECT_RETURN(mk_exception_port_set(0x12345600, port), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_exception_port_set(port, port), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, pset), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, 0x12345600), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_exception_port_get(pset, &got), MK_INVALID_RIGHT);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_get(MK_PORT_NULL, &got), MK_SUCCESS);
	UTEST_ASSERT(got == port && test_type_of(port) == (MK_RIGHT_RECEIVE | MK_RIGHT_SEND));
	/* A send right to a port that stands for no task or thread. */
	UTEST_EXPECT_RETURN(mk_exception_port_set(port, MK_PORT_NULL), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_exception_port_get(MK_PORT_NULL, (mk_port_name_t *)0x10),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_get_refs(port, MK_RIGHT_SEND, &refs), MK_SUCCESS);
	UTEST_ASSERT(refs == 1);
	UTEST_EXPECT_RETURN(mk_port_deallocate(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_set(MK_PORT_NULL, MK_PORT_NULL), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_exception_port_get(MK_PORT_NULL, &got), MK_SUCCESS);
	UTEST_ASSERT(got == MK_PORT_NULL);
	test_expect_counts_back_to(before, 0);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(pset), MK_SUCCESS);
}
