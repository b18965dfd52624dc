/*
 * bench.h: native microbenchmarks, booted with `kbench` on the kernel
 * command line (make bench-kernel). Each BENCH(name) returns the cycles of
 * one operation measured over a batch; the harness runs it many times and
 * prints the median as `name value cycles`. Figures, never pass/fail.
 */
#ifndef MK_TESTS_BENCH_H
#define MK_TESTS_BENCH_H

#include "lib/native/native.h"

struct bench {
	const char *name;
	uint64_t (*run)(void);          /* cycles per operation in one batch */
};

#define BENCH(name)                                                        \
	static uint64_t bench_run_##name(void);                            \
	__attribute__((used, section("benches"), aligned(8)))              \
	static const struct bench bench_desc_##name = { #name, bench_run_##name }; \
	static uint64_t bench_run_##name(void)

static inline uint64_t bench_cycles(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

/* Stops the benchmark run with a message (a setup step failed). */
_Noreturn void bench_abort(const char *what, int64_t result);

#endif
