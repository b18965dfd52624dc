/*
 * crt0.S: where a native task's first thread starts. The kernel passes
 * the task's argument string in rdi and the boot info address at (%rsp)
 * (mk/bootinfo.h); native_runtime_init keeps the latter, native_main gets
 * the former, and the thread exits when native_main returns.
 */
	.text
	.globl _start
_start:
	xorl %ebp, %ebp
	movq %rdi, %r12                 /* callee-saved across the init call */
	movq (%rsp), %rdi
	andq $-16, %rsp
	call native_runtime_init
	movq %r12, %rdi
	call native_main
	movq $-3, %rax                  /* thread_exit (mk/traps.h) */
	syscall
	ud2
