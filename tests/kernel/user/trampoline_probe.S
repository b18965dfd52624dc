/*
 * trampoline_probe.S: a Linux `syscall` made with every register known,
 * for the trampoline tests (trampoline.c). tramp_probe(number) fills every
 * general register with tramp_expected[] (rax = number, rsp kept), the
 * 128-byte red zone below rsp with a pattern, xmm0 and xmm15 with
 * tramp_xmm_pattern, sets CF and DF, executes `syscall`, and stores what
 * it finds afterwards: registers (emulation_frame order) in tramp_after,
 * rsp before and after, the red zone, xmm0/xmm15, rflags and the quadword
 * at %fs:0. Returns rax.
 */
	.data
	.balign 16
	.globl tramp_expected
tramp_expected:         /* rax rbx rcx rdx rsi rdi rbp rsp r8-r15 */
	.quad 0, 0x1111111111111101, 0x2222222222222202, 0x3333333333333303
	.quad 0x4444444444444404, 0x5555555555555505, 0x6666666666666606, 0
	.quad 0x8888888888888808, 0x9999999999999909, 0xaaaaaaaaaaaaaa0a, 0xbbbbbbbbbbbbbb0b
	.quad 0xcccccccccccccc0c, 0xdddddddddddddd0d, 0xeeeeeeeeeeeeee0e, 0xffffffffffffff0f
	.globl tramp_xmm_pattern
tramp_xmm_pattern:
	.quad 0x0123456789abcdef, 0xfedcba9876543210

	.bss
	.balign 16
	.globl tramp_after, tramp_rsp_before, tramp_redzone_after, tramp_xmm0_after
	.globl tramp_xmm15_after, tramp_rflags_after, tramp_fs0_after
tramp_after:            .zero 16 * 8
tramp_rsp_before:       .zero 8
tramp_redzone_after:    .zero 128
tramp_xmm0_after:       .zero 16
tramp_xmm15_after:      .zero 16
tramp_rflags_after:     .zero 8
tramp_fs0_after:        .zero 8

#define REDZONE_PATTERN 0x7e57000000000000

	.text
	.globl tramp_probe, tramp_probe_next
	.type tramp_probe, @function
tramp_probe:
	pushq %rbx
	pushq %rbp
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rdi, tramp_expected(%rip)         /* rax: the call number */
	movq %rsp, tramp_rsp_before(%rip)
	movq %rsp, tramp_expected + 56(%rip)
	movq $REDZONE_PATTERN, %rax             /* red zone: pattern + index */
	movq $1, %rcx
1:	movq %rcx, %rdx
	orq %rax, %rdx
	movq %rcx, %rbx
	negq %rbx
	movq %rdx, (%rsp,%rbx,8)
	incq %rcx
	cmpq $16, %rcx
	jbe 1b
	movdqu tramp_xmm_pattern(%rip), %xmm0
	movdqu tramp_xmm_pattern(%rip), %xmm15
	movq tramp_expected + 0(%rip), %rax
	movq tramp_expected + 8(%rip), %rbx
	movq tramp_expected + 16(%rip), %rcx
	movq tramp_expected + 24(%rip), %rdx
	movq tramp_expected + 32(%rip), %rsi
	movq tramp_expected + 40(%rip), %rdi
	movq tramp_expected + 48(%rip), %rbp
	movq tramp_expected + 64(%rip), %r8
	movq tramp_expected + 72(%rip), %r9
	movq tramp_expected + 80(%rip), %r10
	movq tramp_expected + 88(%rip), %r11
	movq tramp_expected + 96(%rip), %r12
	movq tramp_expected + 104(%rip), %r13
	movq tramp_expected + 112(%rip), %r14
	movq tramp_expected + 120(%rip), %r15
	stc
	std
	syscall
tramp_probe_next:
	movq %rax, tramp_after + 0(%rip)
	movq %rbx, tramp_after + 8(%rip)
	movq %rcx, tramp_after + 16(%rip)
	movq %rdx, tramp_after + 24(%rip)
	movq %rsi, tramp_after + 32(%rip)
	movq %rdi, tramp_after + 40(%rip)
	movq %rbp, tramp_after + 48(%rip)
	movq %rsp, tramp_after + 56(%rip)
	movq %r8, tramp_after + 64(%rip)
	movq %r9, tramp_after + 72(%rip)
	movq %r10, tramp_after + 80(%rip)
	movq %r11, tramp_after + 88(%rip)
	movq %r12, tramp_after + 96(%rip)
	movq %r13, tramp_after + 104(%rip)
	movq %r14, tramp_after + 112(%rip)
	movq %r15, tramp_after + 120(%rip)
	movdqu %xmm0, tramp_xmm0_after(%rip)
	movdqu %xmm15, tramp_xmm15_after(%rip)
	movq %fs:0, %rax
	movq %rax, tramp_fs0_after(%rip)
	.set i, 0                               /* the red zone, before pushfq */
	.rept 16                                /* uses it; movs keep the flags */
	movq -128 + 8 * i(%rsp), %rax
	movq %rax, tramp_redzone_after + 8 * i(%rip)
	.set i, i + 1
	.endr
	pushfq
	popq %rax
	movq %rax, tramp_rflags_after(%rip)
	cld
	pxor %xmm0, %xmm0
	pxor %xmm15, %xmm15
	movq tramp_after + 0(%rip), %rax
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbp
	popq %rbx
	ret
	.size tramp_probe, . - tramp_probe

	.section .note.GNU-stack, "", @progbits
