/*
 * object_counts.h: leak checks for native tests: the kernel's live objects
 * (mk_host_object_counts) before and after, compared once everything a
 * test started has had time to end. One place for every test file.
 */
#ifndef MK_TESTS_OBJECT_COUNTS_H
#define MK_TESTS_OBJECT_COUNTS_H

#include "utest.h"

/* What a check compares besides tasks, ports, port sets and messages:
 * only for tests that warm up first (a first round grows heap classes,
 * page tables and the parent's copy-on-write copies) and leave no user
 * memory behind (a thread terminated from outside keeps its stack). */
#define COUNT_FRAMES     (1u << 0)
#define COUNT_VM_OBJECTS (1u << 1)

/* The counts once threads that are ending have left (it sleeps a little). */
struct mk_object_counts test_object_counts(void);

/* Waits (up to 2 s) for the counts named by `also` and the objects to be
 * back to `before`; fails the test, naming the caller's line, if not. */
#define test_expect_counts_back_to(before, also) \
	test_expect_counts_back_to_at((before), (also), __FILE__, __LINE__)
void test_expect_counts_back_to_at(struct mk_object_counts before, unsigned also,
				   const char *file, int line);

#endif
