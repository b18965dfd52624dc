/*
 * tty_input.c: bytes from the device through Linux's N_TTY input rules:
 * ISTRIP/IUCLC, VLNEXT, flow control (IXON, IXANY), signal characters
 * (ISIG), IGNCR/ICRNL/INLCR, canonical editing (VERASE, VKILL, VWERASE,
 * VREPRINT, line ends and VEOF) and echo, then the input ring.
 *
 * As in N_TTY, a byte is "special" only if it is one of the characters the
 * current termios gives a meaning to, and NUL never is (a c_cc entry of 0
 * is disabled). A special byte that turns out to be plain data echoes '\n'
 * as a newline; an ordinary one echoes '\n' (typed as ^J) as "^J".
 *
 * Overflow: a line keeps its first 4095 bytes; later ones are still echoed
 * but dropped, and the line end is always kept (see termios(3)). Without
 * ICANON the ring holds 4095 unread bytes and drops what comes after:
 * there is no flow control towards a UART.
 */
#include "tty_internal.h"

/* The kernel's isalnum: ASCII and the Latin-1 letters (not × and ÷). */
static bool is_alnum(uint8_t c)
{
	if (c >= 0xc0)
		return c != 0xd7 && c != 0xf7;
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static void put(struct tty *tty, uint8_t c)
{
	uint32_t unread = tty->read_head - tty->read_tail;

	if (unread >= TTY_LINE_MAX)
		return;
	if (TTY_L(tty, ICANON) && tty->read_head - tty->canon_head >= TTY_LINE_MAX)
		return;
	tty_mark_line_end(tty, tty->read_head, false);
	tty->buf[tty_index(tty->read_head++)] = c;
}

static void put_data(struct tty *tty, uint8_t c)
{
	if (c == 0xff && TTY_I(tty, PARMRK))
		put(tty, c);
	put(tty, c);
}

/* A line end ('\n', VEOL, VEOL2, or 0 for VEOF) completes the line. */
static void end_line(struct tty *tty, uint8_t c)
{
	if (tty->read_head - tty->read_tail >= TTY_BUF_SIZE)
		return;
	tty_mark_line_end(tty, tty->read_head, true);
	tty->buf[tty_index(tty->read_head++)] = c;
	tty->canon_head = tty->read_head;
}

static void finish_erasing(struct tty *tty)
{
	if (tty->erasing) {
		tty_out_char(tty, '/');
		tty->erasing = false;
	}
}

/* Echo of an ordinary byte; the first one of a line sets canon_column. */
static void echo_data(struct tty *tty, uint8_t c, bool newline_as_is)
{
	if (!TTY_L(tty, ECHO))
		return;
	finish_erasing(tty);
	if (c == '\n' && newline_as_is) {
		tty_out_char(tty, '\n');
		return;
	}
	if (tty->canon_head == tty->read_head)
		tty->canon_column = tty->column;
	tty_echo_char(tty, c);
}

/* Backspaces over a tab: its width depends on what precedes it. */
static void erase_tab(struct tty *tty)
{
	uint32_t cols = 0, tail = tty->read_head, backs;
	bool after_tab = false;

	while (tail != tty->canon_head) {
		uint8_t c = tty_byte_at(tty, --tail);

		if (c == '\t') {
			after_tab = true;
			break;
		}
		if (tty_is_ctrl(c))
			cols += TTY_L(tty, ECHOCTL) ? 2 : 0;
		else if (!tty_is_continuation(tty, c))
			cols++;
	}
	if (!after_tab)
		cols += tty->canon_column;
	for (backs = 8 - (cols & 7); backs; backs--) {
		tty_out_raw(tty, '\b');
		if (tty->column > 0)
			tty->column--;
	}
}

static void rub_out(struct tty *tty)
{
	tty_out_char(tty, '\b');
	tty_out_char(tty, ' ');
	tty_out_char(tty, '\b');
}

/* Echo for erasing c, which occupied [head, head + count) of the ring. */
static void echo_erase(struct tty *tty, uint8_t c, uint32_t head, uint32_t count, bool erase_char)
{
	if (TTY_L(tty, ECHOPRT)) {
		if (!tty->erasing) {
			tty_out_char(tty, '\\');
			tty->erasing = true;
		}
		tty_echo_char(tty, c);
		while (--count)
			tty_out_char(tty, tty_byte_at(tty, ++head));
	} else if (erase_char && !TTY_L(tty, ECHOE)) {
		tty_echo_char(tty, tty->termios.c_cc[UX_VERASE]);
	} else if (c == '\t') {
		erase_tab(tty);
	} else {
		if (tty_is_ctrl(c) && TTY_L(tty, ECHOCTL))
			rub_out(tty);
		if (!tty_is_ctrl(c) || TTY_L(tty, ECHOCTL))
			rub_out(tty);
	}
}

/* VKILL when the line is not erased on screen character by character. */
static bool kill_line_plainly(struct tty *tty)
{
	if (!TTY_L(tty, ECHO)) {
		tty->read_head = tty->canon_head;
		return true;
	}
	if (TTY_L(tty, ECHOK) && TTY_L(tty, ECHOKE) && TTY_L(tty, ECHOE))
		return false;
	tty->read_head = tty->canon_head;
	finish_erasing(tty);
	tty_echo_char(tty, tty->termios.c_cc[UX_VKILL]);
	if (TTY_L(tty, ECHOK))
		tty_out_char(tty, '\n');
	return true;
}

/* VERASE, VWERASE (alphanumerics and '_' are a word) or VKILL. */
static void erase(struct tty *tty, uint8_t key)
{
	bool erase_char = tty_cc_is(tty, UX_VERASE, key);
	bool word = !erase_char && tty_cc_is(tty, UX_VWERASE, key);
	uint32_t seen_alnums = 0;

	if (tty->read_head == tty->canon_head)
		return;
	if (!erase_char && !word && kill_line_plainly(tty))
		return;
	while (tty->read_head != tty->canon_head) {
		uint32_t head = tty->read_head;
		uint8_t c;

		do
			c = tty_byte_at(tty, --head);
		while (tty_is_continuation(tty, c) && head != tty->canon_head);
		if (tty_is_continuation(tty, c))
			break;
		if (word) {
			if (is_alnum(c) || c == '_')
				seen_alnums++;
			else if (seen_alnums)
				break;
		}
		uint32_t count = tty->read_head - head;
		tty->read_head = head;
		if (TTY_L(tty, ECHO))
			echo_erase(tty, c, head, count, erase_char);
		if (erase_char)
			break;
	}
	if (tty->read_head == tty->canon_head && TTY_L(tty, ECHO))
		finish_erasing(tty);
}

static void reprint(struct tty *tty, uint8_t key)
{
	finish_erasing(tty);
	tty_echo_char(tty, key);
	tty_out_char(tty, '\n');
	for (uint32_t tail = tty->canon_head; tail != tty->read_head; tail++)
		tty_echo_char(tty, tty_byte_at(tty, tail));
}

/* The ICANON-only meanings; false when c is data after all. */
static bool canonical_special(struct tty *tty, uint8_t c)
{
	bool iexten = TTY_L(tty, IEXTEN);

	if (tty_cc_is(tty, UX_VERASE, c) || tty_cc_is(tty, UX_VKILL, c) ||
	    (iexten && tty_cc_is(tty, UX_VWERASE, c))) {
		erase(tty, c);
	} else if (iexten && tty_cc_is(tty, UX_VLNEXT, c)) {
		tty->lnext = true;
		if (TTY_L(tty, ECHO)) {
			finish_erasing(tty);
			if (TTY_L(tty, ECHOCTL)) {
				tty_out_char(tty, '^');
				tty_out_char(tty, '\b');
			}
		}
	} else if (iexten && TTY_L(tty, ECHO) && tty_cc_is(tty, UX_VREPRINT, c)) {
		reprint(tty, c);
	} else if (c == '\n') {
		if (TTY_L(tty, ECHO) || TTY_L(tty, ECHONL))
			tty_out_char(tty, '\n');
		end_line(tty, c);
	} else if (tty_cc_is(tty, UX_VEOF, c)) {
		end_line(tty, 0);
	} else if (tty_cc_is(tty, UX_VEOL, c) || (iexten && tty_cc_is(tty, UX_VEOL2, c))) {
		if (TTY_L(tty, ECHO)) {
			if (tty->canon_head == tty->read_head)
				tty->canon_column = tty->column;
			tty_echo_char(tty, c);
		}
		if (c == 0xff && TTY_I(tty, PARMRK))
			put(tty, c);
		end_line(tty, c);
	} else {
		return false;
	}
	return true;
}

/* VINTR, VQUIT, VSUSP: the signal, the flush (unless NOFLSH), the echo. */
static bool signal_char(struct tty *tty, uint8_t c)
{
	int sig;

	if (tty_cc_is(tty, UX_VINTR, c))
		sig = TTY_SIGINT;
	else if (tty_cc_is(tty, UX_VQUIT, c))
		sig = TTY_SIGQUIT;
	else if (tty_cc_is(tty, UX_VSUSP, c))
		sig = TTY_SIGTSTP;
	else
		return false;
	tty_raise(tty, sig);
	if (!TTY_L(tty, NOFLSH)) {
		tty_out_discard(tty);   /* echo not yet sent is dropped too */
		tty_input_reset(tty);
	}
	if (TTY_I(tty, IXON))
		tty_start(tty);
	if (TTY_L(tty, ECHO))
		tty_echo_char(tty, c);
	return true;
}

static bool flow_char(struct tty *tty, uint8_t c)
{
	if (tty_cc_is(tty, UX_VSTART, c))
		tty_start(tty);
	else if (tty_cc_is(tty, UX_VSTOP, c))
		tty_stop(tty);
	else
		return false;
	return true;
}

static void restart_on_any(struct tty *tty)
{
	if (tty->stopped && !tty->tco_stopped && TTY_I(tty, IXON) && TTY_I(tty, IXANY))
		tty_start(tty);
}

static bool any_of(const struct tty *tty, const int *index, size_t n, uint8_t c)
{
	for (size_t i = 0; i < n; i++)
		if (tty_cc_is(tty, index[i], c))
			return true;
	return false;
}

#define ANY_OF(tty, list, c) any_of(tty, list, sizeof(list) / sizeof(list[0]), c)

static bool is_special(const struct tty *tty, uint8_t c)
{
	static const int canonical[] = { UX_VERASE, UX_VKILL, UX_VEOF, UX_VEOL };
	static const int extended[] = { UX_VWERASE, UX_VLNEXT, UX_VEOL2 };
	static const int flow[] = { UX_VSTART, UX_VSTOP };
	static const int signals[] = { UX_VINTR, UX_VQUIT, UX_VSUSP };
	bool icanon = TTY_L(tty, ICANON), iexten = TTY_L(tty, IEXTEN);

	if (c == '\r' && (TTY_I(tty, IGNCR) || TTY_I(tty, ICRNL)))
		return true;
	if (c == '\n' && (TTY_I(tty, INLCR) || icanon))
		return true;
	if (icanon && ANY_OF(tty, canonical, c))
		return true;
	if (icanon && iexten && ANY_OF(tty, extended, c))
		return true;
	if (icanon && iexten && TTY_L(tty, ECHO) && tty_cc_is(tty, UX_VREPRINT, c))
		return true;
	if (TTY_I(tty, IXON) && ANY_OF(tty, flow, c))
		return true;
	return TTY_L(tty, ISIG) && ANY_OF(tty, signals, c);
}

static void receive_special(struct tty *tty, uint8_t c)
{
	if (TTY_I(tty, IXON) && flow_char(tty, c))
		return;
	if (TTY_L(tty, ISIG) && signal_char(tty, c))
		return;
	restart_on_any(tty);
	if (c == '\r') {
		if (TTY_I(tty, IGNCR))
			return;
		if (TTY_I(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && TTY_I(tty, INLCR)) {
		c = '\r';
	}
	if (TTY_L(tty, ICANON) && canonical_special(tty, c))
		return;
	echo_data(tty, c, true);
	put_data(tty, c);
}

static void receive(struct tty *tty, uint8_t c)
{
	if (TTY_I(tty, ISTRIP))
		c &= 0x7f;
	if (TTY_I(tty, IUCLC) && TTY_L(tty, IEXTEN) && c >= 'A' && c <= 'Z')
		c = (uint8_t)(c - 'A' + 'a');
	if (!tty->lnext && is_special(tty, c)) {
		receive_special(tty, c);
		return;
	}
	tty->lnext = false;
	restart_on_any(tty);
	echo_data(tty, c, false);
	put_data(tty, c);
}

void tty_input(struct tty *tty, const uint8_t *buf, size_t n)
{
	tty_out_flush(tty);
	for (size_t i = 0; i < n; i++)
		receive(tty, buf[i]);
	tty_out_flush(tty);
}
