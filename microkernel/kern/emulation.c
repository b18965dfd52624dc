/*
 * emulation.c: the trampoline's kernel side (kern/emulation.h): the traps
 * task_set_emulation and thread_set_emulation_area, and the redirect of a
 * Linux system call into the task's emulator.
 *
 * The entry and the area are plain user addresses: the kernel only checks
 * they are user (canonical, lower half) addresses when they are set, and
 * writes the area with copy_to_user at each redirect, so an unmapped or
 * read-only area is the thread's exception, never the kernel's fault.
 * The emulation region keeps the native traps, and with them the
 * emulator's memory, away from the app: a `syscall` made outside it is
 * always the emulator's. What the app asks of the emulator is the
 * emulator's to refuse.
 */
#include "arch/x86_64/thread_state.h"
#include "arch/x86_64/trap_frame.h"
#include "kern/emulation.h"
#include "kern/exception.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "kern/thread.h"
#include "kern/thread_port.h"
#include "kern/usercopy.h"
#include "mk/exception.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "trampoline/emulation_frame.h"
#include "kern/hot_path.h"

#define USER_HALF_END 0x0000800000000000ull     /* first non-canonical address */

int64_t trap_task_set_emulation(const struct trap_args *a)
{
	uint64_t entry = a->arg[1];

	if (entry >= USER_HALF_END)
		return MK_INVALID_ADDRESS;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	if (!task)
		return MK_INVALID_TASK;
	__atomic_store_n(&task->emulation_entry, entry, __ATOMIC_RELAXED);
	task_release(task);
	return MK_SUCCESS;
}

int64_t trap_thread_set_emulation_area(const struct trap_args *a)
{
	uint64_t area = a->arg[1];
	struct thread *t;

	if (area % 8 || area >= USER_HALF_END - sizeof(struct emulation_area))
		return MK_INVALID_ADDRESS;
	mk_return_t ret = thread_from_name((mk_port_name_t)a->arg[0], &t);
	if (ret != MK_SUCCESS)
		return ret;
	__atomic_store_n(&t->emulation_area, area, __ATOMIC_RELAXED);
	thread_release(t);
	return MK_SUCCESS;
}

int64_t trap_task_set_emulation_region(const struct trap_args *a)
{
	uint64_t base = a->arg[1], size = a->arg[2];

	if (base >= USER_HALF_END || size > USER_HALF_END - base)
		return MK_INVALID_ADDRESS;
	struct task *task = task_from_name((mk_port_name_t)a->arg[0]);
	if (!task)
		return MK_INVALID_TASK;
	/* Size first: a racing trap sees no region or the whole new one. */
	__atomic_store_n(&task->emulation_size, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&task->emulation_base, base, __ATOMIC_RELAXED);
	__atomic_store_n(&task->emulation_size, size, __ATOMIC_RELEASE);
	task_release(task);
	return MK_SUCCESS;
}

int64_t trap_thread_set_fs_base(const struct trap_args *a)
{
	struct thread *t;
	struct mk_thread_state s = { 0 };

	s.fs_base = a->arg[1];
	if (thread_state_check(&s) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	mk_return_t ret = thread_from_name((mk_port_name_t)a->arg[0], &t);
	if (ret != MK_SUCCESS)
		return ret;
	thread_set_fs_base(t, s.fs_base);
	thread_release(t);
	return MK_SUCCESS;
}

MK_HOT_PATH bool emulation_redirect(struct trap_frame *f)
{
	struct thread *self = current_thread();
	uint64_t entry = __atomic_load_n(&self->task->emulation_entry, __ATOMIC_RELAXED);
	uint64_t area = __atomic_load_n(&self->emulation_area, __ATOMIC_RELAXED);

	if (!entry)
		return false;
	struct emulation_frame e = {
		.rax = f->rax, .rbx = f->rbx, .rcx = f->rcx, .rdx = f->rdx,
		.rsi = f->rsi, .rdi = f->rdi, .rbp = f->rbp, .rsp = f->rsp,
		.r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->r11,
		.r12 = f->r12, .r13 = f->r13, .r14 = f->r14, .r15 = f->r15,
		.rip = f->rip, .rflags = f->rflags,
	};
	if (!area || copy_to_user(area + EMU_AREA_FRAME, &e, sizeof(e)) != MK_SUCCESS) {
		/* No usable area: the exception a task without an emulator gets,
		 * with the area's address. */
		struct exception_info info = { MK_EXC_SYSCALL, MK_EXC_VECTOR_SYSCALL,
					       f->rax, area };
		exception_raise(f, &info);
		return true;
	}
	f->rip = entry;
	f->rdi = area;
	f->rflags = EMULATION_ENTRY_RFLAGS;
	/* The entry reads only rdi; rcx and r11 as a `syscall` leaves them
	 * let trap_return use sysretq. */
	f->rcx = entry;
	f->r11 = EMULATION_ENTRY_RFLAGS;
	return true;
}
