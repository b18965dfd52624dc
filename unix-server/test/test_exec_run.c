/*
 * test_exec_run.c: the end-to-end check of exec's two halves on the host.
 * A forked child carries out the load plan of a real static binary with
 * mmap(MAP_FIXED) and copies (as the server will through the microkernel),
 * builds the initial stack with initial_stack_build in an mmap'd region and
 * jumps to the entry with rsp at argc. The binary's libc (musl or glibc)
 * then starts from what we built and prints it; the parent compares.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "exec_fixture.h"
#include "lib/elf.c"
#include "exec/elf_load.c"
#include "exec/initial_stack.c"

#define STACK_SIZE (1 << 20)
/* For the static-pie: low, inside ASan's LowMem, clear of the test itself. */
#define TEST_DYN_BASE 0x10000000ull

static const uint8_t random_bytes[16] = { 0x01, [15] = 0x10 };
static const char *const run_argv[] = { "/bin/fixture", "hello", "", "two words" };
static const char *const run_envp[] = { "A=1", "B=x y" };

static const char expected[] =
	"argc=4\n"
	"argv[0]=/bin/fixture\nargv[1]=hello\nargv[2]=\nargv[3]=two words\n"
	"envp[0]=A=1\nenvp[1]=B=x y\n"
	"argv[argc]=null\n"
	"AT_PAGESZ=4096\n"
	"AT_EXECFN=/bin/exec-test\n"
	"AT_PLATFORM=x86_64\n"
	"AT_RANDOM=0110\n"
	"AT_UID=1000 AT_EGID=101 AT_SECURE=0\n"
	"AT_ENTRY=_start\n"
	"AT_PHDR: 4 PT_LOAD, 1 PT_GNU_STACK\n";

static void die(const char *what)
{
	dprintf(2, "child: %s failed: %s\n", what, strerror(errno));
	_exit(3);
}

static int to_mmap_prot(int prot)
{
	return (prot & EXEC_PROT_READ ? PROT_READ : 0) | (prot & EXEC_PROT_WRITE ? PROT_WRITE : 0) |
	       (prot & EXEC_PROT_EXEC ? PROT_EXEC : 0);
}

/* What the server will do with vm calls: zeroed pages, file bytes, prot. */
static void carry_out(const struct elf_load_plan *plan, const struct fixture *f)
{
	for (size_t i = 0; i < plan->segment_count; i++) {
		const struct exec_segment *s = &plan->segments[i];
		void *at = (void *)s->start;
		if (mmap(at, s->end - s->start, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != at)
			die("mmap segment");
		memcpy(at, f->data + s->file_offset, s->file_bytes);
		if (mprotect(at, s->end - s->start, to_mmap_prot(s->prot)))
			die("mprotect");
	}
}

static __attribute__((noreturn)) void jump(uint64_t rsp, uint64_t entry)
{
	/* Linux's register state at entry: rdx 0 (no rtld fini), the rest 0. */
	__asm__ volatile("mov %0, %%rsp\n\t"
			 "mov %1, %%r11\n\t"
			 "xor %%eax, %%eax\n\txor %%ebx, %%ebx\n\txor %%ecx, %%ecx\n\t"
			 "xor %%edx, %%edx\n\txor %%esi, %%esi\n\txor %%edi, %%edi\n\t"
			 "xor %%ebp, %%ebp\n\txor %%r8d, %%r8d\n\txor %%r9d, %%r9d\n\t"
			 "xor %%r10d, %%r10d\n\txor %%r12d, %%r12d\n\txor %%r13d, %%r13d\n\t"
			 "xor %%r14d, %%r14d\n\txor %%r15d, %%r15d\n\t"
			 "jmp *%%r11" : : "r"(rsp), "r"(entry) : "memory");
	__builtin_unreachable();
}

static void child(const struct elf_load_plan *plan, const struct fixture *f)
{
	struct initial_stack_layout l;
	struct initial_stack_args a = {
		.argv = run_argv, .argc = 4, .envp = run_envp, .envc = 2,
		.execfn = "/bin/exec-test", .random = random_bytes,
		.arg_limit = initial_stack_arg_limit(8 << 20),
		.phdr = plan->phdr, .phent = plan->phent, .phnum = plan->phnum,
		.entry = plan->entry, .hwcap = 0x178bfbff,
		.uid = 1000, .euid = 1000, .gid = 101, .egid = 101,
	};
	char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (stack == MAP_FAILED)
		die("mmap stack");
	carry_out(plan, f);
	uint64_t top = (uint64_t)stack + STACK_SIZE;
	if (initial_stack_build(&a, top, stack + STACK_SIZE - 65536, 65536, &l))
		die("initial_stack_build");
	alarm(10);
	jump(l.rsp, plan->entry);
}

/* Runs the fixture in a child; returns its stdout (static buffer). */
static const char *run(const char *name, uint64_t base, int *status)
{
	static char out[4096];
	struct fixture f = fixture_read(name);
	struct elf_load_plan plan;
	int fds[2];
	size_t len = 0;
	ssize_t n;

	memset(out, 0, sizeof(out));
	if (elf_load_plan(f.data, f.size, base, &plan) || pipe(fds))
		return free(f.data), "no plan";
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		child(&plan, &f);
	}
	close(fds[1]);
	while ((n = read(fds[0], out + len, sizeof(out) - 1 - len)) > 0)
		len += n;
	close(fds[0]);
	waitpid(pid, status, 0);
	free(f.data);
	return out;
}

static void check_run(const char *name, uint64_t base)
{
	int status = -1;
	const char *got = run(name, base, &status);
	if (strcmp(got, expected))
		fprintf(stderr, "%s printed:\n%s", name, got);
	UNIT_CHECK_STR(got, expected);
	UNIT_CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void musl_static_starts_on_our_stack(void) { check_run("musl-static", EXEC_DYN_BASE); }
static void glibc_static_starts_on_our_stack(void) { check_run("glibc-static", EXEC_DYN_BASE); }
static void glibc_static_pie_starts_at_its_bias(void) { check_run("glibc-static-pie", TEST_DYN_BASE); }

int main(void)
{
	static const struct unit_case cases[] = {
		UNIT_CASE(musl_static_starts_on_our_stack),
		UNIT_CASE(glibc_static_starts_on_our_stack),
		UNIT_CASE(glibc_static_pie_starts_at_its_bias),
	};
	return unit_main("exec_run", cases, sizeof(cases) / sizeof(cases[0]));
}
