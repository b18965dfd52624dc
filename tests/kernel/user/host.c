/*
 * host.c: native tests of the host port and the boot info: the first
 * task finds its rights and the other modules in the boot info page; the
 * host traps accept nothing but a send right to the host port; a child
 * without that right is refused everywhere until it is sent one; the
 * console port prints what it is sent.
 */
#include "child_util.h"

static int cmdline_has(const char *cmdline, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = cmdline; *p; p++)
		if (!strncmp(p, word, n))
			return 1;
	return 0;
}

static const struct mk_bootinfo_module *expect_module(const char *name, const char *magic)
{
	const struct mk_bootinfo_module *m = native_boot_module(name);

	if (!m)
		utest_fail("boot module '%s' not in the boot info", name);
	UTEST_ASSERT(m->size > 4 && m->address && !(m->address & (MK_PAGE_SIZE - 1)));
	UTEST_ASSERT(!memcmp((const void *)m->address, magic, strlen(magic)));
	/* Read-only for good: not even vm_protect makes it writable. */
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, m->address, m->size, 0,
					  MK_VM_PROT_READ | MK_VM_PROT_WRITE),
			    MK_PROTECTION_FAILURE);
	return m;
}

UTEST(host_rights_in_bootinfo)
{
	const struct mk_bootinfo *bi = native_bootinfo();
	struct mk_object_counts c;

	UTEST_ASSERT(bi && bi->size == sizeof(*bi));
	UTEST_ASSERT(test_type_of(bi->host_port) == MK_RIGHT_SEND);
	UTEST_ASSERT(test_type_of(bi->console_port) == MK_RIGHT_SEND);
	UTEST_ASSERT(bi->host_port != bi->console_port);
	UTEST_ASSERT(cmdline_has(bi->cmdline, "utest=host_rights_in_bootinfo"));
	expect_module("initramfs", "070701");                 /* newc cpio */
	expect_module("kbench", "\x7f" "ELF");
	UTEST_ASSERT(!native_boot_module("utests"));          /* the one we run from */
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, (uint64_t)bi, sizeof(*bi), 0,
					  MK_VM_PROT_READ | MK_VM_PROT_WRITE),
			    MK_PROTECTION_FAILURE);
	UTEST_EXPECT_RETURN(mk_host_object_counts(bi->host_port, &c), MK_SUCCESS);
	UTEST_ASSERT(c.tasks >= 1 && c.ports >= 2);
}

UTEST(host_traps_refuse_names_that_are_not_the_host)
{
	mk_port_name_t own = test_new_port(), dead = MK_PORT_NULL;
	struct mk_object_counts c;

	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_DEAD_NAME, &dead), MK_SUCCESS);
	mk_port_name_t not_host[] = { MK_PORT_NULL, MK_PORT_DEAD, own, dead,
				      native_console_port(), 0x12345678 };
	for (size_t i = 0; i < sizeof(not_host) / sizeof(not_host[0]); i++) {
		/* Were it accepted, the machine would stop with a failure. */
		UTEST_EXPECT_RETURN(mk_host_poweroff(not_host[i], MK_EXIT_TEST_FAIL),
				    MK_PROTECTION_FAILURE);
		UTEST_EXPECT_RETURN(mk_host_object_counts(not_host[i], &c), MK_PROTECTION_FAILURE);
	}
	/* The host port itself, with bad arguments. */
	UTEST_EXPECT_RETURN(mk_host_poweroff(native_host_port(), 0x100), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_host_object_counts(native_host_port(), (void *)0x10),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(own), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_deallocate(dead), MK_SUCCESS);
}

#define REFUSED_POWEROFF   (1u << 0)
#define REFUSED_COUNTS     (1u << 1)
#define REFUSED_INTERRUPT  (1u << 2)
#define REFUSED_IO_PORTS   (1u << 3)
#define REFUSED_ALL        0xfu
#define COUNTS_WITH_SENT_HOST (1u << 8)

/* Child: every host trap with the inherited (meaningless here) host name
 * and with no name; reports which were refused, with a port of its own
 * on which it then waits for a right to try again with. */
static void child_without_host(uint64_t unused)
{
	mk_port_name_t names[] = { native_host_port(), MK_PORT_NULL }, mine = MK_PORT_NULL;
	struct mk_object_counts c;
	uint32_t refused = REFUSED_ALL;

	(void)unused;
	if (mk_port_allocate(MK_RIGHT_RECEIVE, &mine) != MK_SUCCESS)
		return;
	for (int i = 0; i < 2; i++) {
		if (mk_host_poweroff(names[i], MK_EXIT_TEST_FAIL) != MK_PROTECTION_FAILURE)
			refused &= ~REFUSED_POWEROFF;
		if (mk_host_object_counts(names[i], &c) != MK_PROTECTION_FAILURE)
			refused &= ~REFUSED_COUNTS;
		if (mk_interrupt_register(names[i], 8, mine) != MK_PROTECTION_FAILURE)
			refused &= ~REFUSED_INTERRUPT;
		if (mk_io_port_grant(names[i], MK_PORT_NULL, 0x70, 2) != MK_PROTECTION_FAILURE)
			refused &= ~REFUSED_IO_PORTS;
	}
	if (child_report(refused, mine, MK_MSG_TYPE_MAKE_SEND) != MK_SUCCESS)
		return;
	struct test_msg m;
	if (test_receive(&m, sizeof(m), mine, MK_MSG_OPTION_RCV_TIMEOUT, 2000) != MK_SUCCESS)
		return;
	uint32_t with_host = mk_host_object_counts(m.port.value, &c) == MK_SUCCESS
				     ? COUNTS_WITH_SENT_HOST : 0;
	child_report(with_host, MK_PORT_NULL, 0);
}

UTEST(unprivileged_task_cannot_use_host_traps_until_sent_the_host)
{
	struct mk_object_counts before = test_object_counts();
	struct child c = child_start(child_without_host, 0);

	struct test_msg m = child_next_message(&c);
	UTEST_ASSERT(m.header.id == 1000);
	if (m.data != REFUSED_ALL)
		utest_fail("a child without the host right was let through: refused %#lx of %#x",
			   m.data, REFUSED_ALL);
	/* The privilege is the right: send the child a copy of ours. */
	mk_port_name_t child_port = m.port.value;
	m = test_msg_make(child_port, MK_MSG_TYPE_MOVE_SEND, MK_PORT_NULL, 0, native_host_port(),
			  MK_MSG_TYPE_COPY_SEND, 0);
	UTEST_EXPECT_RETURN(test_send(&m, 0, 0), MK_SUCCESS);
	m = child_next_message(&c);
	UTEST_ASSERT(m.header.id == 1000 && m.data == COUNTS_WITH_SENT_HOST);
	child_wait_end(&c);
	test_expect_counts_back_to(before, 0);
}

UTEST(console_port_writes_message_bytes_and_drops_other_messages)
{
	struct {
		struct mk_msg_header header;
		char text[39];          /* the line, without a NUL */
	} m = { { MK_MSGH_BITS(MK_MSG_TYPE_COPY_SEND, 0), sizeof(m), native_console_port(),
		  MK_PORT_NULL, 0, MK_CONSOLE_WRITE },
		"utest: a line through the console port\n" };

	struct mk_object_counts before = test_object_counts();
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND, sizeof(m), 0, MK_PORT_NULL, 0),
			    MK_SUCCESS);
	/* Another id, and one carrying a right: taken and destroyed unprinted. */
	m.header.id = MK_CONSOLE_WRITE + 1;
	UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND, sizeof(m), 0, MK_PORT_NULL, 0),
			    MK_SUCCESS);
	mk_port_name_t own = test_new_port();
	struct test_msg carrying = test_msg_make(native_console_port(), MK_MSG_TYPE_COPY_SEND,
						 MK_PORT_NULL, 0, own, MK_MSG_TYPE_MAKE_SEND, 0);
	carrying.header.id = MK_CONSOLE_WRITE;
	UTEST_EXPECT_RETURN(test_send(&carrying, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(own), MK_SUCCESS);
	test_expect_counts_back_to(before, 0);
	/* More than the queue holds: the kernel keeps taking them. */
	m.header.id = MK_CONSOLE_WRITE;
	for (int i = 0; i < 8; i++)
		UTEST_EXPECT_RETURN(mk_msg(&m, MK_MSG_OPTION_SEND | MK_MSG_OPTION_SEND_TIMEOUT,
					   sizeof(m), 0, MK_PORT_NULL, 2000), MK_SUCCESS);
}
