/*
 * interrupt.c: native tests of interrupts as messages, on the CMOS RTC's
 * periodic interrupt (IRQ 8): one message per interrupt, none until the
 * ack, refusals of the kernel's lines and of callers without the host
 * right, and registrations that end with their port or their task.
 */
#include "device_util.h"

static struct mk_interrupt_msg expect_interrupt(mk_port_name_t port, uint32_t count)
{
	struct mk_interrupt_msg m = { 0 };

	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, MK_MSG_OPTION_RCV_TIMEOUT, 2000),
			    MK_SUCCESS);
	UTEST_ASSERT(m.header.id == MK_INTERRUPT_NOTIFY && m.header.size == sizeof(m));
	UTEST_ASSERT(m.irq == RTC_IRQ);
	if (m.count != count)
		utest_fail("interrupt message count %u, want %u", m.count, count);
	return m;
}

static void expect_no_message(mk_port_name_t port, uint64_t ms)
{
	struct mk_interrupt_msg m;

	UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, MK_MSG_OPTION_RCV_TIMEOUT, ms),
			    MK_TIMED_OUT);
}

UTEST(interrupt_message_delivered)
{
	mk_port_name_t host = native_host_port(), port = test_new_port();
	struct mk_object_counts before = test_object_counts();

	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, CMOS_INDEX, 2), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_SUCCESS);
	rtc_periodic_start();
	expect_interrupt(port, 1);
	UTEST_ASSERT(cmos_read(RTC_REG_C) & RTC_C_PF);  /* ours, and re-armed */
	UTEST_EXPECT_RETURN(mk_interrupt_ack(host, RTC_IRQ), MK_SUCCESS);
	expect_interrupt(port, 2);
	/* The RTC is re-armed but the line stays masked until the ack. */
	cmos_read(RTC_REG_C);
	expect_no_message(port, 200);
	UTEST_EXPECT_RETURN(mk_interrupt_ack(host, RTC_IRQ), MK_SUCCESS);
	expect_interrupt(port, 3);
	rtc_periodic_stop();
	UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, RTC_IRQ), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, RTC_IRQ), MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_interrupt_ack(host, RTC_IRQ), MK_INVALID_VALUE);
	expect_no_message(port, 100);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	before.ports--;                 /* port was counted in `before` */
	test_expect_counts_back_to(before, 0);
}

UTEST(interrupt_register_refuses_kernel_irq)
{
	mk_port_name_t host = native_host_port(), port = test_new_port();
	uint32_t refused[] = { 0 /* timer */, 2 /* cascade */, MK_IRQ_COUNT, ~0u };

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		UTEST_EXPECT_RETURN(mk_interrupt_register(host, refused[i], port), MK_INVALID_VALUE);
		UTEST_EXPECT_RETURN(mk_interrupt_ack(host, refused[i]), MK_INVALID_VALUE);
		UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, refused[i]), MK_INVALID_VALUE);
	}
	/* The timer still ticks. */
	int64_t start = mk_clock_ticks();
	expect_no_message(port, 50);
	UTEST_ASSERT(mk_clock_ticks() > start);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(interrupt_register_requires_host)
{
	mk_port_name_t host = native_host_port(), port = test_new_port();

	/* No name, a receive right, a send right to another port, garbage. */
	mk_port_name_t not_host[] = { MK_PORT_NULL, port, native_console_port(), 0x4242 };
	for (size_t i = 0; i < sizeof(not_host) / sizeof(not_host[0]); i++) {
		UTEST_EXPECT_RETURN(mk_interrupt_register(not_host[i], RTC_IRQ, port),
				    MK_PROTECTION_FAILURE);
		UTEST_EXPECT_RETURN(mk_interrupt_ack(not_host[i], RTC_IRQ), MK_PROTECTION_FAILURE);
		UTEST_EXPECT_RETURN(mk_interrupt_unregister(not_host[i], RTC_IRQ),
				    MK_PROTECTION_FAILURE);
	}
	/* With the host: the port must be a right; one registration a line. */
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, 0x4242), MK_INVALID_NAME);
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_NAME_EXISTS);
	UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, RTC_IRQ), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

UTEST(interrupt_registration_ends_when_its_port_dies)
{
	mk_port_name_t host = native_host_port(), port = test_new_port();
	struct mk_object_counts before = test_object_counts();

	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_ack(host, RTC_IRQ), MK_INVALID_VALUE);
	before.ports--;
	test_expect_counts_back_to(before, 0);         /* the prepared message and the port went */
	port = test_new_port();
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, RTC_IRQ), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}

/* Child: registers IRQ 8 for its bootstrap port (ours) with the host
 * right it is sent, reports, and ends when told to (or after 2 s). */
static void child_registers_and_ends(uint64_t unused)
{
	mk_port_name_t mine = MK_PORT_NULL, bootstrap = MK_PORT_NULL;
	struct test_msg m;

	(void)unused;
	if (mk_port_allocate(MK_RIGHT_RECEIVE, &mine) != MK_SUCCESS ||
	    mk_task_bootstrap_port(&bootstrap) != MK_SUCCESS ||
	    child_report(0, mine, MK_MSG_TYPE_MAKE_SEND) != MK_SUCCESS ||
	    test_receive(&m, sizeof(m), mine, MK_MSG_OPTION_RCV_TIMEOUT, 2000) != MK_SUCCESS)
		return;
	child_report((uint64_t)mk_interrupt_register(m.port.value, RTC_IRQ, bootstrap),
		     MK_PORT_NULL, 0);
	test_receive(&m, sizeof(m), mine, MK_MSG_OPTION_RCV_TIMEOUT, 2000);
}

UTEST(interrupt_registration_ends_with_its_task)
{
	mk_port_name_t host = native_host_port(), port = test_new_port();
	struct child c = child_start(child_registers_and_ends, 0);

	struct test_msg m = child_next_message(&c);
	mk_port_name_t child_port = m.port.value;
	m = test_msg_make(child_port, MK_MSG_TYPE_COPY_SEND, MK_PORT_NULL, 0, host,
			  MK_MSG_TYPE_COPY_SEND, 0);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	m = child_next_message(&c);
	UTEST_ASSERT(m.header.id == 1000 && m.data == MK_SUCCESS);
	/* Registered for a port that outlives the child, until the child ends. */
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_NAME_EXISTS);
	m = test_msg_make(child_port, MK_MSG_TYPE_MOVE_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 0);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	child_wait_end(&c);
	UTEST_EXPECT_RETURN(mk_interrupt_register(host, RTC_IRQ, port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_interrupt_unregister(host, RTC_IRQ), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}
