/*
 * ioctl.h: how an ioctl's argument travels between the emulator and the
 * server: the terminal ioctls' one list (unix-server/tty/tty_ioctls.h)
 * says which commands take a pointer and how many bytes go each way. A
 * command not listed moves no bytes; the server answers it (-ENOTTY
 * from a terminal, as Linux does for a command it does not know).
 */
#ifndef UX_IOCTL_H
#define UX_IOCTL_H

#include <stdbool.h>
#include <stdint.h>

#include "../../tty/tty_ioctls.h"

/* The ioctls of any open file (the VFS's, vfs/linux_fs.h) that take a
 * pointer: X(name, number, bytes in, bytes out). FIOCLEX and FIONCLEX
 * take none; FIONREAD is in the terminal list. */
#define UX_FILE_IOCTLS(X)                                                \
	X(FIONBIO,  0x5421, 4, 0)                                        \
	X(FIOASYNC, 0x5452, 4, 0)

/* Bytes copied in from and out to the pointer argument of cmd; false
 * (and 0, 0) when cmd takes no pointer or is unknown. */
static inline bool ux_ioctl_sizes(uint32_t cmd, uint32_t *in, uint32_t *out)
{
	struct tty_ioctl_shape shape;

	*in = *out = 0;
	switch (cmd) {
#define UX_FILE_IOCTL_CASE(name, nr, i, o) case nr: *in = i; *out = o; return true;
	UX_FILE_IOCTLS(UX_FILE_IOCTL_CASE)
#undef UX_FILE_IOCTL_CASE
	}
	if (!tty_ioctl_shape(cmd, &shape) || shape.arg != TTY_ARG_PTR)
		return false;
	*in = shape.in_bytes;
	*out = shape.out_bytes;
	return true;
}

#endif
