/*
 * initial_stack.c: builds Linux's initial stack (see initial_stack.h).
 * Works downwards from stack_top as fs/exec.c and create_elf_tables() do:
 * strings first, then the platform string and random bytes, then the
 * vectors placed so that rsp lands on a 16-byte boundary.
 */
#include "exec/initial_stack.h"
#include "exec/exec_errno.h"
#include "lib/string.h"

static const char platform[] = "x86_64";
static const char *const empty_argv[] = { "" };

/* A downward cursor over buf, which stands for [top - size, top). */
struct cursor {
	char *buf;
	uint64_t low, p;
};

static int reserve(struct cursor *c, uint64_t len)
{
	if (len > c->p - c->low)
		return -LX_E2BIG;
	c->p -= len;
	return 0;
}

static void put(struct cursor *c, uint64_t addr, const void *src, uint64_t len)
{
	memcpy(c->buf + (addr - c->low), src, len);
}

static void put_word(struct cursor *c, uint64_t addr, uint64_t value)
{
	put(c, addr, &value, 8);
}

uint64_t initial_stack_arg_limit(uint64_t stack_rlimit)
{
	uint64_t limit = LINUX_STK_LIM / 4 * 3;

	if (stack_rlimit / 4 < limit)
		limit = stack_rlimit / 4;
	return limit < LINUX_ARG_MAX ? LINUX_ARG_MAX : limit;
}

/* Linux's count: one pointer per string, then every string with its NUL. */
static int check_limits(const struct initial_stack_args *a, const char *const *argv,
			size_t argc, uint64_t *strings_len)
{
	uint64_t limit = a->arg_limit;

	*strings_len = 0;
	if (argc > limit / 8 || a->envc > limit / 8 - argc)
		return -LX_E2BIG;
	limit -= (argc + a->envc) * 8;
	for (size_t i = 0; i < argc + a->envc; i++) {
		uint64_t len = strlen(i < argc ? argv[i] : a->envp[i - argc]) + 1;
		if (len > LINUX_MAX_ARG_STRLEN || len > limit)
			return -LX_E2BIG;
		limit -= len;
		*strings_len += len;
	}
	return 0;
}

static void fill_auxv(const struct initial_stack_args *a, const struct initial_stack_layout *l,
		      uint64_t v[2 * INITIAL_STACK_AUXV_PAIRS])
{
	const uint64_t pairs[INITIAL_STACK_AUXV_PAIRS][2] = {
		{ AT_HWCAP, a->hwcap },     { AT_PAGESZ, 4096 },
		{ AT_CLKTCK, 100 },         { AT_PHDR, a->phdr },
		{ AT_PHENT, a->phent },     { AT_PHNUM, a->phnum },
		{ AT_BASE, a->base },       { AT_FLAGS, 0 },
		{ AT_ENTRY, a->entry },     { AT_UID, a->uid },
		{ AT_EUID, a->euid },       { AT_GID, a->gid },
		{ AT_EGID, a->egid },       { AT_SECURE, a->secure ? 1 : 0 },
		{ AT_RANDOM, l->random },   { AT_EXECFN, l->execfn },
		{ AT_PLATFORM, l->platform }, { AT_NULL, 0 },
	};
	memcpy(v, pairs, sizeof(pairs));
}

/* Reserves every part top down, recording addresses; writes nothing. */
static int place(struct cursor *c, const struct initial_stack_args *a, size_t argc,
		 uint64_t strings_len, struct initial_stack_layout *l)
{
	uint64_t words = 1 + (argc + 1) + (a->envc + 1) + 2 * INITIAL_STACK_AUXV_PAIRS;
	uint64_t execfn_len = strlen(a->execfn) + 1;
	int err;

	if (execfn_len > LINUX_MAX_ARG_STRLEN)
		return -LX_E2BIG;
	if ((err = reserve(c, 8)) || (err = reserve(c, execfn_len)))
		return err;
	l->execfn = c->p;
	if ((err = reserve(c, strings_len)) || (err = reserve(c, c->p % 16)))
		return err;
	l->strings = l->execfn - strings_len;
	if ((err = reserve(c, sizeof(platform))))
		return err;
	l->platform = c->p;
	if ((err = reserve(c, 16)))
		return err;
	l->random = c->p;
	if (words > (c->p - c->low) / 8 || (err = reserve(c, words * 8 + (c->p - words * 8) % 16)))
		return -LX_E2BIG;
	l->rsp = c->p;
	l->argv = l->rsp + 8;
	l->envp = l->argv + 8 * (argc + 1);
	l->auxv = l->envp + 8 * (a->envc + 1);
	return 0;
}

/* Each string goes at the next free byte from layout->strings up, and its
 * address into the vector at vec. */
static uint64_t put_strings(struct cursor *c, const char *const *s, size_t n,
			    uint64_t vec, uint64_t at)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t len = strlen(s[i]) + 1;
		put(c, at, s[i], len);
		put_word(c, vec + 8 * i, at);
		at += len;
	}
	put_word(c, vec + 8 * n, 0);
	return at;
}

int initial_stack_build(const struct initial_stack_args *a, uint64_t stack_top,
			void *buf, size_t size, struct initial_stack_layout *l)
{
	const char *const *argv = a->argc ? a->argv : empty_argv;
	size_t argc = a->argc ? a->argc : 1;
	struct cursor c = { buf, stack_top - size, stack_top };
	uint64_t strings_len, auxv[2 * INITIAL_STACK_AUXV_PAIRS];
	int err;

	if ((stack_top & 15) || size > stack_top || !a->execfn || !a->random)
		return -LX_EINVAL;
	if ((err = check_limits(a, argv, argc, &strings_len)) ||
	    (err = place(&c, a, argc, strings_len, l)))
		return err;
	put_word(&c, stack_top - 8, 0);
	put(&c, l->execfn, a->execfn, strlen(a->execfn) + 1);
	put_strings(&c, a->envp, a->envc, l->envp,
		    put_strings(&c, argv, argc, l->argv, l->strings));
	put(&c, l->platform, platform, sizeof(platform));
	put(&c, l->random, a->random, 16);
	put_word(&c, l->rsp, argc);
	fill_auxv(a, l, auxv);
	put(&c, l->auxv, auxv, sizeof(auxv));
	return 0;
}
