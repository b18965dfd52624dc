/*
 * object_counts.h: leak checks for native tests: the kernel's live objects
 * (mk_host_object_counts) before and after, compared once everything a
 * test started has had time to end.
 */
#ifndef MK_TESTS_OBJECT_COUNTS_H
#define MK_TESTS_OBJECT_COUNTS_H

#include "utest.h"

/* The counts once threads that ended have been reaped (it sleeps a little). */
struct mk_object_counts test_object_counts(void);

/* Waits (up to 2 s) for the tasks, ports, port sets, messages and free
 * frames to be back to `before`; fails the test if they are not. Callers
 * warm up first (a first round grows heap classes and page tables). */
void test_expect_counts_back_to(struct mk_object_counts before);

#endif
