/*
 * exec_task.h: starting a static Linux image in a new task: the image's
 * segments, the emulator (its image and header), Linux's initial stack,
 * the trampoline registered with the kernel, and the first thread at the
 * image's entry with Linux's initial registers.
 */
#ifndef UX_EXEC_TASK_H
#define UX_EXEC_TASK_H

#include <stddef.h>

#include "fs/tmpfs.h"

struct process;

struct exec_request {
	const struct tmpfs_node *file;  /* a regular file (the caller resolved it) */
	const char *execfn;             /* the path as given: AT_EXECFN */
	const char *const *argv;
	size_t argc;
	const char *const *envp;
	size_t envc;
};

/* Checks the emulator module once at boot: 0 or -errno. */
int exec_init_emulator(const void *image, size_t size);
/* 0, with p's task running the image; or -ENOEXEC, -ENOMEM, -E2BIG,
 * -EACCES with p's task left untouched. */
int exec_task_start(struct process *p, const struct exec_request *req);
/* execve: the same into a new task, which then replaces p's task (ended,
 * with its thread); on failure p's task is untouched. */
int exec_task_replace(struct process *p, const struct exec_request *req);

#endif
