/*
 * uaccess.h: copies between the emulator and app memory. A bad app
 * pointer (unmapped, read-only for a write, or inside the emulator's own
 * region) gives -LINUX_EFAULT, never a dead process.
 */
#ifndef EMULATOR_UACCESS_H
#define EMULATOR_UACCESS_H

#include <stddef.h>
#include <stdint.h>

long emu_copy_from_user(void *dst, uint64_t src, size_t n);
long emu_copy_to_user(uint64_t dst, const void *src, size_t n);
/* A NUL-terminated string of at most max bytes with its NUL: its length
 * with the NUL, -EFAULT, or -ENAMETOOLONG when longer. */
long emu_copy_path_from_user(char *dst, uint64_t src, size_t max);

/* uaccess.S */
extern char emu_uaccess_start[], emu_uaccess_end[], emu_uaccess_fault[];

#endif
