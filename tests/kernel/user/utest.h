/*
 * utest.h: native test tasks, selected with `utest=NAME` on the kernel
 * command line. The kernel starts the utests module as the first task,
 * with the boot rights (the host port, see mk/bootinfo.h); its harness
 * runs the named test and powers the machine off with the outcome
 * (mk/exit_code.h), like the in-kernel ktests. Tests name the host port
 * with native_host_port().
 */
#ifndef MK_TESTS_UTEST_H
#define MK_TESTS_UTEST_H

#include "lib/native/native.h"
#include "mk/exit_code.h"

struct utest {
	const char *name;
	void (*run)(void);
};

#define UTEST(name)                                                        \
	static void utest_run_##name(void);                                \
	__attribute__((used, section("utests"), aligned(8)))              \
	static const struct utest utest_desc_##name = { #name, utest_run_##name }; \
	static void utest_run_##name(void)

/* A helper program in the same module, run with `helper:NAME` as the task
 * argument by in-kernel tests (e.g. one that must die of a fault). Not a
 * test: the runner does not list it. */
#define UTEST_HELPER(name)                                                 \
	static void utest_helper_##name(void);                             \
	__attribute__((used, section("utest_helpers"), aligned(8)))        \
	static const struct utest utest_helper_desc_##name = { #name, utest_helper_##name }; \
	static void utest_helper_##name(void)

_Noreturn void utest_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define UTEST_ASSERT(cond)                                                         \
	do {                                                                       \
		if (!(cond))                                                       \
			utest_fail("%s:%d: assertion failed: %s", __FILE__, __LINE__, #cond); \
	} while (0)

/* Asserts that a trap returned the expected mk_return_t. */
#define UTEST_EXPECT_RETURN(expr, want)                                            \
	do {                                                                       \
		int64_t got_ = (expr);                                             \
		if (got_ != (want))                                                \
			utest_fail("%s:%d: %s returned %s, want %s", __FILE__, __LINE__, \
				   #expr, mk_return_string(got_), mk_return_string(want)); \
	} while (0)

#endif
