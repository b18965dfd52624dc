/*
 * vm.c: native tests of the virtual memory traps on the caller's own map.
 */
#include "mk/vm.h"
#include "utest.h"

UTEST(vm_allocate_gives_zeroed_writable_memory)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 3 * 4096,
					   MK_VM_FLAGS_ANYWHERE), MK_SUCCESS);
	UTEST_ASSERT(address && !(address & 4095));
	volatile uint64_t *p = (volatile uint64_t *)address;
	for (int i = 0; i < 3 * 512; i++)
		UTEST_ASSERT(p[i] == 0);
	for (int i = 0; i < 3 * 512; i++)
		p[i] = i;
	for (int i = 0; i < 3 * 512; i++)
		UTEST_ASSERT(p[i] == (uint64_t)i);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 3 * 4096), MK_SUCCESS);
}

UTEST(vm_allocate_fixed_refuses_an_occupied_range)
{
	uint64_t address = 0x200000000ull;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 8192, MK_VM_FLAGS_FIXED),
			    MK_SUCCESS);
	UTEST_ASSERT(address == 0x200000000ull);
	uint64_t overlap = 0x200001000ull;
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &overlap, 8192, MK_VM_FLAGS_FIXED),
			    MK_NO_SPACE);
	uint64_t unaligned = 0x300000010ull;
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &unaligned, 8192, MK_VM_FLAGS_FIXED),
			    MK_INVALID_ARGUMENT);
	uint64_t kernel = 0xffff800000000000ull;
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &kernel, 4096, MK_VM_FLAGS_FIXED),
			    MK_INVALID_ADDRESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 8192), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &overlap, 8192, MK_VM_FLAGS_FIXED),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, overlap, 8192), MK_SUCCESS);
}

UTEST(vm_allocate_anywhere_never_overlaps)
{
	uint64_t a[8];

	for (int i = 0; i < 8; i++) {
		a[i] = 0;
		UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &a[i], 5000, MK_VM_FLAGS_ANYWHERE),
				    MK_SUCCESS);
		for (int j = 0; j < i; j++)
			UTEST_ASSERT(a[i] >= a[j] + 8192 || a[j] >= a[i] + 8192);
	}
	for (int i = 0; i < 8; i++)
		UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, a[i], 5000), MK_SUCCESS);
}

UTEST(vm_protect_cannot_exceed_the_maximum)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, address, 4096, 1, MK_VM_PROT_READ),
			    MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, address, 4096, 0,
					  MK_VM_PROT_READ | MK_VM_PROT_WRITE),
			    MK_PROTECTION_FAILURE);
	UTEST_ASSERT(*(volatile uint64_t *)address == 0);       /* still readable */
	UTEST_EXPECT_RETURN(mk_vm_protect(MK_PORT_NULL, address + 4096, 4096, 0, MK_VM_PROT_READ),
			    MK_INVALID_ADDRESS);                   /* not mapped */
	UTEST_EXPECT_RETURN(mk_vm_inherit(MK_PORT_NULL, address, 4096, 9), MK_INVALID_ARGUMENT);
	UTEST_EXPECT_RETURN(mk_vm_deallocate(MK_PORT_NULL, address, 4096), MK_SUCCESS);
}

UTEST(vm_traps_refuse_names_that_are_not_task_ports)
{
	uint64_t address = 0;
	mk_port_name_t port = MK_PORT_NULL;

	UTEST_EXPECT_RETURN(mk_vm_allocate(0x1234, &address, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_port_allocate(MK_RIGHT_RECEIVE, &port), MK_SUCCESS);
	UTEST_EXPECT_RETURN(mk_vm_allocate(port, &address, 4096, MK_VM_FLAGS_ANYWHERE),
			    MK_INVALID_TASK);
	UTEST_EXPECT_RETURN(mk_port_destroy(port), MK_SUCCESS);
}
