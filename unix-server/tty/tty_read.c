/*
 * tty_read.c: reading a terminal. Canonical mode returns at most one line;
 * without ICANON, VMIN and VTIME decide, simplified for a server that
 * parks a read instead of sleeping in it:
 *
 *   VMIN > 0, VTIME = 0   park until min(VMIN, n) bytes are there, then
 *                         return all there is up to n;
 *   VMIN = 0, VTIME = 0   return what there is, 0 if nothing;
 *   VMIN = 0, VTIME > 0   park until a byte comes; the caller's timer of
 *                         VTIME tenths (tty_read_timer) then answers
 *                         tty_read_expired: 0;
 *   VMIN > 0, VTIME > 0   as VMIN > 0, VTIME = 0, but once a byte is there
 *                         tty_read_timer asks for the inter-byte timer
 *                         (re-armed whenever a retried read parks again),
 *                         whose expiry returns what there is.
 *
 * Linux copies bytes into the reader as they come and returns once it has
 * enough; taking them all at the end gives the reader the same bytes.
 */
#include "tty_internal.h"

static void copy_out(struct tty *tty, uint8_t *dst, uint32_t n)
{
	uint32_t i = tty_index(tty->read_tail);
	uint32_t first = n < TTY_BUF_SIZE - i ? n : TTY_BUF_SIZE - i;

	memcpy(dst, tty->buf + i, first);
	memcpy(dst + first, tty->buf, n - first);
	tty->read_tail += n;
}

/* The VEOF marker: a line end stored as 0. */
static bool is_eof_at(const struct tty *tty, uint32_t counter)
{
	return tty_ends_line(tty, counter) && tty_byte_at(tty, counter) == 0;
}

/* canon_head always follows a line end; the bound only guards the loop. */
static uint32_t line_end_after(const struct tty *tty, uint32_t tail)
{
	while (tail + 1 != tty->canon_head && !tty_ends_line(tty, tail))
		tail++;
	return tail;
}

/*
 * One line, or its first n bytes (the rest for the next reads). A VEOF
 * ending a line whose beginning was already read returns nothing and is
 * not an end of file: the read goes on to the next line.
 */
static long read_canonical(struct tty *tty, uint8_t *buf, size_t n)
{
	while (tty->canon_head != tty->read_tail) {
		uint32_t end = line_end_after(tty, tty->read_tail);
		bool eof = is_eof_at(tty, end);
		uint32_t data = end - tty->read_tail + (eof ? 0 : 1);
		uint32_t take = n < data ? (uint32_t)n : data;
		bool partly_read = tty->read_tail != tty->line_start;

		copy_out(tty, buf, take);
		if (take < data)
			return take;
		tty_mark_line_end(tty, end, false);
		tty->read_tail = tty->line_start = end + 1;
		if (!(eof && take == 0 && partly_read))
			return take;
	}
	return -UX_EPARK;
}

static long read_raw(struct tty *tty, uint8_t *buf, size_t n, bool expired)
{
	uint32_t avail = tty->read_head - tty->read_tail;
	uint32_t vmin = tty->termios.c_cc[UX_VMIN], vtime = tty->termios.c_cc[UX_VTIME];
	uint32_t need = vmin ? (n < vmin ? (uint32_t)n : vmin) : (vtime ? 1 : 0);
	uint32_t take = n < avail ? (uint32_t)n : avail;

	if (avail < need && !expired)
		return -UX_EPARK;
	copy_out(tty, buf, take);
	tty->canon_head = tty->line_start = tty->read_tail;
	return take;
}

long tty_read(struct tty *tty, uint8_t *buf, size_t n)
{
	if (n == 0)
		return 0;
	if (TTY_L(tty, ICANON))
		return read_canonical(tty, buf, n);
	return read_raw(tty, buf, n, false);
}

long tty_read_expired(struct tty *tty, uint8_t *buf, size_t n)
{
	if (n == 0 || TTY_L(tty, ICANON))
		return tty_read(tty, buf, n);
	return read_raw(tty, buf, n, true);
}

/* O_NONBLOCK, as Linux: what there is now, -EAGAIN if nothing (but 0 with
   VMIN = VTIME = 0, which never waits anyway). */
long tty_read_nonblock(struct tty *tty, uint8_t *buf, size_t n)
{
	long got = tty_read(tty, buf, n);

	if (got != -UX_EPARK)
		return got;
	if (!TTY_L(tty, ICANON) && tty->read_head != tty->read_tail)
		return read_raw(tty, buf, n, true);
	return -UX_EAGAIN;
}

uint32_t tty_read_timer(const struct tty *tty)
{
	uint8_t vmin = tty->termios.c_cc[UX_VMIN], vtime = tty->termios.c_cc[UX_VTIME];

	if (TTY_L(tty, ICANON) || vtime == 0)
		return 0;
	if (vmin > 0 && tty->read_head == tty->read_tail)
		return 0;
	return vtime;
}

/* Linux's input_available_p(tty, poll): VMIN counts only when VTIME is 0. */
bool tty_readable(const struct tty *tty)
{
	uint32_t vmin = tty->termios.c_cc[UX_VMIN];
	uint32_t amount = vmin && !tty->termios.c_cc[UX_VTIME] ? vmin : 1;

	if (TTY_L(tty, ICANON))
		return tty->canon_head != tty->read_tail;
	return tty->read_head - tty->read_tail >= amount;
}

/* FIONREAD: the bytes a read could return now (complete lines, no VEOFs). */
uint32_t tty_input_count(const struct tty *tty)
{
	uint32_t n = 0;

	if (!TTY_L(tty, ICANON))
		return tty->read_head - tty->read_tail;
	for (uint32_t tail = tty->read_tail; tail != tty->canon_head; tail++)
		n += !is_eof_at(tty, tail);
	return n;
}
