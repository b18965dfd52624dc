/*
 * test_initial_stack.c: Linux's initial stack as exec/initial_stack.c builds
 * it, read back field by field from the buffer, and its limits.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "exec/initial_stack.c"

#define TOP 0x7ffffffff000ull
#define SIZE 0x10000ull

static uint8_t stack[SIZE];
static const uint8_t random_bytes[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
static const char *const test_argv[] = { "/bin/prog", "-x", "" , "last arg" };
static const char *const test_envp[] = { "HOME=/", "PATH=/bin:/usr/bin" };

static uint64_t word(uint64_t addr) { uint64_t w; memcpy(&w, stack + (addr - (TOP - SIZE)), 8); return w; }
static const char *str(uint64_t addr) { return (const char *)stack + (addr - (TOP - SIZE)); }

static struct initial_stack_args args(void)
{
	return (struct initial_stack_args){
		.argv = test_argv, .argc = 4, .envp = test_envp, .envc = 2,
		.execfn = "/bin/prog-path", .random = random_bytes,
		.arg_limit = initial_stack_arg_limit(8 << 20),
		.phdr = 0x400040, .phent = 56, .phnum = 10, .entry = 0x401234,
		.hwcap = 0x178bfbff, .uid = 1000, .euid = 1001, .gid = 100, .egid = 101,
	};
}

static int build(const struct initial_stack_args *a, struct initial_stack_layout *l)
{
	memset(stack, 0xa5, sizeof(stack));
	return initial_stack_build(a, TOP, stack, SIZE, l);
}

static void vectors_hold_argc_argv_envp(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	UNIT_CHECK(build(&a, &l) == 0);
	UNIT_CHECK(l.rsp % 16 == 0);
	UNIT_CHECK(word(l.rsp) == 4);
	UNIT_CHECK(l.argv == l.rsp + 8 && l.envp == l.argv + 5 * 8 && l.auxv == l.envp + 3 * 8);
	for (int i = 0; i < 4; i++)
		UNIT_CHECK_STR(str(word(l.argv + 8 * i)), test_argv[i]);
	UNIT_CHECK(word(l.argv + 32) == 0);
	for (int i = 0; i < 2; i++)
		UNIT_CHECK_STR(str(word(l.envp + 8 * i)), test_envp[i]);
	UNIT_CHECK(word(l.envp + 16) == 0);
}

static void auxv_in_linux_order_with_values(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;
	const uint64_t want[][2] = {
		{ AT_HWCAP, 0x178bfbff }, { AT_PAGESZ, 4096 }, { AT_CLKTCK, 100 },
		{ AT_PHDR, 0x400040 }, { AT_PHENT, 56 }, { AT_PHNUM, 10 }, { AT_BASE, 0 },
		{ AT_FLAGS, 0 }, { AT_ENTRY, 0x401234 }, { AT_UID, 1000 }, { AT_EUID, 1001 },
		{ AT_GID, 100 }, { AT_EGID, 101 }, { AT_SECURE, 0 }, { AT_RANDOM, 0 },
		{ AT_EXECFN, 0 }, { AT_PLATFORM, 0 }, { AT_NULL, 0 },
	};

	UNIT_CHECK(build(&a, &l) == 0);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		UNIT_CHECK(word(l.auxv + 16 * i) == want[i][0]);
		if (want[i][0] != AT_RANDOM && want[i][0] != AT_EXECFN && want[i][0] != AT_PLATFORM)
			UNIT_CHECK(word(l.auxv + 16 * i + 8) == want[i][1]);
	}
	UNIT_CHECK(word(l.auxv + 16 * 14 + 8) == l.random);
	UNIT_CHECK(!memcmp(str(l.random), random_bytes, 16));
	UNIT_CHECK(word(l.auxv + 16 * 15 + 8) == l.execfn);
	UNIT_CHECK_STR(str(l.execfn), "/bin/prog-path");
	UNIT_CHECK(word(l.auxv + 16 * 16 + 8) == l.platform);
	UNIT_CHECK_STR(str(l.platform), "x86_64");
}

/* Top down: 8 zero bytes, execfn, envp strings, argv strings (argv[0]
 * lowest), alignment, platform, random, then at most 15 bytes of padding
 * above AT_NULL. */
static void strings_sit_where_linux_puts_them(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	UNIT_CHECK(build(&a, &l) == 0);
	UNIT_CHECK(word(TOP - 8) == 0);
	UNIT_CHECK(l.execfn == TOP - 8 - sizeof("/bin/prog-path"));
	UNIT_CHECK(word(l.argv) == l.strings);
	uint64_t at = l.strings;
	for (int i = 0; i < 4; i++) {
		UNIT_CHECK(word(l.argv + 8 * i) == at);
		at += strlen(test_argv[i]) + 1;
	}
	for (int i = 0; i < 2; i++) {
		UNIT_CHECK(word(l.envp + 8 * i) == at);
		at += strlen(test_envp[i]) + 1;
	}
	UNIT_CHECK(at == l.execfn);
	UNIT_CHECK(l.platform == (l.strings & ~15ull) - 7);
	UNIT_CHECK(l.random == l.platform - 16);
	uint64_t auxv_end = l.auxv + 16 * INITIAL_STACK_AUXV_PAIRS;
	UNIT_CHECK(auxv_end <= l.random && l.random - auxv_end < 16);
}

static void only_the_image_is_written(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	UNIT_CHECK(build(&a, &l) == 0);
	UNIT_CHECK(stack[l.rsp - (TOP - SIZE) - 1] == 0xa5);
}

static void empty_argv_becomes_one_empty_string(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	a.argc = 0;
	a.argv = NULL;
	UNIT_CHECK(build(&a, &l) == 0);
	UNIT_CHECK(word(l.rsp) == 1);
	UNIT_CHECK_STR(str(word(l.argv)), "");
	UNIT_CHECK(word(l.argv + 8) == 0);
}

static void no_environment_is_an_empty_envp(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	a.envc = 0;
	a.envp = NULL;
	UNIT_CHECK(build(&a, &l) == 0);
	UNIT_CHECK(word(l.envp) == 0 && l.auxv == l.envp + 8);
	UNIT_CHECK(word(l.auxv) == AT_HWCAP);
}

static void alignment_holds_for_every_argument_count(void)
{
	static const char *const many[] = { "a", "bb", "ccc", "dddd", "e", "f", "g", "h" };
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	for (size_t argc = 1; argc <= 8; argc++)
		for (size_t envc = 0; envc <= 8; envc++) {
			a.argv = many;
			a.argc = argc;
			a.envp = many;
			a.envc = envc;
			UNIT_CHECK(build(&a, &l) == 0 && l.rsp % 16 == 0 && word(l.rsp) == argc);
		}
}

static void arg_limit_follows_the_stack_rlimit(void)
{
	UNIT_CHECK(initial_stack_arg_limit(8 << 20) == 2 << 20);
	UNIT_CHECK(initial_stack_arg_limit(~0ull) == 6 << 20);
	UNIT_CHECK(initial_stack_arg_limit(64 << 10) == 128 << 10);
}

static void too_long_string_is_e2big(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;
	char *big = malloc(LINUX_MAX_ARG_STRLEN + 1);
	static uint8_t huge[LINUX_MAX_ARG_STRLEN * 3];

	memset(big, 'x', LINUX_MAX_ARG_STRLEN);
	big[LINUX_MAX_ARG_STRLEN] = 0;
	const char *argv[] = { big };
	a.argv = argv;
	a.argc = 1;
	UNIT_CHECK(initial_stack_build(&a, TOP, huge, sizeof(huge), &l) == -E2BIG);
	big[LINUX_MAX_ARG_STRLEN - 1] = 0;           /* exactly the limit: fits */
	UNIT_CHECK(initial_stack_build(&a, TOP, huge, sizeof(huge), &l) == 0);
	a.argv = test_argv;
	a.argc = 4;
	a.execfn = big;
	big[LINUX_MAX_ARG_STRLEN - 1] = 'x';
	UNIT_CHECK(initial_stack_build(&a, TOP, huge, sizeof(huge), &l) == -E2BIG);
	free(big);
}

static void over_the_arg_limit_is_e2big(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;
	/* 6 pointers (48) + strings 10+3+1+9 + 7+19 = 49: 97 bytes in all. */
	a.arg_limit = 97;
	UNIT_CHECK(build(&a, &l) == 0);
	a.arg_limit = 96;
	UNIT_CHECK(build(&a, &l) == -E2BIG);
	a.arg_limit = 8;
	UNIT_CHECK(build(&a, &l) == -E2BIG);
}

static void buffer_too_small_is_e2big(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	UNIT_CHECK(build(&a, &l) == 0);
	uint64_t need = TOP - l.rsp;
	UNIT_CHECK(initial_stack_build(&a, TOP, stack + SIZE - need, need, &l) == 0);
	for (uint64_t size = 0; size < need; size += 7)
		UNIT_CHECK(initial_stack_build(&a, TOP, stack + SIZE - size, size, &l) == -E2BIG);
	UNIT_CHECK(initial_stack_build(&a, TOP, stack + 1, need - 1, &l) == -E2BIG);
}

static void bad_arguments_are_einval(void)
{
	struct initial_stack_args a = args();
	struct initial_stack_layout l;

	UNIT_CHECK(initial_stack_build(&a, TOP - 8, stack, SIZE, &l) == -EINVAL);
	UNIT_CHECK(initial_stack_build(&a, 0x1000, stack, SIZE, &l) == -EINVAL);
	a.random = NULL;
	UNIT_CHECK(build(&a, &l) == -EINVAL);
}

int main(void)
{
	static const struct unit_case cases[] = {
		UNIT_CASE(vectors_hold_argc_argv_envp),
		UNIT_CASE(auxv_in_linux_order_with_values),
		UNIT_CASE(strings_sit_where_linux_puts_them),
		UNIT_CASE(only_the_image_is_written),
		UNIT_CASE(empty_argv_becomes_one_empty_string),
		UNIT_CASE(no_environment_is_an_empty_envp),
		UNIT_CASE(alignment_holds_for_every_argument_count),
		UNIT_CASE(arg_limit_follows_the_stack_rlimit),
		UNIT_CASE(too_long_string_is_e2big),
		UNIT_CASE(over_the_arg_limit_is_e2big),
		UNIT_CASE(buffer_too_small_is_e2big),
		UNIT_CASE(bad_arguments_are_einval),
	};
	return unit_main("initial_stack", cases, sizeof(cases) / sizeof(cases[0]));
}
