/*
 * cmdline.h: the kernel command line, as space-separated `key=value` and
 * bare `flag` words (Linux's convention): read by the kernel and by the
 * UNIX server (its copy in the boot info). As on Linux, the words after
 * a bare `--` are init's arguments, not options. Pure, host-tested.
 */
#ifndef MK_LIB_CMDLINE_H
#define MK_LIB_CMDLINE_H

#include <stddef.h>

/* Copies the value of the last `key=value` word before any `--` into
 * value (truncated to size - 1) and returns 1; a bare `key` word gives an
 * empty value. Returns 0 when key is absent. */
int cmdline_get(const char *cmdline, const char *key, char *value, size_t size);

/* What follows the first bare `--` word (init's words), or NULL. */
const char *cmdline_after_dashes(const char *cmdline);

#endif
