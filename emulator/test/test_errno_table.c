/*
 * test_errno_table.c: every row of linux_errno.h against the host's glibc:
 * the number (<errno.h>), the name (strerrorname_np) and the message
 * strace prints (strerror). And no errno the host names is missing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "linux_errno.h"
#include "unit.h"

struct row {
	int nr;
	int host_nr;
	const char *name;
	const char *message;
};

#define ROW(nr, name, message) { nr, name, #name, message },
static const struct row rows[] = { LINUX_ERRNOS(ROW) };
#undef ROW
#define NROWS (sizeof(rows) / sizeof(rows[0]))

static void numbers_match_host_errno_h(void)
{
	for (size_t i = 0; i < NROWS; i++)
		UNIT_CHECK(rows[i].nr == rows[i].host_nr);
}

static void names_match_host(void)
{
	for (size_t i = 0; i < NROWS; i++)
		UNIT_CHECK_STR(rows[i].name, strerrorname_np(rows[i].nr));
}

static void messages_match_host_strerror(void)
{
	for (size_t i = 0; i < NROWS; i++)
		UNIT_CHECK_STR(rows[i].message, strerror(rows[i].nr));
}

static void every_named_host_errno_has_a_row(void)
{
	size_t next = 0;

	for (int e = 1; e < 4096; e++) {
		if (!strerrorname_np(e))
			continue;
		UNIT_CHECK(next < NROWS && rows[next].nr == e);
		next++;
	}
	UNIT_CHECK(next == NROWS);
}

static const struct unit_case cases[] = {
	UNIT_CASE(numbers_match_host_errno_h),
	UNIT_CASE(names_match_host),
	UNIT_CASE(messages_match_host_strerror),
	UNIT_CASE(every_named_host_errno_has_a_row),
};
UNIT_MAIN("host/errno_table", cases)
