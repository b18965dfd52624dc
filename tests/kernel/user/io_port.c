/*
 * io_port.c: native tests of I/O port grants: a granted range works with
 * in/out, an ungranted port faults in the task that touches it (and only
 * there), and the kernel's own ports are never granted.
 */
#include "device_util.h"

#define CMOS_SCRATCH 0x5f       /* a CMOS byte no one reads at run time */

UTEST(io_port_grant_allows_access)
{
	mk_port_name_t host = native_host_port();

	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, CMOS_INDEX, 2), MK_SUCCESS);
	uint8_t saved = cmos_read(CMOS_SCRATCH);
	cmos_write(CMOS_SCRATCH, 0xa5);
	UTEST_ASSERT(cmos_read(CMOS_SCRATCH) == 0xa5);
	cmos_write(CMOS_SCRATCH, 0x5a);
	UTEST_ASSERT(cmos_read(CMOS_SCRATCH) == 0x5a);
	cmos_write(CMOS_SCRATCH, saved);
	/* Still allowed after sleeping (a switch away and back). */
	mk_port_name_t port = test_new_port();
	struct test_msg m;
	for (int i = 0; i < 3; i++) {
		UTEST_EXPECT_RETURN(test_receive(&m, sizeof(m), port, MK_MSG_OPTION_RCV_TIMEOUT, 20),
				    MK_TIMED_OUT);
		UTEST_ASSERT(cmos_read(CMOS_SCRATCH) == saved);
	}
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
	/* Granting again, or more, is fine. */
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, CMOS_DATA, 1), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0x80, 1), MK_SUCCESS);
	outb(0x80, 0);      /* the POST diagnostic port */
}

/* Child: reads a port its parent was granted but it was not; it must die
 * of the #GP before it can report. */
static void child_reads_cmos(uint64_t unused)
{
	(void)unused;
	uint8_t v = cmos_read(RTC_REG_A);
	child_report(0x100 | v, MK_PORT_NULL, 0);
}

UTEST(io_port_ungranted_access_faults)
{
	UTEST_EXPECT_RETURN(mk_io_port_grant(native_host_port(), MK_PORT_NULL, CMOS_INDEX, 2),
			    MK_SUCCESS);
	struct mk_object_counts before = test_object_counts();
	struct child c = child_start(child_reads_cmos, 0);

	struct test_msg m = child_next_message(&c);
	if (m.header.id != MK_NOTIFY_NO_SENDERS)
		utest_fail("the child used an I/O port it was not granted (message %d, data %#lx)",
			   m.header.id, m.data);
	UTEST_EXPECT_RETURN(mk_port_destroy(c.port), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
	/* The fault was the child's: our grant still works. */
	cmos_read(RTC_REG_A);
}

UTEST(io_port_grant_refuses_kernel_ports)
{
	mk_port_name_t host = native_host_port();
	uint32_t kernel[][2] = {
		{ 0x20, 1 }, { 0x21, 1 }, { 0xa0, 2 }, { 0x40, 4 }, { 0x43, 1 },
		{ 0x3f8, 1 }, { 0x3fd, 1 }, { 0xf4, 1 }, { 0x00, 0x100 }, { 0x3f0, 0x10 },
	};

	for (size_t i = 0; i < sizeof(kernel) / sizeof(kernel[0]); i++)
		UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, kernel[i][0], kernel[i][1]),
				    MK_INVALID_VALUE);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0x70, 0), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0xffff, 2), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0x10000, 1), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, 0x4242, 0x70, 2), MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_io_port_grant(MK_PORT_NULL, MK_PORT_NULL, 0x70, 2),
			    MK_PROTECTION_FAILURE);
	/* Next to them is fine: the highest port too. */
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0x3f7, 1), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_io_port_grant(host, MK_PORT_NULL, 0xffff, 1), MK_SUCCESS);
}
