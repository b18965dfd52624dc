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

/* Keeps a pattern in %xmm0 across many yields to another task doing the
 * same with another pattern, and records at HELPER_RESULT_ADDRESS whether
 * it survived: 1 yes, 2 no. */
#define HELPER_RESULT_ADDRESS 0x20000000ull

static void keep_xmm0_across_yields(uint64_t pattern)
{
	uint64_t result = HELPER_RESULT_ADDRESS, in[2] = { pattern, ~pattern }, out[2];

	if (mk_vm_allocate(MK_PORT_NULL, &result, 4096, MK_VM_FLAGS_FIXED) != MK_SUCCESS)
		return;
	/* Built without SSE, the compiler itself never touches %xmm0. */
	__asm__ volatile("movdqu %0, %%xmm0" : : "m"(in));
	for (int i = 0; i < 200; i++) {
		mk_thread_yield();
		__asm__ volatile("movdqu %%xmm0, %0" : "=m"(out));
		if (out[0] != in[0] || out[1] != in[1]) {
			*(volatile uint64_t *)result = 2;
			return;
		}
	}
	*(volatile uint64_t *)result = 1;
}

UTEST_HELPER(keep_xmm0_pattern_a)
{
	keep_xmm0_across_yields(0x1111222233334444ull);
}

UTEST_HELPER(keep_xmm0_pattern_b)
{
	keep_xmm0_across_yields(0x5555666677778888ull);
}
