/*
 * bootinfo.h: what the first task gets besides its program (mk/bootinfo.h):
 * send rights to the host and console ports, the other GRUB modules
 * mapped read-only, and the boot info page describing them.
 */
#ifndef MK_KERN_BOOTINFO_H
#define MK_KERN_BOOTINFO_H

#include <stdint.h>

#include "kern/multiboot2.h"
#include "mk/types.h"

struct task;

/* Fills task (fresh, not running yet) with all of the above, leaving out
 * the module it runs from; *address is where the page is. On error the
 * caller releases the task, which takes back whatever was given. */
mk_return_t bootinfo_give(struct task *task, const struct boot_info *bi,
			  const struct boot_module *running, uint64_t *address);

#endif
