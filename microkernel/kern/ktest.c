/* ktest.c: finds and runs the in-kernel test named on the command line. */
#include "kern/console.h"
#include "kern/ktest.h"
#include "kern/platform.h"
#include "lib/string.h"

extern const struct ktest ktests_start[], ktests_end[];
const struct boot_info *ktest_boot_info;

_Noreturn void ktest_pass(void)
{
	kprintf("ktest: PASS\n");
	platform_exit(MK_EXIT_TEST_PASS);
}

_Noreturn void ktest_fail(const char *fmt, ...)
{
	va_list ap;

	kprintf("ktest: FAIL: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	platform_exit(MK_EXIT_TEST_FAIL);
}

_Noreturn void ktest_run(const char *name)
{
	for (const struct ktest *t = ktests_start; t < ktests_end; t++) {
		if (strcmp(t->name, name))
			continue;
		kprintf("ktest: running %s\n", name);
		t->run();
		ktest_pass();
	}
	ktest_fail("no test named '%s'", name);
}
