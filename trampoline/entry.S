/*
 * entry.S: the trampoline's user-side stub, the task's emulation entry.
 *
 * The kernel enters here in place of an app's Linux `syscall`, with the
 * app's registers saved in the thread's emulation area and rdi = the area
 * (trampoline/emulation_frame.h). The stub never writes at or below the
 * app's rsp (its red zone): it switches to the area's stack_top, calls
 * emulator_dispatch(&area->frame), then restores the app from the frame
 * (which the dispatcher may have changed): rax = the result, rcx = rip and
 * r11 = rflags as after a Linux `syscall`, every other register, rsp and
 * rflags from the frame, and jumps to frame.rip. No kernel trap on the way
 * back; FS base and SSE state are never touched here.
 * trampoline_fork_child is the same way back for a forked child.
 */
#include "trampoline/emulation_frame.h"

	.text
	.globl trampoline_entry
	.type trampoline_entry, @function
trampoline_entry:
	movq %rdi, %rbx                         /* the area: callee-saved */
	movq EMU_AREA_STACK_TOP(%rdi), %rsp
	andq $-16, %rsp
	leaq EMU_AREA_FRAME(%rdi), %rdi
	call emulator_dispatch
	/* fall through: rax = the result, rbx = the area */
trampoline_return:
	leaq EMU_AREA_FRAME(%rbx), %rcx
	pushq EMU_FRAME_RFLAGS(%rcx)            /* on the emulator stack */
	popfq                                   /* no flag changes after this */
	movq EMU_FRAME_RBX(%rcx), %rbx
	movq EMU_FRAME_RDX(%rcx), %rdx
	movq EMU_FRAME_RSI(%rcx), %rsi
	movq EMU_FRAME_RDI(%rcx), %rdi
	movq EMU_FRAME_RBP(%rcx), %rbp
	movq EMU_FRAME_R8(%rcx), %r8
	movq EMU_FRAME_R9(%rcx), %r9
	movq EMU_FRAME_R10(%rcx), %r10
	movq EMU_FRAME_R12(%rcx), %r12
	movq EMU_FRAME_R13(%rcx), %r13
	movq EMU_FRAME_R14(%rcx), %r14
	movq EMU_FRAME_R15(%rcx), %r15
	movq EMU_FRAME_RFLAGS(%rcx), %r11
	movq EMU_FRAME_RSP(%rcx), %rsp
	movq EMU_FRAME_RIP(%rcx), %rcx
	jmp *%rcx
	.size trampoline_entry, . - trampoline_entry

/*
 * The first instruction of a forked child's thread (the UNIX server
 * creates it here with rdi = its area). The area is the parent's, copied
 * with its memory: the frame holds the app's registers at its fork. The
 * emulator sets the child up (emulator_fork_child) and its result, 0,
 * goes back to the app as the call's, by the same way out as above.
 */
	.globl trampoline_fork_child
	.type trampoline_fork_child, @function
trampoline_fork_child:
	movq %rdi, %rbx
	movq EMU_AREA_STACK_TOP(%rdi), %rsp
	andq $-16, %rsp
	leaq EMU_AREA_FRAME(%rdi), %rdi
	call emulator_fork_child
	jmp trampoline_return
	.size trampoline_fork_child, . - trampoline_fork_child

	.section .note.GNU-stack, "", @progbits
