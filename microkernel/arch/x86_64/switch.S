/*
 * switch.S: the register-level context switch between kernel threads.
 *
 * switch_context(&prev->saved_rsp, next->saved_rsp) saves the callee-saved
 * registers on prev's stack and restores next's; everything else was saved
 * by the C caller per the ABI. A new thread's first "return" lands in
 * thread_trampoline with fn in r12 and its argument in r13.
 */
	.section .text.hot_path, "ax"	/* kern/hot_path.h */
	.globl switch_context
switch_context:
	pushq %rbp
	pushq %rbx
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
	movq %rsp, (%rdi)
	movq %rsi, %rsp
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %rbx
	popq %rbp
	ret

	.globl thread_trampoline
thread_trampoline:
	movq %r12, %rdi
	movq %r13, %rsi
	xorl %ebp, %ebp
	call thread_first_run
	ud2
