/* bootstrap.h: starting the first user tasks from GRUB modules. */
#ifndef MK_KERN_BOOTSTRAP_H
#define MK_KERN_BOOTSTRAP_H

#include "kern/multiboot2.h"
#include "kern/task.h"

/* Loads the static ELF module called `module` into a new task and starts
 * its first thread with rdi pointing at a copy of `arg` on its stack.
 * Returns the task (a reference for the caller) or NULL, saying why. */
struct task *bootstrap_start_module(const struct boot_info *bi, const char *module,
				    const char *arg, int privileged);

#endif
