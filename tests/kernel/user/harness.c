/* harness.c: runs the native test named by the task's argument. */
#include "utest.h"

extern const struct utest __start_utests[], __stop_utests[];
extern const struct utest __start_utest_helpers[], __stop_utest_helpers[];

#define HELPER_PREFIX "helper:"

_Noreturn void utest_fail(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	fmt_vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	mk_printf("utest: FAIL: %s\n", buf);
	mk_host_poweroff(native_host_port(), MK_EXIT_TEST_FAIL);
	for (;;)
		mk_thread_exit();
}

static void run_helper(const char *name)
{
	for (const struct utest *h = __start_utest_helpers; h < __stop_utest_helpers; h++)
		if (!strcmp(h->name, name))
			h->run();
}

void native_main(const char *name)
{
	if (!strncmp(name, HELPER_PREFIX, strlen(HELPER_PREFIX))) {
		run_helper(name + strlen(HELPER_PREFIX));
		return;
	}
	for (const struct utest *t = __start_utests; t < __stop_utests; t++) {
		if (strcmp(t->name, name))
			continue;
		mk_printf("utest: running %s\n", name);
		t->run();
		mk_printf("utest: PASS\n");
		mk_host_poweroff(native_host_port(), MK_EXIT_TEST_PASS);
	}
	utest_fail("no test named '%s'", name);
}
