/*
 * vm_inherit.c: a task made with task_create(inherit) gets each region of
 * its parent as that region's inheritance says: shared (both see every
 * write), copied (copy-on-write: each sees only its own writes) or not at
 * all (a hole the child may fill). A copy holds against the kernel's own
 * writes too (a message copied out into the page).
 */
#include "ipc_util.h"

struct regions {
	uint64_t shared, copied, absent;
};

/* The child: writes into the shared and copied pages, checks the absent
 * one is a hole by allocating there, and reports on its bootstrap port
 * what it read before writing (data: 1 bit per finding). */
static void child(uint64_t arg)
{
	const struct regions *r = (const struct regions *)arg;
	uint64_t findings = 0, hole = r->absent;

	findings |= (*(volatile uint64_t *)r->shared == 0x5a) << 0;
	findings |= (*(volatile uint64_t *)r->copied == 0xc0) << 1;
	*(volatile uint64_t *)r->shared = 0x5b;
	*(volatile uint64_t *)r->copied = 0xc1;
	findings |= (mk_vm_allocate(MK_PORT_NULL, &hole, 4096, 0) == MK_SUCCESS) << 2;
	test_report(findings);
}

static uint64_t page_with(uint64_t value, uint32_t inheritance)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	*(volatile uint64_t *)address = value;
	UTEST_EXPECT_RETURN(mk_vm_inherit(MK_PORT_NULL, address, 4096, inheritance), MK_SUCCESS);
	return address;
}

UTEST(vm_inherit_share_copy_and_none_in_a_child_task)
{
	static struct regions r;
	mk_port_name_t task, bootstrap = test_new_port();
	struct test_msg got;

	r = (struct regions){ page_with(0x5a, MK_VM_INHERIT_SHARE),
			      page_with(0xc0, MK_VM_INHERIT_COPY),
			      page_with(0xab, MK_VM_INHERIT_NONE) };
	UTEST_EXPECT_RETURN(native_task_spawn(child, (uint64_t)&r, bootstrap, &task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), bootstrap, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);
	UTEST_ASSERT(got.data == 7);            /* saw both values; the third was a hole */
	UTEST_ASSERT(*(volatile uint64_t *)r.shared == 0x5b);   /* the child's write */
	UTEST_ASSERT(*(volatile uint64_t *)r.copied == 0xc0);   /* not the child's */
	UTEST_ASSERT(*(volatile uint64_t *)r.absent == 0xab);   /* untouched here */
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, r.shared, 4096), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, r.copied, 4096), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, r.absent, 4096), MK_SUCCESS);
}

UTEST(vm_inherit_refuses_bad_values_and_ranges)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_inherit(MK_PORT_NULL, address, 4096, 3), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_inherit(MK_PORT_NULL, 1ull << 63, 4096, MK_VM_INHERIT_SHARE),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 4096), MK_SUCCESS);
}

/* The child: announces a port, waits there for "go", then reports the
 * first word of its copy of the page. */
static void child_reads_after_go(uint64_t page)
{
	mk_port_name_t own = MK_PORT_NULL;
	struct test_msg go;

	if (test_announce(&own, 0) != MK_SUCCESS ||
	    test_receive(&go, sizeof(go), own, 0, 0) != MK_SUCCESS)
		return;
	test_report(*(volatile uint64_t *)page);
}

/* The parent's page is read-only in its page tables after the fork; the
 * kernel copying a message out into it must make the parent's own copy
 * (CR0.WP), not write into the page the child still shares. */
UTEST(vm_inherit_copy_on_write_holds_against_the_kernels_writes)
{
	mk_port_name_t task, bootstrap = test_new_port();
	uint64_t page = page_with(0x11, MK_VM_INHERIT_COPY);
	struct test_msg *in_page = (struct test_msg *)page, got;

	UTEST_EXPECT_RETURN(native_task_spawn(child_reads_after_go, page, bootstrap, &task),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(in_page, sizeof(*in_page), bootstrap,
					 MK_MSG_OPTION_RCV_TIMEOUT, 2000), MK_SUCCESS);
	struct test_msg go = test_msg_make(in_page->port.value, MK_MSG_TYPE_MOVE_SEND, MK_PORT_NULL, 0, MK_PORT_NULL, 0, 0);
	UTEST_EXPECT_RETURN(test_send(&go, 0, 0), MK_SUCCESS);
	UTEST_EXPECT_RETURN(test_receive(&got, sizeof(got), bootstrap, MK_MSG_OPTION_RCV_TIMEOUT,
					 2000), MK_SUCCESS);
	UTEST_ASSERT(got.data == 0x11);         /* the child's copy kept the old word */
	UTEST_EXPECT_RETURN(mk_port_deallocate(task), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_port_destroy(bootstrap), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, page, 4096), MK_SUCCESS);
}
