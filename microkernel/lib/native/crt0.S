/*
 * crt0.S: where a native task's first thread starts. The kernel passes
 * the task's argument string in rdi; native_main gets it, and the thread
 * exits when native_main returns.
 */
	.text
	.globl _start
_start:
	xorl %ebp, %ebp
	andq $-16, %rsp
	call native_main
	movq $-3, %rax                  /* thread_exit (mk/traps.h) */
	syscall
	ud2
