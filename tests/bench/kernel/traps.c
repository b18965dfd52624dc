/* traps.c: the cost of entering and leaving the kernel. */
#include "bench.h"

#define BATCH 1000

BENCH(null_trap)
{
	uint64_t start = bench_cycles();

	for (int i = 0; i < BATCH; i++)
		mk_null();
	return (bench_cycles() - start) / BATCH;
}
