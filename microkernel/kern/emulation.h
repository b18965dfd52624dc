/*
 * emulation.h: the kernel side of the trampoline. A task may name an
 * emulation entry (task->emulation_entry, inherited by task_create from
 * its parent) and each of its threads an emulation area
 * (thread->emulation_area); a Linux system call of such a task is sent
 * back to user mode at the entry instead of being executed. The frame
 * layout is trampoline/include/trampoline/emulation_frame.h.
 */
#ifndef MK_KERN_EMULATION_H
#define MK_KERN_EMULATION_H

#include <stdbool.h>

#include "arch/x86_64/trap_frame.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/thread.h"

struct trap_frame;

/* Called for a Linux system call (f->rax >= 0) of the current thread.
 * false: the task has no emulation entry (the caller raises the
 * exception). true: handled, f now resumes at the entry; or the area
 * could not be written and an exception message was raised (as for a
 * task without an entry). */
bool emulation_redirect(struct trap_frame *f);

/* A native trap (f->rax < 0) of the current thread made outside its
 * task's emulation region, which therefore goes to the emulator as a
 * Linux system call (Linux answers a negative number with -ENOSYS).
 * Inline: it is on every native trap's path, where a call and return
 * cost more than the test under QEMU's TCG (~250 cycles measured). */
static inline bool emulation_takes_native_trap(const struct trap_frame *f)
{
	struct task *task = current_thread()->task;
	uint64_t size = __atomic_load_n(&task->emulation_size, __ATOMIC_ACQUIRE);

	if (__builtin_expect(!size, 1))
		return false;
	uint64_t base = __atomic_load_n(&task->emulation_base, __ATOMIC_RELAXED);
	/* rip is after the 2-byte `syscall`; the instruction is what counts. */
	return __atomic_load_n(&task->emulation_entry, __ATOMIC_RELAXED) &&
	       f->rip - 2 - base >= size;
}

#endif
