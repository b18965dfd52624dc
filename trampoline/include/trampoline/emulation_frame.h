/*
 * emulation_frame.h: the per-thread emulation area, the one layout shared
 * by the kernel (which writes the frame), the trampoline stub (which reads
 * it back) and the emulator (which reads the call and may change the
 * frame). Included by C and by assembly (the EMU_* offsets).
 *
 * The redirect (microkernel/kern/emulation.c): a Linux `syscall` (rax >= 0)
 * of a task with an emulation entry is not executed. The kernel writes the
 * thread's user registers into `frame` of the thread's area (rcx and r11
 * as the `syscall` instruction left them: the return rip and the rflags),
 * then returns to user mode at the entry with
 *     rdi    = the area's address (EMULATION_AREA_REGISTER),
 *     rflags = EMULATION_ENTRY_RFLAGS (DF and TF clear),
 *     rsp, every other register, FS base and SSE state as the app had them.
 * The entry must not push on that rsp (the app's red zone lies below it):
 * it switches to `stack_top` first. The stub (trampoline/entry.S) returns
 * to frame.rip with frame.rsp, frame.rflags and every register of the frame
 * except rax (the result), rcx (= rip) and r11 (= rflags), as Linux does,
 * without a kernel trap. The kernel reads nothing from the area.
 */
#ifndef TRAMPOLINE_EMULATION_FRAME_H
#define TRAMPOLINE_EMULATION_FRAME_H

#define EMU_FRAME_RAX    0
#define EMU_FRAME_RBX    8
#define EMU_FRAME_RCX    16
#define EMU_FRAME_RDX    24
#define EMU_FRAME_RSI    32
#define EMU_FRAME_RDI    40
#define EMU_FRAME_RBP    48
#define EMU_FRAME_RSP    56
#define EMU_FRAME_R8     64
#define EMU_FRAME_R9     72
#define EMU_FRAME_R10    80
#define EMU_FRAME_R11    88
#define EMU_FRAME_R12    96
#define EMU_FRAME_R13    104
#define EMU_FRAME_R14    112
#define EMU_FRAME_R15    120
#define EMU_FRAME_RIP    128
#define EMU_FRAME_RFLAGS 136
#define EMU_FRAME_SIZE   144

#define EMU_AREA_FRAME     0
#define EMU_AREA_STACK_TOP 144
#define EMU_AREA_SIZE      192

/* The entry's rflags: bit 1 (always set) and IF. */
#define EMULATION_ENTRY_RFLAGS 0x202

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

/* The app's registers at its `syscall`: rax the call number, arguments in
 * rdi, rsi, rdx, r10, r8, r9; rip the instruction after `syscall`. */
struct emulation_frame {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rip, rflags;
};

/* One per thread, 8-byte aligned, in the emulator's memory. */
struct emulation_area {
	struct emulation_frame frame;   /* written by the kernel on each redirect */
	uint64_t stack_top;             /* the emulator stack the stub switches to
					 * (set by the emulator; aligned down to 16) */
	uint64_t reserved[5];           /* zero; for the emulator's later use */
};

_Static_assert(offsetof(struct emulation_frame, rax) == EMU_FRAME_RAX, "");
_Static_assert(offsetof(struct emulation_frame, rbx) == EMU_FRAME_RBX, "");
_Static_assert(offsetof(struct emulation_frame, rcx) == EMU_FRAME_RCX, "");
_Static_assert(offsetof(struct emulation_frame, rdx) == EMU_FRAME_RDX, "");
_Static_assert(offsetof(struct emulation_frame, rsi) == EMU_FRAME_RSI, "");
_Static_assert(offsetof(struct emulation_frame, rdi) == EMU_FRAME_RDI, "");
_Static_assert(offsetof(struct emulation_frame, rbp) == EMU_FRAME_RBP, "");
_Static_assert(offsetof(struct emulation_frame, rsp) == EMU_FRAME_RSP, "");
_Static_assert(offsetof(struct emulation_frame, r8) == EMU_FRAME_R8, "");
_Static_assert(offsetof(struct emulation_frame, r9) == EMU_FRAME_R9, "");
_Static_assert(offsetof(struct emulation_frame, r10) == EMU_FRAME_R10, "");
_Static_assert(offsetof(struct emulation_frame, r11) == EMU_FRAME_R11, "");
_Static_assert(offsetof(struct emulation_frame, r12) == EMU_FRAME_R12, "");
_Static_assert(offsetof(struct emulation_frame, r13) == EMU_FRAME_R13, "");
_Static_assert(offsetof(struct emulation_frame, r14) == EMU_FRAME_R14, "");
_Static_assert(offsetof(struct emulation_frame, r15) == EMU_FRAME_R15, "");
_Static_assert(offsetof(struct emulation_frame, rip) == EMU_FRAME_RIP, "");
_Static_assert(offsetof(struct emulation_frame, rflags) == EMU_FRAME_RFLAGS, "");
_Static_assert(sizeof(struct emulation_frame) == EMU_FRAME_SIZE, "");
_Static_assert(offsetof(struct emulation_area, frame) == EMU_AREA_FRAME, "");
_Static_assert(offsetof(struct emulation_area, stack_top) == EMU_AREA_STACK_TOP, "");
_Static_assert(sizeof(struct emulation_area) == EMU_AREA_SIZE, "");

/* The emulator's C dispatcher, called by the stub on the emulator stack:
 * returns the call's result (a -errno for errors); it may change the
 * frame (the stub restores from it). trampoline/dispatch_default.c has a
 * weak one that answers -ENOSYS to everything. */
long emulator_dispatch(struct emulation_frame *f);

/* The stub: the address to register as the task's emulation entry. */
void trampoline_entry(void);
/* Where a forked child's thread starts, rdi = its area (entry.S). */
void trampoline_fork_child(void);
/* Called there on the child's copy of the frame; its result is the
 * call's in the child (the emulator's, fork.c). */
long emulator_fork_child(struct emulation_frame *f);
#endif

#endif
