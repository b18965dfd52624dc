/* test_fmt.c: the shared formatter against the C library's snprintf. */
#include <stdint.h>

#include "lib/fmt.c"
#include "unit.h"

/* Odd flag combinations are compared with libc on purpose. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

/* Formats with both and requires the same text and return value. */
#define SAME_AS_LIBC(...)                                                  \
	do {                                                               \
		char ours[128], libc[128];                                 \
		int n1 = fmt_snprintf(ours, sizeof(ours), __VA_ARGS__);    \
		int n2 = snprintf(libc, sizeof(libc), __VA_ARGS__);        \
		UNIT_CHECK_STR(ours, libc);                                \
		UNIT_CHECK(n1 == n2);                                      \
	} while (0)

static void integers_match_libc(void)
{
	SAME_AS_LIBC("%d %i %u", -42, 0, 4000000000u);
	SAME_AS_LIBC("%ld %lu", (long)INT64_MIN, (unsigned long)UINT64_MAX);
	SAME_AS_LIBC("%lld %zu %hhd %hd", -1ll, (size_t)77, 300, 70000);
	SAME_AS_LIBC("%+d % d %+d", 5, 5, -5);
}

static void hex_octal_and_pointers_match_libc(void)
{
	SAME_AS_LIBC("%x %X %#x %#X %#x", 0xbeefu, 0xbeefu, 0x10u, 0x10u, 0u);
	SAME_AS_LIBC("%016lx %#lx", 0xffffffff80100000ul, 0x1ul);
	SAME_AS_LIBC("%o %#o %#o", 8u, 8u, 0u);
	SAME_AS_LIBC("%p", (void *)0x1234);
}

static void width_precision_and_flags_match_libc(void)
{
	SAME_AS_LIBC("[%5d] [%-5d] [%05d] [%-05d]", 42, 42, -42, 42);
	SAME_AS_LIBC("[%.3d] [%8.3d] [%08.3d] [%.0d]", 7, 7, 7, 0);
	SAME_AS_LIBC("[%*d] [%-*d] [%.*d]", 6, 1, 6, 1, 4, 1);
	SAME_AS_LIBC("[%10s] [%-10s] [%.2s] [%c] [%3c] [%%]", "abc", "abc", "abc", 'x', 'y');
}

static void truncation_keeps_terminator_and_full_length(void)
{
	char buf[5];
	int n = fmt_snprintf(buf, sizeof(buf), "%s", "abcdefgh");

	UNIT_CHECK(n == 8);
	UNIT_CHECK_STR(buf, "abcd");
	UNIT_CHECK(fmt_snprintf(NULL, 0, "%d", 12345) == 5);
}

static void null_string_prints_placeholder(void)
{
	char buf[16];

	fmt_snprintf(buf, sizeof(buf), "%s", (char *)NULL);
	UNIT_CHECK_STR(buf, "(null)");
}

static const struct unit_case cases[] = {
	UNIT_CASE(integers_match_libc),
	UNIT_CASE(hex_octal_and_pointers_match_libc),
	UNIT_CASE(width_precision_and_flags_match_libc),
	UNIT_CASE(truncation_keeps_terminator_and_full_length),
	UNIT_CASE(null_string_prints_placeholder),
};
UNIT_MAIN("host/fmt", cases)
