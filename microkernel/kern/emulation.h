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

struct trap_frame;

/* Called for a Linux system call (f->rax >= 0) of the current thread.
 * false: the task has no emulation entry (the caller raises the
 * exception). true: handled, f now resumes at the entry; or the area
 * could not be written and an exception message was raised (as for a
 * task without an entry). */
bool emulation_redirect(struct trap_frame *f);

#endif
