/*
 * ktest.h: in-kernel tests, selected with `ktest=NAME` on the command line.
 *
 * KTEST(name) { ... } defines a test; returning from it is a pass. The
 * outcome leaves QEMU through the exit device (mk/exit_code.h), so the host
 * runner needs no parsing of the serial log to judge a test. Test names say
 * the behaviour they check. Names starting with `selftest_` are tests of
 * the runner itself and are meant to fail.
 */
#ifndef MK_KERN_KTEST_H
#define MK_KERN_KTEST_H

#include "arch/x86_64/trap_frame.h"
#include "kern/multiboot2.h"

struct ktest {
	const char *name;
	void (*run)(void);
};

#define KTEST(name)                                                        \
	static void ktest_run_##name(void);                                \
	__attribute__((used, section(".ktests"), aligned(8)))              \
	static const struct ktest ktest_desc_##name = { #name, ktest_run_##name }; \
	static void ktest_run_##name(void)

_Noreturn void ktest_pass(void);
_Noreturn void ktest_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define KTEST_ASSERT(cond)                                                 \
	do {                                                               \
		if (!(cond))                                               \
			ktest_fail("%s:%d: assertion failed: %s", __FILE__, \
				   __LINE__, #cond);                       \
	} while (0)

/* Runs the named test and leaves QEMU with its outcome. */
_Noreturn void ktest_run(const char *name);

/* The boot information the test kernel was started with. */
extern const struct boot_info *ktest_boot_info;

#endif
