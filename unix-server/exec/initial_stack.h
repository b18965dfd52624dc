/*
 * initial_stack.h: Linux's initial process stack for a new image.
 *
 * initial_stack_build() writes, into a buffer standing for the top of the
 * new stack, what x86-64 Linux's execve leaves there (fs/exec.c and
 * create_elf_tables in fs/binfmt_elf.c), from high to low addresses:
 *
 *   stack_top - 8 .. stack_top   8 zero bytes (Linux's end marker)
 *   AT_EXECFN string             the filename given to execve
 *   envp strings, argv strings   in order: argv[0] lowest
 *   (16-byte alignment)
 *   "x86_64"                     AT_PLATFORM
 *   16 random bytes              AT_RANDOM
 *   (padding)
 *   auxv pairs ending with AT_NULL, NULL, envp[], NULL, argv[], argc  <- rsp
 *
 * rsp is 16-byte aligned and points at argc. No stack randomisation (Linux
 * adds a random offset below the strings; none here, so images repeat).
 *
 * Limits, as Linux 6.x (fs/exec.c): each string, with its NUL, at most
 * MAX_ARG_STRLEN (32 pages) bytes; the argv and envp strings plus one
 * pointer each at most arg_limit, which initial_stack_arg_limit() derives
 * from RLIMIT_STACK as Linux does. Past either, or past the buffer: -E2BIG.
 * An empty argv becomes { "" } as Linux has done since 5.18.
 * The strings are read from server memory: copying them in from the old
 * image (and its -EFAULT) is the caller's business.
 */
#ifndef UX_EXEC_INITIAL_STACK_H
#define UX_EXEC_INITIAL_STACK_H

#include <stddef.h>
#include <stdint.h>

#define LINUX_MAX_ARG_STRLEN (32 * 4096ull)
#define LINUX_ARG_MAX        (32 * 4096ull)      /* the limit's floor */
#define LINUX_STK_LIM        (8 * 1024 * 1024ull)

#define AT_NULL      0
#define AT_PHDR      3
#define AT_PHENT     4
#define AT_PHNUM     5
#define AT_PAGESZ    6
#define AT_BASE      7
#define AT_FLAGS     8
#define AT_ENTRY     9
#define AT_UID       11
#define AT_EUID      12
#define AT_GID       13
#define AT_EGID      14
#define AT_PLATFORM  15
#define AT_HWCAP     16
#define AT_CLKTCK    17
#define AT_SECURE    23
#define AT_RANDOM    25
#define AT_EXECFN    31

#define INITIAL_STACK_AUXV_PAIRS 18     /* the 17 entries above and AT_NULL */

struct initial_stack_args {
	const char *const *argv;
	size_t argc;
	const char *const *envp;
	size_t envc;
	const char *execfn;             /* AT_EXECFN: the path as given */
	const uint8_t *random;          /* AT_RANDOM: 16 bytes */
	uint64_t arg_limit;             /* initial_stack_arg_limit(rlimit) */
	/* Values of the auxiliary vector: */
	uint64_t phdr, phent, phnum, entry;
	uint64_t base;                  /* interpreter's base: 0 when static */
	uint64_t hwcap;                 /* CPUID.1:EDX, as Linux */
	uint32_t uid, euid, gid, egid;
	int secure;                     /* setuid/setgid exec */
};

/* Where the image's parts landed, for the caller and tests. */
struct initial_stack_layout {
	uint64_t rsp;                   /* points at argc, 16-byte aligned */
	uint64_t argv, envp, auxv;      /* addresses of the three vectors */
	uint64_t strings;               /* lowest argv string */
	uint64_t execfn, platform, random;
};

uint64_t initial_stack_arg_limit(uint64_t stack_rlimit);

/*
 * buf stands for [stack_top - size, stack_top); stack_top must be 16-byte
 * aligned. Returns 0 and fills *layout, or -E2BIG or -EINVAL (misaligned
 * top, missing execfn or random). Only the bytes from layout->rsp up to
 * stack_top are written.
 */
int initial_stack_build(const struct initial_stack_args *args, uint64_t stack_top,
			void *buf, size_t size, struct initial_stack_layout *layout);

#endif
