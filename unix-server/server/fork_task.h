/*
 * fork_task.h: the task of a forked process: a copy of the parent's task
 * made by the kernel (task_create_from: each region as its inheritance
 * says, copy-on-write by default), the child's port as its bootstrap and
 * exception port, and one thread starting at the emulator's fork entry on
 * the parent's emulation area, whose copy holds the app's registers at
 * the call (trampoline/entry.S, emulator/local/fork.c), with the parent's
 * FS base.
 */
#ifndef UX_FORK_TASK_H
#define UX_FORK_TASK_H

struct process;

/* 0 with child's task and thread running; or -ENOMEM (nothing made),
 * -ESRCH if the parent's task or thread is gone. */
int fork_task_start(struct process *child, const struct process *parent);

#endif
