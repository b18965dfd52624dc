/*
 * trap_entry.S: the IDT entry stubs for the 32 CPU exceptions.
 *
 * Also the stubs for the 16 legacy IRQ vectors (32-47) and trap_return,
 * the one way back from a trap_frame to where it came from.
 *
 * Each stub makes the stack uniform (a dummy error code where the CPU pushes
 * none, then the vector), saves the general registers as struct trap_frame,
 * and calls trap_dispatch(frame). Coming from user mode it swaps GS so the
 * kernel's per-CPU base is in effect; the same on the way out.
 */
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/trap_frame.h"
#include "arch/x86_64/trap_frame_save.h"

/* RF and VM: sysretq clears them where iretq would restore them. */
#define SYSRET_CLEARS_RFLAGS ((1 << 16) | (1 << 17))

.macro TRAP_STUB vector, has_error_code
	.balign 16
trap_stub_\vector:
	.if \has_error_code == 0
	pushq $0
	.endif
	pushq $\vector
	jmp trap_common
.endm

	.section .text.hot_path, "ax"	/* kern/hot_path.h */
trap_common:
	PUSH_GENERAL_REGISTERS
	testb $3, TRAP_FRAME_CS(%rsp)
	jz 1f
	swapgs
1:	cld
	mov %rsp, %rdi
	call trap_dispatch
	.globl trap_return
trap_return:
	testb $3, TRAP_FRAME_CS(%rsp)
	jz 2f
	/* To user mode: sysretq when it restores exactly what iretq would
	 * (below), which is the common case after a trap; it is much the
	 * cheaper instruction, above all under QEMU's TCG. */
	movq TRAP_FRAME_RIP(%rsp), %rax
	cmpq TRAP_FRAME_RCX(%rsp), %rax
	jne 1f
	shrq $47, %rax                  /* canonical lower half only: a */
	jnz 1f                          /* non-canonical rcx faults in ring 0 */
	movq TRAP_FRAME_RFLAGS(%rsp), %rax
	cmpq TRAP_FRAME_R11(%rsp), %rax
	jne 1f
	testl $SYSRET_CLEARS_RFLAGS, %eax
	jnz 1f
	cmpq $USER_CS, TRAP_FRAME_CS(%rsp)
	jne 1f
	cmpq $USER_SS, TRAP_FRAME_SS(%rsp)
	jne 1f
	swapgs
	POP_GENERAL_REGISTERS           /* rcx = rip and r11 = rflags */
	/* Interrupts stay off until sysretq loads rflags, so nothing runs
	 * on the user stack in kernel mode. */
	movq TRAP_FRAME_RSP_AFTER_POP(%rsp), %rsp
	sysretq
1:	swapgs
2:	POP_GENERAL_REGISTERS
	addq $16, %rsp                  /* vector and error code */
	iretq

/* Vectors 8, 10-14, 17, 21, 29, 30 push an error code. */
	TRAP_STUB 0, 0
	TRAP_STUB 1, 0
	TRAP_STUB 2, 0
	TRAP_STUB 3, 0
	TRAP_STUB 4, 0
	TRAP_STUB 5, 0
	TRAP_STUB 6, 0
	TRAP_STUB 7, 0
	TRAP_STUB 8, 1
	TRAP_STUB 9, 0
	TRAP_STUB 10, 1
	TRAP_STUB 11, 1
	TRAP_STUB 12, 1
	TRAP_STUB 13, 1
	TRAP_STUB 14, 1
	TRAP_STUB 15, 0
	TRAP_STUB 16, 0
	TRAP_STUB 17, 1
	TRAP_STUB 18, 0
	TRAP_STUB 19, 0
	TRAP_STUB 20, 0
	TRAP_STUB 21, 1
	TRAP_STUB 22, 0
	TRAP_STUB 23, 0
	TRAP_STUB 24, 0
	TRAP_STUB 25, 0
	TRAP_STUB 26, 0
	TRAP_STUB 27, 0
	TRAP_STUB 28, 0
	TRAP_STUB 29, 1
	TRAP_STUB 30, 1
	TRAP_STUB 31, 0
	.irp v, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	TRAP_STUB \v, 0
	.endr

	.section .rodata
	.balign 8
	.globl trap_stub_table
trap_stub_table:
	.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47
	.quad trap_stub_\v
	.endr
