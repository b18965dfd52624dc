/* bootstrap.h: starting the first user tasks from GRUB modules. */
#ifndef MK_KERN_BOOTSTRAP_H
#define MK_KERN_BOOTSTRAP_H

#include "kern/multiboot2.h"
#include "kern/task.h"

/* Loads the static ELF module called `module` into a new task and starts
 * its first thread with rdi pointing at a copy of `arg` on its stack.
 * With boot_rights the task also gets the host and console ports, the
 * other modules and the boot info page (kern/bootinfo.h); without, the
 * boot info address on its stack is 0. Returns the task (a reference for
 * the caller) or NULL, saying why. */
struct task *bootstrap_start_module(const struct boot_info *bi, const char *module,
				    const char *arg, int boot_rights);

#endif
