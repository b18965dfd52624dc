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

/* Waits (up to 2 s) for the tasks, ports, port sets and messages to be
 * back to `before`; fails the test if they are not. */
void test_expect_counts_back_to(struct mk_object_counts before);

/* The same, free frames included: for tests that warm up first (a first
 * round grows heap classes, page tables and the parent's copy-on-write
 * copies) and leave no user memory behind (a thread terminated from
 * outside keeps its stack). */
void test_expect_counts_and_frames_back_to(struct mk_object_counts before);

#endif
