/*
 * termios.h: the terminal ABI exactly as x86-64 Linux has it: the kernel's
 * struct termios (what TCGETS copies: 36 bytes, no speeds), struct termios2
 * (TCGETS2: the same plus c_ispeed/c_ospeed), struct winsize, and the flag
 * and c_cc index values. Names carry a UX_ prefix so host tests can include
 * the host's <asm/termbits.h> beside this file and compare them one by one
 * (the lists below are X-macros for that reason).
 */
#ifndef UX_TTY_TERMIOS_H
#define UX_TTY_TERMIOS_H

#include <stdint.h>

#define UX_NCCS 19

struct ux_termios {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_line;
	uint8_t c_cc[UX_NCCS];
};

struct ux_termios2 {
	uint32_t c_iflag;
	uint32_t c_oflag;
	uint32_t c_cflag;
	uint32_t c_lflag;
	uint8_t c_line;
	uint8_t c_cc[UX_NCCS];
	uint32_t c_ispeed;
	uint32_t c_ospeed;
};

struct ux_winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};

_Static_assert(sizeof(struct ux_termios) == 36, "TCGETS copies 36 bytes");
_Static_assert(sizeof(struct ux_termios2) == 44, "TCGETS2 copies 44 bytes");
_Static_assert(__builtin_offsetof(struct ux_termios2, c_ispeed) == 36,
	       "termios2 is termios and the speeds");
_Static_assert(sizeof(struct ux_winsize) == 8, "TIOCGWINSZ copies 8 bytes");

/* c_cc indexes. */
#define UX_TERMIOS_CC(X)                                                      \
	X(VINTR, 0) X(VQUIT, 1) X(VERASE, 2) X(VKILL, 3) X(VEOF, 4)           \
	X(VTIME, 5) X(VMIN, 6) X(VSWTC, 7) X(VSTART, 8) X(VSTOP, 9)           \
	X(VSUSP, 10) X(VEOL, 11) X(VREPRINT, 12) X(VDISCARD, 13)              \
	X(VWERASE, 14) X(VLNEXT, 15) X(VEOL2, 16)

/* c_iflag, c_oflag, c_cflag, c_lflag bits (octal, as Linux writes them). */
#define UX_TERMIOS_FLAGS(X)                                                   \
	X(IGNBRK, 01) X(BRKINT, 02) X(IGNPAR, 04) X(PARMRK, 010)              \
	X(INPCK, 020) X(ISTRIP, 040) X(INLCR, 0100) X(IGNCR, 0200)            \
	X(ICRNL, 0400) X(IUCLC, 01000) X(IXON, 02000) X(IXANY, 04000)         \
	X(IXOFF, 010000) X(IMAXBEL, 020000) X(IUTF8, 040000)                  \
	X(OPOST, 01) X(OLCUC, 02) X(ONLCR, 04) X(OCRNL, 010) X(ONOCR, 020)    \
	X(ONLRET, 040) X(OFILL, 0100) X(OFDEL, 0200) X(TABDLY, 014000)        \
	X(XTABS, 014000)                                                      \
	X(CBAUD, 010017) X(B0, 0) X(B9600, 015) X(B38400, 017)                \
	X(B115200, 010002) X(CBAUDEX, 010000) X(BOTHER, 010000)               \
	X(CSIZE, 060) X(CS8, 060) X(CSTOPB, 0100) X(CREAD, 0200)              \
	X(PARENB, 0400) X(PARODD, 01000) X(HUPCL, 02000) X(CLOCAL, 04000)     \
	X(CIBAUD, 002003600000) X(CRTSCTS, 020000000000)                      \
	X(ISIG, 01) X(ICANON, 02) X(XCASE, 04) X(ECHO, 010) X(ECHOE, 020)     \
	X(ECHOK, 040) X(ECHONL, 0100) X(NOFLSH, 0200) X(TOSTOP, 0400)         \
	X(ECHOCTL, 01000) X(ECHOPRT, 02000) X(ECHOKE, 04000)                  \
	X(FLUSHO, 010000) X(PENDIN, 040000) X(IEXTEN, 0100000)                \
	X(EXTPROC, 0200000)

/* Arguments of TCFLSH and TCXONC. */
#define UX_TERMIOS_ARGS(X)                                                    \
	X(TCIFLUSH, 0) X(TCOFLUSH, 1) X(TCIOFLUSH, 2)                         \
	X(TCOOFF, 0) X(TCOON, 1) X(TCIOFF, 2) X(TCION, 3)

#define UX_TERMIOS_ENUM(name, value) UX_##name = value,
enum { UX_TERMIOS_CC(UX_TERMIOS_ENUM) };
enum { UX_TERMIOS_ARGS(UX_TERMIOS_ENUM) };
/* CRTSCTS is above INT_MAX: GCC gives this enum an unsigned type. */
enum { UX_TERMIOS_FLAGS(UX_TERMIOS_ENUM) };
#undef UX_TERMIOS_ENUM

/* Linux's _POSIX_VDISABLE: a c_cc entry of 0 turns that function off. */
#define UX_VDISABLE 0

#define UX_CTRL(c) ((c) & 0x1f)

#endif
