/*
 * fs_test_util.h: what the file system tests share: a malloc-backed
 * tmpfs_env that can be told to fail the Nth allocation from now, and a
 * tiny newc writer for archives built in memory.
 */
#ifndef UX_TEST_FS_TEST_UTIL_H
#define UX_TEST_FS_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fs/tmpfs.h"

static long test_fail_in = -1;  /* allocations left before one fails; -1 never */
static long test_live_bytes;

static void *test_alloc(void *ctx, size_t size)
{
	(void)ctx;
	if (test_fail_in == 0)
		return NULL;
	if (test_fail_in > 0)
		test_fail_in--;
	test_live_bytes += size;
	return malloc(size);
}

static void test_free(void *ctx, void *p, size_t size)
{
	(void)ctx;
	test_live_bytes -= size;
	free(p);
}

static void test_now(void *ctx, struct tmpfs_time *t)
{
	(void)ctx;
	t->sec = 1000;
	t->nsec = 5;
}

static const struct tmpfs_env test_env = { test_alloc, test_free, test_now, NULL };

/* A newc archive being written into buf. */
struct newc {
	char buf[65536];
	size_t len;
};

static inline void newc_pad(struct newc *a)
{
	while (a->len & 3)
		a->buf[a->len++] = 0;
}

static inline void newc_add(struct newc *a, const char *name, unsigned mode, unsigned ino,
		     unsigned nlink, const void *data, size_t size)
{
	size_t nsize = strlen(name) + 1;

	a->len += sprintf(a->buf + a->len,
			  "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			  ino, mode, 0, 0, nlink, 1234, size, 0, 0, 0, 0, nsize, 0);
	memcpy(a->buf + a->len, name, nsize);
	a->len += nsize;
	newc_pad(a);
	memcpy(a->buf + a->len, data, size);
	a->len += size;
	newc_pad(a);
}

static inline void newc_trailer(struct newc *a)
{
	newc_add(a, "TRAILER!!!", 0, 0, 1, "", 0);
}

#endif
