/* helpers.c: helper programs that in-kernel tests start (see utest.h). */
#include "utest.h"

UTEST_HELPER(dereference_null)
{
	mk_printf("helper: touching address 0\n");
	*(volatile int *)0 = 1;
}

UTEST_HELPER(allocate_touch_and_fault)
{
	uint64_t address = 0;

	if (mk_vm_allocate(MK_PORT_NULL, &address, 64 * 4096, MK_VM_FLAGS_ANYWHERE) == MK_SUCCESS)
		for (int i = 0; i < 64; i++)
			((volatile char *)address)[i * 4096] = 1;
	__asm__ volatile("ud2");
}

UTEST_HELPER(exit_quietly)
{
}
