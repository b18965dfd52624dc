/*
 * cmdline.h: the kernel command line, as space-separated `key=value` and
 * bare `flag` words (Linux's convention). Pure, host-tested.
 */
#ifndef MK_KERN_CMDLINE_H
#define MK_KERN_CMDLINE_H

#include <stddef.h>

/* Copies the value of the last `key=value` word into value (truncated to
 * size - 1) and returns 1; a bare `key` word gives an empty value. Returns 0
 * when key is absent. */
int cmdline_get(const char *cmdline, const char *key, char *value, size_t size);

#endif
