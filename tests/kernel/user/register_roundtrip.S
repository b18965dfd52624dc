/*
 * register_roundtrip.S: trap_register_roundtrip(before, after) loads a
 * distinct value into every register a trap must preserve, records them in
 * before[], makes the null trap, and records them again in after[].
 * Slots: rbx rdx rsi rbp r8 r9 r10 r12 r13 r14 r15 rsp rdi.
 */
	.text
	.globl trap_register_roundtrip
trap_register_roundtrip:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsi, %r11                 /* after[], until the trap */
	pushq %r11
	movq $0x1111, %rbx;  movq %rbx, 0(%rdi)
	movq $0x2222, %rdx;  movq %rdx, 8(%rdi)
	movq $0x3333, %rsi;  movq %rsi, 16(%rdi)
	movq $0x4444, %rbp;  movq %rbp, 24(%rdi)
	movq $0x5555, %r8;   movq %r8, 32(%rdi)
	movq $0x6666, %r9;   movq %r9, 40(%rdi)
	movq $0x7777, %r10;  movq %r10, 48(%rdi)
	movq $0x8888, %r12;  movq %r12, 56(%rdi)
	movq $0x9999, %r13;  movq %r13, 64(%rdi)
	movq $0xaaaa, %r14;  movq %r14, 72(%rdi)
	movq $0xbbbb, %r15;  movq %r15, 80(%rdi)
	movq %rsp, 88(%rdi)
	movq %rdi, 96(%rdi)
	movq $-5, %rax                  /* the null trap (mk/traps.h) */
	syscall
	movq (%rsp), %rax               /* after[] */
	movq %rbx, 0(%rax);  movq %rdx, 8(%rax);  movq %rsi, 16(%rax)
	movq %rbp, 24(%rax); movq %r8, 32(%rax);  movq %r9, 40(%rax)
	movq %r10, 48(%rax); movq %r12, 56(%rax); movq %r13, 64(%rax)
	movq %r14, 72(%rax); movq %r15, 80(%rax); movq %rsp, 88(%rax)
	movq %rdi, 96(%rax)
	popq %r11
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret
