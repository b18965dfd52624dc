/*
 * thread_state.c: a user thread's registers as struct mk_thread_state
 * (see thread_state.h). Every return to user mode is an iretq through
 * trap_return, which faults in kernel mode on a non-canonical rip; the
 * checks here are what keeps a task from provoking that.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/thread_state.h"
#include "arch/x86_64/trap_frame.h"
#include "kern/percpu.h"
#include "kern/thread.h"
#include "mk/return.h"

#define MSR_FS_BASE     0xc0000100
#define USER_HALF_END   0x0000800000000000ull   /* first non-canonical address */
#define KERNEL_HALF     0xffff800000000000ull   /* first canonical upper-half one */

void thread_state_from_frame(struct mk_thread_state *s, const struct trap_frame *f,
			     uint64_t fs_base)
{
	*s = (struct mk_thread_state){
		.rax = f->rax, .rbx = f->rbx, .rcx = f->rcx, .rdx = f->rdx,
		.rsi = f->rsi, .rdi = f->rdi, .rbp = f->rbp, .rsp = f->rsp,
		.r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->r11,
		.r12 = f->r12, .r13 = f->r13, .r14 = f->r14, .r15 = f->r15,
		.rip = f->rip, .rflags = f->rflags, .fs_base = fs_base,
	};
}

mk_return_t thread_state_check(const struct mk_thread_state *s)
{
	if (s->rip >= USER_HALF_END || s->fs_base >= USER_HALF_END)
		return MK_INVALID_ADDRESS;
	if (s->rsp >= USER_HALF_END && s->rsp < KERNEL_HALF)
		return MK_INVALID_ADDRESS;
	return MK_SUCCESS;
}

void thread_state_apply(struct thread *t, const struct mk_thread_state *s)
{
	struct trap_frame *f = thread_user_frame(t);

	f->rax = s->rax;
	f->rbx = s->rbx;
	f->rcx = s->rcx;
	f->rdx = s->rdx;
	f->rsi = s->rsi;
	f->rdi = s->rdi;
	f->rbp = s->rbp;
	f->rsp = s->rsp;
	f->r8 = s->r8;
	f->r9 = s->r9;
	f->r10 = s->r10;
	f->r11 = s->r11;
	f->r12 = s->r12;
	f->r13 = s->r13;
	f->r14 = s->r14;
	f->r15 = s->r15;
	f->rip = s->rip;
	f->rflags = (f->rflags & ~MK_THREAD_RFLAGS_USER) | (s->rflags & MK_THREAD_RFLAGS_USER);
	thread_set_fs_base(t, s->fs_base);
}

void thread_set_fs_base(struct thread *t, uint64_t fs_base)
{
	t->fs_base = fs_base;
	if (t == current_thread())
		wrmsr(MSR_FS_BASE, fs_base);
}
