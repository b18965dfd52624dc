/*
 * unit.h: the host unit-test harness. A test file defines its cases as
 * functions, lists them in a table with UNIT_CASE, and calls unit_main.
 * Each case prints "PASS suite/name" or "FAIL suite/name: file:line: check"
 * (the format tests/run.sh counts). Built under ASan/UBSan by the Makefile,
 * so a memory error fails the whole binary loudly.
 */
#ifndef MK_TESTS_UNIT_H
#define MK_TESTS_UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_case {
	const char *name;
	void (*run)(void);
};

#define UNIT_CASE(fn) { #fn, fn }

static const char *unit_failure;
static char unit_failure_buf[512];

#define UNIT_CHECK(cond)                                                      \
	do {                                                                  \
		if (!(cond) && !unit_failure) {                               \
			snprintf(unit_failure_buf, sizeof(unit_failure_buf),  \
				 "%s:%d: %s", __FILE__, __LINE__, #cond);     \
			unit_failure = unit_failure_buf;                      \
		}                                                             \
	} while (0)

#define UNIT_CHECK_STR(got, want)                                             \
	do {                                                                  \
		const char *g_ = (got), *w_ = (want);                         \
		if (strcmp(g_, w_) && !unit_failure) {                        \
			snprintf(unit_failure_buf, sizeof(unit_failure_buf),  \
				 "%s:%d: got \"%.200s\", want \"%.200s\"", __FILE__,  \
				 __LINE__, g_, w_);                           \
			unit_failure = unit_failure_buf;                      \
		}                                                             \
	} while (0)

static inline int unit_main(const char *suite, const struct unit_case *cases, size_t n)
{
	int failed = 0;

	for (size_t i = 0; i < n; i++) {
		unit_failure = NULL;
		cases[i].run();
		if (unit_failure) {
			printf("FAIL %s/%s: %s\n", suite, cases[i].name, unit_failure);
			failed++;
		} else {
			printf("PASS %s/%s\n", suite, cases[i].name);
		}
	}
	return failed ? 1 : 0;
}

#define UNIT_MAIN(suite, table) \
	int main(void) { return unit_main(suite, table, sizeof(table) / sizeof(table[0])); }

#endif
