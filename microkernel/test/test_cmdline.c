/* test_cmdline.c: finding key=value words in the kernel command line. */
#include "lib/cmdline.c"
#include "unit.h"

static char value[32];

static void finds_value_among_other_words(void)
{
	UNIT_CHECK(cmdline_get("quiet ktest=page_fault init=/bin/sh", "ktest", value, sizeof(value)));
	UNIT_CHECK_STR(value, "page_fault");
}

static void bare_flag_has_empty_value(void)
{
	UNIT_CHECK(cmdline_get("  quiet   debug", "debug", value, sizeof(value)));
	UNIT_CHECK_STR(value, "");
}

static void absent_key_is_not_found(void)
{
	UNIT_CHECK(!cmdline_get("ktest=x", "init", value, sizeof(value)));
	UNIT_CHECK(!cmdline_get("", "init", value, sizeof(value)));
}

static void key_prefix_does_not_match_longer_key(void)
{
	UNIT_CHECK(!cmdline_get("ktests=x ktestx", "ktest", value, sizeof(value)));
}

static void last_occurrence_wins(void)
{
	UNIT_CHECK(cmdline_get("init=/a init=/b", "init", value, sizeof(value)));
	UNIT_CHECK_STR(value, "/b");
}

static void long_value_is_truncated_to_buffer(void)
{
	char small[4];

	UNIT_CHECK(cmdline_get("k=abcdefgh", "k", small, sizeof(small)));
	UNIT_CHECK_STR(small, "abc");
}

static void words_after_dashes_are_inits_not_options(void)
{
	UNIT_CHECK(!cmdline_get("quiet -- /bin/echo klog=ttyS1", "klog", value, sizeof(value)));
	UNIT_CHECK(cmdline_get("klog=a -- klog=b", "klog", value, sizeof(value)));
	UNIT_CHECK_STR(value, "a");
	UNIT_CHECK_STR(cmdline_after_dashes("klog=a -- /bin/ls -l --x"), " /bin/ls -l --x");
	UNIT_CHECK_STR(cmdline_after_dashes("--"), "");
	UNIT_CHECK(!cmdline_after_dashes("a --b b-- ---"));
}

static const struct unit_case cases[] = {
	UNIT_CASE(finds_value_among_other_words),
	UNIT_CASE(bare_flag_has_empty_value),
	UNIT_CASE(absent_key_is_not_found),
	UNIT_CASE(key_prefix_does_not_match_longer_key),
	UNIT_CASE(last_occurrence_wins),
	UNIT_CASE(long_value_is_truncated_to_buffer),
	UNIT_CASE(words_after_dashes_are_inits_not_options),
};
UNIT_MAIN("host/cmdline", cases)
