/*
 * files.h: a process's files (its struct vfs_proc: descriptors, working
 * directory, umask) and the helpers the file calls share.
 */
#ifndef UX_CALLS_FILES_H
#define UX_CALLS_FILES_H

#include "vfs/vfs.h"

struct process;

/* A fresh vfs_proc with descriptors 0, 1 and 2 open on /dev/console
 * (read, write, write), as the kernel gives init: 0 or -errno. */
int files_init_console(struct process *p);
/* Closes everything (exit). */
void files_release(struct process *p);

/* The argument as a Linux int (an fd, dirfd or flags word). */
static inline int arg_int(uint64_t v)
{
	return (int)(int32_t)v;
}

#endif
