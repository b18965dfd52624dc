/*
 * tty_internal.h: what the terminal's files share: flag tests, the input
 * ring's indexing and line-end bits, and the output and echo primitives of
 * tty_output.c. Not for users of the terminal (tty.h is).
 */
#ifndef UX_TTY_INTERNAL_H
#define UX_TTY_INTERNAL_H

#include "../fs/fs_lib.h"
#include "../ux_errno.h"
#include "tty.h"

#define TTY_I(tty, flag) (((tty)->termios.c_iflag & UX_##flag) != 0)
#define TTY_O(tty, flag) (((tty)->termios.c_oflag & UX_##flag) != 0)
#define TTY_L(tty, flag) (((tty)->termios.c_lflag & UX_##flag) != 0)

_Static_assert((TTY_BUF_SIZE & (TTY_BUF_SIZE - 1)) == 0, "ring size is a power of two");

static inline uint32_t tty_index(uint32_t counter)
{
	return counter & (TTY_BUF_SIZE - 1);
}

static inline uint8_t tty_byte_at(const struct tty *tty, uint32_t counter)
{
	return tty->buf[tty_index(counter)];
}

static inline bool tty_ends_line(const struct tty *tty, uint32_t counter)
{
	uint32_t i = tty_index(counter);

	return (tty->line_end[i / 8] >> (i % 8)) & 1;
}

static inline void tty_mark_line_end(struct tty *tty, uint32_t counter, bool set)
{
	uint32_t i = tty_index(counter);

	if (set)
		tty->line_end[i / 8] |= (uint8_t)(1u << (i % 8));
	else
		tty->line_end[i / 8] &= (uint8_t)~(1u << (i % 8));
}

/* c matches the c_cc entry at index, which is not disabled. */
static inline bool tty_cc_is(const struct tty *tty, int index, uint8_t c)
{
	return c != UX_VDISABLE && c == tty->termios.c_cc[index];
}

/* Control characters as N_TTY sees them: C0 and DEL, not C1 (UTF-8). */
static inline bool tty_is_ctrl(uint8_t c)
{
	return c < 0x20 || c == 0x7f;
}

/* A UTF-8 continuation byte, which takes no column (IUTF8 only). */
static inline bool tty_is_continuation(const struct tty *tty, uint8_t c)
{
	return TTY_I(tty, IUTF8) && (c & 0xc0) == 0x80;
}

/* tty_output.c */
void tty_out_raw(struct tty *tty, uint8_t c);
void tty_out_char(struct tty *tty, uint8_t c);
void tty_out_flush(struct tty *tty);
void tty_out_discard(struct tty *tty);
void tty_echo_char(struct tty *tty, uint8_t c);

/* tty_read.c */
uint32_t tty_input_count(const struct tty *tty);

/* tty.c */
void tty_input_reset(struct tty *tty);
void tty_set_speeds(struct tty *tty, uint32_t ispeed, uint32_t ospeed);
void tty_raise(struct tty *tty, int sig);
void tty_start(struct tty *tty);
void tty_stop(struct tty *tty);

#endif
