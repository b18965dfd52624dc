/*
 * ux_errno.h: the server's names for Linux errno values, taken from the one
 * definition in emulator/linux_errno.h. Server code returns them negated
 * (-UX_ENOENT); the UX_ prefix keeps them apart from a host's <errno.h>
 * in the host unit tests.
 */
#ifndef UX_ERRNO_H
#define UX_ERRNO_H

#include <stddef.h>

#include "../emulator/linux_errno.h"

#define UX_ERRNO_ENUM(nr, name, message) UX_##name = nr,
enum ux_errno { LINUX_ERRNOS(UX_ERRNO_ENUM) };
#undef UX_ERRNO_ENUM

/* For the log: "No such file or directory (ENOENT)" for 2 or -2; NULL
 * for a number Linux does not have. */
static inline const char *ux_strerror(int err)
{
	switch (err < 0 ? -err : err) {
#define UX_ERRNO_TEXT(nr, name, message) case nr: return message " (" #name ")";
	LINUX_ERRNOS(UX_ERRNO_TEXT)
#undef UX_ERRNO_TEXT
	}
	return NULL;
}

#endif
