/* trap.h: exception dispatch and the register dump. */
#ifndef MK_ARCH_TRAP_H
#define MK_ARCH_TRAP_H

#include "arch/x86_64/trap_frame.h"

#define TRAP_DIVIDE_ERROR  0
#define TRAP_BREAKPOINT    3
#define TRAP_INVALID_OPCODE 6
#define TRAP_DEVICE_NOT_AVAILABLE 7
#define TRAP_DOUBLE_FAULT  8
#define TRAP_GENERAL_PROTECTION 13
#define TRAP_PAGE_FAULT    14

void trap_dispatch(struct trap_frame *f);
void trap_dump(const struct trap_frame *f);
const char *trap_exception_name(uint64_t vector);

/* Test support: the next kernel-mode exception calls hook after the dump
 * instead of panicking; if hook returns, the (possibly edited) frame resumes. */
typedef void (*trap_kernel_fault_hook)(struct trap_frame *f);
void trap_expect_kernel_fault(trap_kernel_fault_hook hook);

#endif
