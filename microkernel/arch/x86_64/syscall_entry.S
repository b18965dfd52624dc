/*
 * syscall_entry.S: the `syscall` instruction's entry point.
 *
 * Builds the same struct trap_frame an interrupt from user mode builds, at
 * the top of the thread's kernel stack (vector TRAP_VECTOR_SYSCALL), calls
 * syscall_dispatch(frame), and leaves through trap_return, so every way in
 * and out of the kernel shares one frame layout. Interrupts stay off: the
 * SFMASK MSR clears IF on entry, and sysretq or iretq restores the
 * user's flags.
 */
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/trap_frame.h"
#include "arch/x86_64/trap_frame_save.h"
#include "kern/percpu.h"

	.section .text.hot_path, "ax"	/* kern/hot_path.h */
	.globl syscall_entry
syscall_entry:
	swapgs
	movq %rsp, %gs:CPU_USER_RSP
	movq %gs:CPU_KERNEL_RSP, %rsp
	pushq $USER_SS
	pushq %gs:CPU_USER_RSP
	pushq %r11                      /* user rflags */
	pushq $USER_CS
	pushq %rcx                      /* user rip */
	pushq $0                        /* error code */
	pushq $TRAP_VECTOR_SYSCALL
	PUSH_GENERAL_REGISTERS
	cld
	movq %rsp, %rdi
	call syscall_dispatch
	jmp trap_return

/* Enters user mode for the first time from a prepared trap_frame. */
	.globl enter_user_frame
enter_user_frame:
	movq %rdi, %rsp
	jmp trap_return
