/*
 * exec_errno.h: the Linux errno numbers exec returns, as LX_<NAME>, expanded
 * from the one list in emulator/linux_errno.h (prefixed so that host tests
 * can include <errno.h> beside it).
 */
#ifndef UX_EXEC_ERRNO_H
#define UX_EXEC_ERRNO_H

#include "linux_errno.h"

#define LX_ERRNO_ENUM(number, name, message) LX_##name = number,
enum lx_errno { LINUX_ERRNOS(LX_ERRNO_ENUM) };
#undef LX_ERRNO_ENUM

#endif
