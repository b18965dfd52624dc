/*
 * trap_frame.h: the registers saved on the kernel stack by trap_entry.S.
 * Lowest address first: what the stub pushes, then what the CPU pushes.
 * The TRAP_FRAME_* offsets are used by the assembly; static_asserts below
 * keep the two in step.
 */
#ifndef MK_ARCH_TRAP_FRAME_H
#define MK_ARCH_TRAP_FRAME_H

#define TRAP_FRAME_R11    32
#define TRAP_FRAME_RCX    96
#define TRAP_FRAME_VECTOR 120
#define TRAP_FRAME_RIP    136
#define TRAP_FRAME_CS     144
#define TRAP_FRAME_RFLAGS 152
#define TRAP_FRAME_RSP    160
#define TRAP_FRAME_SS     168
#define TRAP_FRAME_SIZE   176
/* Where the user rsp is once the general registers are popped (rsp then
 * points at the vector). */
#define TRAP_FRAME_RSP_AFTER_POP (TRAP_FRAME_RSP - TRAP_FRAME_VECTOR)

/* The vector recorded for a `syscall` entry (not an IDT vector). */
#define TRAP_VECTOR_SYSCALL 256

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct trap_frame {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;       /* pushed by the CPU */
};

_Static_assert(offsetof(struct trap_frame, r11) == TRAP_FRAME_R11, "");
_Static_assert(offsetof(struct trap_frame, rcx) == TRAP_FRAME_RCX, "");
_Static_assert(offsetof(struct trap_frame, vector) == TRAP_FRAME_VECTOR, "");
_Static_assert(offsetof(struct trap_frame, rip) == TRAP_FRAME_RIP, "");
_Static_assert(offsetof(struct trap_frame, cs) == TRAP_FRAME_CS, "");
_Static_assert(offsetof(struct trap_frame, rflags) == TRAP_FRAME_RFLAGS, "");
_Static_assert(offsetof(struct trap_frame, rsp) == TRAP_FRAME_RSP, "");
_Static_assert(offsetof(struct trap_frame, ss) == TRAP_FRAME_SS, "");
_Static_assert(sizeof(struct trap_frame) == TRAP_FRAME_SIZE, "");

static inline int trap_frame_from_user(const struct trap_frame *f)
{
	return (f->cs & 3) == 3;
}
#endif

#endif
