/*
 * fpu.c: x87/SSE state is per thread. A thread's state is switched only
 * once it has used the FPU (the kernel traps its first use), and a thread
 * that starts using it sees a clean state, never the values another
 * thread left in the registers.
 */
#include "utest.h"

static volatile int pattern_loaded, stop;

static void set_xmm0(uint64_t v)
{
	uint64_t in[2] = { v, ~v };

	/* Built without SSE, the compiler itself never touches %xmm0. */
	__asm__ volatile("movdqu %0, %%xmm0" : : "m"(in));
}

static void get_xmm0(uint64_t out[2])
{
	__asm__ volatile("movdqu %%xmm0, %0" : "=m"(*(uint64_t(*)[2])out));
}

/* Leaves a pattern in %xmm0 and keeps running until told to stop. */
static void load_pattern_and_yield(uint64_t pattern)
{
	set_xmm0(pattern);
	pattern_loaded = 1;
	while (!stop)
		mk_thread_yield();
	uint64_t out[2];
	get_xmm0(out);
	pattern_loaded = out[0] == pattern && out[1] == ~pattern ? 2 : 3;
}

UTEST(fpu_first_use_sees_a_clean_state_not_another_threads)
{
	uint64_t out[2] = { 1, 1 };

	pattern_loaded = stop = 0;
	UTEST_EXPECT_RETURN(native_thread_spawn(load_pattern_and_yield, 0x5eed5eed5eedull, 0, NULL),
			    MK_SUCCESS);
	while (!pattern_loaded)
		mk_thread_yield();
	get_xmm0(out);                          /* this thread's first SSE instruction */
	UTEST_ASSERT(out[0] == 0 && out[1] == 0);
	set_xmm0(0x1234);                       /* from now on switched with this thread */
	for (int i = 0; i < 5; i++)
		mk_thread_yield();
	get_xmm0(out);
	UTEST_ASSERT(out[0] == 0x1234 && out[1] == ~0x1234ull);
	stop = 1;
	while (pattern_loaded == 1)
		mk_thread_yield();
	UTEST_ASSERT(pattern_loaded == 2);      /* the other thread kept its own */
}
