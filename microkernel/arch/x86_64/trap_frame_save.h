/*
 * trap_frame_save.h: the assembly that pushes and pops the general
 * registers of a struct trap_frame (trap_frame.h), used by both ways into
 * the kernel (trap_entry.S, syscall_entry.S) so the order exists once.
 */
#ifndef MK_ARCH_TRAP_FRAME_SAVE_H
#define MK_ARCH_TRAP_FRAME_SAVE_H

.macro PUSH_GENERAL_REGISTERS
	pushq %rax
	pushq %rbx
	pushq %rcx
	pushq %rdx
	pushq %rsi
	pushq %rdi
	pushq %rbp
	pushq %r8
	pushq %r9
	pushq %r10
	pushq %r11
	pushq %r12
	pushq %r13
	pushq %r14
	pushq %r15
.endm

.macro POP_GENERAL_REGISTERS
	popq %r15
	popq %r14
	popq %r13
	popq %r12
	popq %r11
	popq %r10
	popq %r9
	popq %r8
	popq %rbp
	popq %rdi
	popq %rsi
	popq %rdx
	popq %rcx
	popq %rbx
	popq %rax
.endm

#endif
