/*
 * tty_ioctls.h: the one definition of the terminal ioctls the server
 * answers, shared by the emulator (which marshals the argument) and the
 * server (which checks the request's sizes and runs tty_ioctl). Numbers are
 * x86-64 Linux's.
 *
 * A row is X(name, number, arg, in_bytes, out_bytes):
 *   TTY_ARG_PTR   arg is a pointer: the emulator copies in_bytes from it
 *                 into the request and the reply's out_bytes back to it
 *                 (-EFAULT, as Linux, when either copy faults);
 *   TTY_ARG_INT   arg is a value (TCFLSH's queue, TCSBRK's duration...): the
 *                 emulator sends its low 32 bits as the 4 in bytes (an int,
 *                 host byte order);
 *   TTY_ARG_NONE  arg is not used.
 * Commands not listed are -ENOTTY on a terminal. FIONBIO, FIOASYNC, FIOCLEX
 * and FIONCLEX act on the file description, not the terminal: the VFS's.
 *
 * Self-contained (stdint only) so that the emulator can include it.
 */
#ifndef UX_TTY_IOCTLS_H
#define UX_TTY_IOCTLS_H

#include <stdbool.h>
#include <stdint.h>

enum tty_ioctl_arg { TTY_ARG_NONE, TTY_ARG_INT, TTY_ARG_PTR };

#define TTY_IOCTLS(X)                                                         \
	X(TCGETS,     0x5401,     TTY_ARG_PTR,  0,  36)                       \
	X(TCSETS,     0x5402,     TTY_ARG_PTR,  36, 0)                        \
	X(TCSETSW,    0x5403,     TTY_ARG_PTR,  36, 0)                        \
	X(TCSETSF,    0x5404,     TTY_ARG_PTR,  36, 0)                        \
	X(TCSBRK,     0x5409,     TTY_ARG_INT,  4,  0)                        \
	X(TCXONC,     0x540A,     TTY_ARG_INT,  4,  0)                        \
	X(TCFLSH,     0x540B,     TTY_ARG_INT,  4,  0)                        \
	X(TIOCSCTTY,  0x540E,     TTY_ARG_INT,  4,  0)                        \
	X(TIOCGPGRP,  0x540F,     TTY_ARG_PTR,  0,  4)                        \
	X(TIOCSPGRP,  0x5410,     TTY_ARG_PTR,  4,  0)                        \
	X(TIOCOUTQ,   0x5411,     TTY_ARG_PTR,  0,  4)                        \
	X(TIOCGWINSZ, 0x5413,     TTY_ARG_PTR,  0,  8)                        \
	X(TIOCSWINSZ, 0x5414,     TTY_ARG_PTR,  8,  0)                        \
	X(FIONREAD,   0x541B,     TTY_ARG_PTR,  0,  4)                        \
	X(TIOCNOTTY,  0x5422,     TTY_ARG_NONE, 0,  0)                        \
	X(TIOCSETD,   0x5423,     TTY_ARG_PTR,  4,  0)                        \
	X(TIOCGETD,   0x5424,     TTY_ARG_PTR,  0,  4)                        \
	X(TIOCGSID,   0x5429,     TTY_ARG_PTR,  0,  4)                        \
	X(TCGETS2,    0x802C542A, TTY_ARG_PTR,  0,  44)                       \
	X(TCSETS2,    0x402C542B, TTY_ARG_PTR,  44, 0)                        \
	X(TCSETSW2,   0x402C542C, TTY_ARG_PTR,  44, 0)                        \
	X(TCSETSF2,   0x402C542D, TTY_ARG_PTR,  44, 0)

#define TTY_IOCTL_ENUM(name, nr, arg, in, out) UX_##name = nr,
enum { TTY_IOCTLS(TTY_IOCTL_ENUM) };
#undef TTY_IOCTL_ENUM

/* The largest in and out: what a request or reply must leave room for. */
#define TTY_IOCTL_MAX_IN 44
#define TTY_IOCTL_MAX_OUT 44

#define TTY_IOCTL_FITS(name, nr, arg, in, out)                                \
	_Static_assert((in) <= TTY_IOCTL_MAX_IN && (out) <= TTY_IOCTL_MAX_OUT, \
		       #name " fits the request and the reply");
TTY_IOCTLS(TTY_IOCTL_FITS)
#undef TTY_IOCTL_FITS

struct tty_ioctl_shape {
	enum tty_ioctl_arg arg;
	uint8_t in_bytes;
	uint8_t out_bytes;
};

/* The shape of cmd; false when cmd is not a terminal ioctl (-ENOTTY). */
static inline bool tty_ioctl_shape(uint32_t cmd, struct tty_ioctl_shape *shape)
{
	switch (cmd) {
#define TTY_IOCTL_CASE(name, nr, a, in, out)                                  \
	case nr:                                                              \
		*shape = (struct tty_ioctl_shape){ a, in, out };              \
		return true;
	TTY_IOCTLS(TTY_IOCTL_CASE)
#undef TTY_IOCTL_CASE
	default:
		return false;
	}
}

#endif
