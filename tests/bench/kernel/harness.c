/* harness.c: runs every benchmark (or, booted with kbench=NAME, just that
 * one, e.g. under a profiler) and prints the median of its runs. */
#include "bench.h"
#include "mk/exit_code.h"

#define RUNS 21

extern const struct bench __start_benches[], __stop_benches[];

_Noreturn void bench_abort(const char *what, int64_t result)
{
	mk_printf("bench: %s failed: %s\n", what, mk_return_string(result));
	mk_host_poweroff(native_host_port(), MK_EXIT_TEST_FAIL);
	for (;;)
		mk_thread_exit();
}

static uint64_t median(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

void native_main(const char *arg)
{
	uint64_t samples[RUNS];

	for (const struct bench *b = __start_benches; b < __stop_benches; b++) {
		if (arg[0] && strcmp(arg, b->name))
			continue;
		for (int i = 0; i < RUNS; i++)
			samples[i] = b->run();
		mk_printf("%s %lu cycles\n", b->name, median(samples, RUNS));
	}
	mk_host_poweroff(native_host_port(), MK_EXIT_TEST_PASS);
}
