/*
 * thread.h: the ABI of thread control: a thread's user register state as
 * thread_get_state/thread_set_state and exception messages carry it, and
 * the flags of thread_create_port.
 */
#ifndef MK_THREAD_H
#define MK_THREAD_H

#include <stdint.h>

/* The general registers, the instruction pointer, the flags and the FS
 * base of a user thread (x86-64). Setting a state checks rip and fs_base
 * (user addresses) and rsp (canonical) and takes from rflags only the bits
 * a user may change (MK_THREAD_RFLAGS_USER); cs and ss are the kernel's. */
struct mk_thread_state {
	uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rip, rflags;
	uint64_t fs_base;
};
_Static_assert(sizeof(struct mk_thread_state) == 152, "ABI");

/* CF PF AF ZF SF TF DF OF AC ID: the rest of rflags stays as the kernel
 * keeps it (IF set, IOPL and NT clear). */
#define MK_THREAD_RFLAGS_USER 0x240dd5ull

/* thread_create_port flags */
#define MK_THREAD_CREATE_SUSPENDED 1u   /* suspend count 1: runs after thread_resume */

#endif
