/*
 * bootinfo.h: what the kernel hands the first task it starts (the boot
 * info page), the one definition shared by the kernel's bootstrap and the
 * native runtime.
 *
 * Entry state of a task started by the kernel from a GRUB module:
 *   rdi     its argument string (on its stack), as before;
 *   (%rsp)  the address of a read-only struct mk_bootinfo, or 0 for a task
 *           started without boot rights (kernel tests' helpers);
 *   rsp     16-byte aligned, as at a call.
 * Every other GRUB module is mapped read-only (maximum protection too) into
 * the task; the page says where. The rights it names are in the task's
 * name space; the page only says their names.
 */
#ifndef MK_BOOTINFO_H
#define MK_BOOTINFO_H

#include <stdint.h>

#include "mk/types.h"

#define MK_BOOTINFO_MAGIC       0x6f666e69746f6f62ull   /* "bootinfo" */
#define MK_BOOTINFO_VERSION     1
#define MK_BOOTINFO_MODULES_MAX 16
#define MK_BOOTINFO_NAME_MAX    64
#define MK_BOOTINFO_CMDLINE_MAX 1024

struct mk_bootinfo_module {
	uint64_t address;                       /* in the task, page aligned */
	uint64_t size;                          /* bytes of the module */
	char name[MK_BOOTINFO_NAME_MAX];        /* GRUB's module string, e.g. "initramfs" */
};
_Static_assert(sizeof(struct mk_bootinfo_module) == 80, "ABI");

struct mk_bootinfo {
	uint64_t magic;                         /* MK_BOOTINFO_MAGIC */
	uint32_t version;                       /* MK_BOOTINFO_VERSION */
	uint32_t size;                          /* sizeof(struct mk_bootinfo) */
	mk_port_name_t host_port;               /* send right: the host (privilege) */
	mk_port_name_t console_port;            /* send right: MK_CONSOLE_WRITE messages */
	uint32_t module_count;
	uint32_t reserved;
	char cmdline[MK_BOOTINFO_CMDLINE_MAX];  /* the kernel's command line */
	struct mk_bootinfo_module modules[MK_BOOTINFO_MODULES_MAX];
};
_Static_assert(sizeof(struct mk_bootinfo) == 32 + MK_BOOTINFO_CMDLINE_MAX +
	       MK_BOOTINFO_MODULES_MAX * sizeof(struct mk_bootinfo_module), "ABI");
_Static_assert(sizeof(struct mk_bootinfo) <= 4096, "one page");

#endif
