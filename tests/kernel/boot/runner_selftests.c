/*
 * runner_selftests.c: kernels that fail on purpose, one by panicking and one
 * by hanging, so the runner's own test can check that both are reported as
 * failures (with the serial log) rather than passing or stalling the run.
 */
#include "arch/x86_64/cpu.h"
#include "kern/console.h"
#include "kern/ktest.h"

KTEST(selftest_panics)
{
	panic("deliberate panic for the runner self-test");
}

KTEST(selftest_hangs)
{
	kprintf("ktest: hanging on purpose\n");
	cpu_halt_forever();
}
