/*
 * thread_exit.S: the last instructions of a native thread (thread.c).
 * native_thread_finish(stack, free_list) pushes the thread's own stack on
 * the free list and exits in the same breath: once the push is visible
 * another thread may reuse the stack, so nothing here touches it.
 */
	.text
	.globl native_thread_finish
native_thread_finish:                   /* rdi: struct thread_stack *, rsi: list head */
	movq (%rsi), %rax
1:	movq %rax, (%rdi)               /* stack->next = head */
	lock cmpxchgq %rdi, (%rsi)      /* head = stack if still rax, else rax = head */
	jnz 1b
	movq $-3, %rax                  /* thread_exit (mk/traps.h) */
	syscall
	ud2
