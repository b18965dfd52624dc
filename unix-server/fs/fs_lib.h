/*
 * fs_lib.h: the little of the C library the file system code uses
 * (memcpy, memmove, memset, memcmp, strlen). Hosted builds (the unit
 * tests) take the host's; the freestanding server takes the native
 * runtime's microkernel/lib/string.h, which has the same names.
 */
#ifndef UX_FS_LIB_H
#define UX_FS_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#if __STDC_HOSTED__
#include <string.h>
#else
#include "../../microkernel/lib/string.h"
#endif

#endif
