/*
 * thread_state.h: converting between a thread's saved user registers (its
 * trap_frame and FS base) and the ABI's struct mk_thread_state, and
 * checking a state a task asks for so that no value of it can make the
 * kernel fault on its way back to user mode (iretq with a non-canonical
 * rip, wrmsr with a non-canonical FS base) or give user mode privileges
 * (rflags bits other than MK_THREAD_RFLAGS_USER, cs and ss are kept).
 */
#ifndef MK_ARCH_THREAD_STATE_H
#define MK_ARCH_THREAD_STATE_H

#include "mk/thread.h"
#include "mk/types.h"

struct thread;
struct trap_frame;

void thread_state_from_frame(struct mk_thread_state *s, const struct trap_frame *f,
			     uint64_t fs_base);
/* MK_SUCCESS, or MK_INVALID_ADDRESS when rip or fs_base is not a user
 * address or rsp is not canonical. */
mk_return_t thread_state_check(const struct mk_thread_state *s);
/* Applies a checked state to t's user registers (and to the CPU's FS base
 * when t is the calling thread). */
void thread_state_apply(struct thread *t, const struct mk_thread_state *s);
/* Just the FS base (a checked user address), the same way. */
void thread_set_fs_base(struct thread *t, uint64_t fs_base);

#endif
