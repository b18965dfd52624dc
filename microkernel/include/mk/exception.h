/*
 * exception.h: exceptions as messages.
 *
 * When a user thread faults (a page fault the VM system cannot resolve, a
 * protection violation, an invalid instruction, a divide error, a
 * breakpoint, ...) or makes a Linux system call in a task without an
 * emulator, the kernel sends an mk_exception_msg to the thread's exception
 * port, or if it has none (or it is dead) to its task's, and the thread
 * waits for the answer on the send-once reply right that came in the
 * header (remote_port as received). The handler answers with an
 * mk_exception_reply: resume (optionally with new registers, checked as
 * thread_set_state checks them) or terminate the task.
 *
 * Exception ports are set with the exception_port_set trap (a new task
 * or thread has none; nothing is inherited).
 *
 * The task dies as if nobody handled the exception (a register dump on
 * the console, then task_terminate) when no exception port is set, when it
 * is dead, when the reply is not an mk_exception_reply or asks for it, or
 * when the reply right is destroyed unanswered (the handler died). An
 * aborted wait (thread_abort) resumes the thread unchanged: a fault
 * happens again and is sent again.
 */
#ifndef MK_EXCEPTION_H
#define MK_EXCEPTION_H

#include <stdint.h>

#include "mk/message.h"
#include "mk/thread.h"

/* Message ids (the reply's is the request's + 100, as MIG numbers them). */
#define MK_EXCEPTION_RAISE_ID 2400
#define MK_EXCEPTION_REPLY_ID 2500

/* Kinds (Mach's numbers). */
#define MK_EXC_BAD_ACCESS      1        /* page fault, #GP, #SS, #NP, #AC */
#define MK_EXC_BAD_INSTRUCTION 2        /* #UD */
#define MK_EXC_ARITHMETIC      3        /* #DE, #OF, #MF, #XM */
#define MK_EXC_BREAKPOINT      6        /* #BP (int3), #DB (single step) */
#define MK_EXC_SYSCALL         7        /* a Linux system call and no emulator */

/* vector of an MK_EXC_SYSCALL (the others carry the CPU's vector). */
#define MK_EXC_VECTOR_SYSCALL 256

struct mk_exception_msg {
	struct mk_msg_header header;    /* remote_port: the send-once reply right */
	struct mk_msg_body body;        /* descriptor_count 2 */
	struct mk_msg_descriptor thread; /* a send right to the faulting thread's port */
	struct mk_msg_descriptor task;  /* a send right to its task's port */
	uint32_t exception;             /* MK_EXC_* */
	uint32_t vector;                /* CPU exception vector, or MK_EXC_VECTOR_SYSCALL */
	uint64_t code;                  /* the CPU's error code; MK_EXC_SYSCALL: the number (rax) */
	uint64_t address;               /* page fault: the faulting address (cr2); else 0 */
	struct mk_thread_state state;   /* rip at the faulting instruction, or after
					 * int3 or syscall */
};
_Static_assert(sizeof(struct mk_exception_msg) == 88 + sizeof(struct mk_thread_state), "ABI");

/* Reply actions and flags. */
#define MK_EXCEPTION_RESUME    0
#define MK_EXCEPTION_TERMINATE 1
#define MK_EXCEPTION_SET_STATE 1u       /* flags: resume with `state` */

struct mk_exception_reply {
	struct mk_msg_header header;    /* id MK_EXCEPTION_REPLY_ID, to the reply right */
	uint32_t action;                /* MK_EXCEPTION_RESUME or _TERMINATE */
	uint32_t flags;                 /* MK_EXCEPTION_SET_STATE or 0 */
	struct mk_thread_state state;
};
_Static_assert(sizeof(struct mk_exception_reply) == 32 + sizeof(struct mk_thread_state), "ABI");

#endif
