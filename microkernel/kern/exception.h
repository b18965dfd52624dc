/*
 * exception.h: raising a user exception as a message (mk/exception.h).
 * Called by the trap and syscall paths on the faulting thread, in the
 * trap that caught the fault, with its user registers in f.
 */
#ifndef MK_KERN_EXCEPTION_H
#define MK_KERN_EXCEPTION_H

#include <stdint.h>

struct trap_frame;

/* What the exception message says besides the registers. */
struct exception_info {
	uint32_t kind;          /* MK_EXC_*, or 0: no handler may see it (fatal) */
	uint32_t vector;        /* CPU vector or MK_EXC_VECTOR_SYSCALL */
	uint64_t code;
	uint64_t address;
};

/* Sends the exception to the thread's exception port, else the task's,
 * and waits for the answer. Returns when the thread is to go back to user
 * mode: resumed by the handler (f possibly changed), or its wait aborted
 * (f unchanged; a termination then ends it on the way out). Does not
 * return when nobody handles it: the task is terminated. */
void exception_raise(struct trap_frame *f, const struct exception_info *info);

#endif
