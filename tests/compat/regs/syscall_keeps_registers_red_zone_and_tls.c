/*
 * A system call changes rax (the result), rcx and r11 and nothing else
 * the program can see: every other general register, xmm0/xmm15, the
 * 128-byte red zone below rsp, the flags the program set (CF, DF) and the
 * FS base (thread-local storage) are as before. Checked for a call the
 * server answers (getppid), one answered without it (sched_yield), one
 * that does not exist (-ENOSYS), and a negative number.
 */
#include "../compat.h"

#define REDZONE_QUADS 16

/* probe(nr, in, out): in[0..15] go into rax..r15 (rax = nr; rsp and
 * the probe's own scratch excepted), the red zone is filled, xmm0/xmm15
 * loaded, CF and DF set; after `syscall` everything is stored to out:
 * out[0..15] registers (order rax rbx rcx rdx rsi rdi rbp rsp r8..r15),
 * out[16..31] the red zone, out[32..35] xmm0 and xmm15, out[36] rflags. */
long probe(long nr, const unsigned long *in, unsigned long *out);
__asm__(
	".text\n"
	".globl probe\n"
	"probe:\n"
	"	pushq %rbx\n pushq %rbp\n pushq %r12\n pushq %r13\n pushq %r14\n pushq %r15\n"
	"	movq %rdx, probe_out(%rip)\n"
	"	movq %rsp, probe_rsp(%rip)\n"
	"	movq %rdi, %rax\n"
	"	xorl %ecx, %ecx\n"
	"1:	movq %rcx, %rdx\n"
	"	orq 120(%rsi), %rdx\n"              /* pattern | index */
	"	negq %rcx\n"
	"	movq %rdx, -8(%rsp,%rcx,8)\n"
	"	negq %rcx\n"
	"	incq %rcx\n"
	"	cmpq $16, %rcx\n"
	"	jne 1b\n"
	"	movq 8(%rsi), %xmm0\n"
	"	movq 16(%rsi), %xmm15\n"
	"	movq 8(%rsi), %rbx\n"
	"	movq 24(%rsi), %rdx\n"
	"	movq 40(%rsi), %rdi\n"
	"	movq 48(%rsi), %rbp\n"
	"	movq 64(%rsi), %r8\n"
	"	movq 72(%rsi), %r9\n"
	"	movq 80(%rsi), %r10\n"
	"	movq 96(%rsi), %r12\n"
	"	movq 104(%rsi), %r13\n"
	"	movq 112(%rsi), %r14\n"
	"	movq 120(%rsi), %r15\n"
	"	movq 32(%rsi), %rsi\n"
	"	stc\n std\n"
	"	syscall\n"
	/* Nothing below touches the stack or the flags until both are saved. */
	"	movq %rax, probe_rax(%rip)\n"
	"	movq probe_out(%rip), %rax\n"
	"	movq %rbx, 8(%rax)\n movq %rcx, 16(%rax)\n movq %rdx, 24(%rax)\n"
	"	movq %rsi, 32(%rax)\n movq %rdi, 40(%rax)\n movq %rbp, 48(%rax)\n"
	"	movq %rsp, 56(%rax)\n movq %r8, 64(%rax)\n movq %r9, 72(%rax)\n"
	"	movq %r10, 80(%rax)\n movq %r11, 88(%rax)\n movq %r12, 96(%rax)\n"
	"	movq %r13, 104(%rax)\n movq %r14, 112(%rax)\n movq %r15, 120(%rax)\n"
	"	movq %xmm0, %rcx\n movq %rcx, 256(%rax)\n"
	"	movq %xmm15, %rcx\n movq %rcx, 264(%rax)\n"
	"	movq -8(%rsp), %rdx\n movq %rdx, 128(%rax)\n"
	"	movq -16(%rsp), %rdx\n movq %rdx, 136(%rax)\n"
	"	movq -24(%rsp), %rdx\n movq %rdx, 144(%rax)\n"
	"	movq -32(%rsp), %rdx\n movq %rdx, 152(%rax)\n"
	"	movq -40(%rsp), %rdx\n movq %rdx, 160(%rax)\n"
	"	movq -48(%rsp), %rdx\n movq %rdx, 168(%rax)\n"
	"	movq -56(%rsp), %rdx\n movq %rdx, 176(%rax)\n"
	"	movq -64(%rsp), %rdx\n movq %rdx, 184(%rax)\n"
	"	movq -72(%rsp), %rdx\n movq %rdx, 192(%rax)\n"
	"	movq -80(%rsp), %rdx\n movq %rdx, 200(%rax)\n"
	"	movq -88(%rsp), %rdx\n movq %rdx, 208(%rax)\n"
	"	movq -96(%rsp), %rdx\n movq %rdx, 216(%rax)\n"
	"	movq -104(%rsp), %rdx\n movq %rdx, 224(%rax)\n"
	"	movq -112(%rsp), %rdx\n movq %rdx, 232(%rax)\n"
	"	movq -120(%rsp), %rdx\n movq %rdx, 240(%rax)\n"
	"	movq -128(%rsp), %rdx\n movq %rdx, 248(%rax)\n"
	"	pushfq\n"
	"	popq %rcx\n"
	"	movq %rcx, 288(%rax)\n"
	"	cld\n"
	"	movq probe_rax(%rip), %rcx\n movq %rcx, 0(%rax)\n"
	"	movq %rcx, %rax\n"
	"	popq %r15\n popq %r14\n popq %r13\n popq %r12\n popq %rbp\n popq %rbx\n"
	"	ret\n"
	".data\n"
	"probe_out: .quad 0\n probe_rsp: .quad 0\n probe_rax: .quad 0\n"
	".text\n");
extern unsigned long probe_rsp;

static __thread unsigned long tls_marker = 0x7157000000000001ul;

static void check_call(const char *what, long nr)
{
	unsigned long in[16], out[40];
	int ok_regs = 1, ok_red = 1;

	for (int i = 0; i < 16; i++)
		in[i] = 0x1100000000000000ul * (unsigned long)(i + 1) + 0x0123456789ul * (unsigned long)i;
	in[15] |= 0xa500000000000000ul;
	unsigned long fs_before;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(fs_before));
	long r = probe(nr, in, out);
	unsigned long fs_after;
	__asm__ volatile("movq %%fs:0, %0" : "=r"(fs_after));
	/* rax is the result, rcx and r11 belong to the kernel, rsp is checked
	 * against the value the probe saw. */
	for (int i = 1; i < 16; i++) {
		if (i == 2 || i == 11)
			continue;
		unsigned long want = i == 7 ? probe_rsp : in[i];
		if (out[i] != want) {
			printf("  register %d changed\n", i);
			ok_regs = 0;
		}
	}
	for (int i = 0; i < REDZONE_QUADS; i++)
		if (out[16 + i] != (in[15] | (unsigned long)i))
			ok_red = 0;
	printf("%s: result %s\n", what, r >= 0 ? "ok" : errname((int)-r));
	printf("  general registers kept: %s\n", ok_regs ? "yes" : "no");
	printf("  rcx is the return address: %s\n", out[2] > 0x1000 ? "yes" : "no");
	printf("  r11 holds the flags (CF and DF): %s\n",
	       (out[11] & 0x401) == 0x401 ? "yes" : "no");
	printf("  flags after it keep CF and DF: %s\n", (out[36] & 0x401) == 0x401 ? "yes" : "no");
	printf("  red zone kept: %s\n", ok_red ? "yes" : "no");
	printf("  xmm0 and xmm15 kept: %s\n", out[32] == in[1] && out[33] == in[2] ? "yes" : "no");
	printf("  TLS kept: %s\n", fs_before == fs_after && tls_marker == 0x7157000000000001ul
	       ? "yes" : "no");
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	check_call("getppid", SYS_getppid);
	check_call("sched_yield", SYS_sched_yield);
	check_call("call 500 (none)", 500);
	check_call("call -5 (negative)", -5);
	return 0;
}
