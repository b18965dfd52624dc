/*
 * tty_output.c: the terminal's output side: output processing (OPOST:
 * ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, XTABS) with the cursor column it
 * implies, echo rendering (ECHOCTL's ^X), staging bytes for ops->output,
 * and tty_write. Echo goes through the same processing as written output,
 * as in N_TTY, so "\n" echoes as "\r\n" under ONLCR.
 */
#include "tty_internal.h"

void tty_out_flush(struct tty *tty)
{
	if (tty->out_len)
		tty->ops->output(tty->ctx, tty->out, tty->out_len);
	tty->out_len = 0;
	tty->sent_column = tty->column;
	tty->sent_canon_column = tty->canon_column;
}

/* Staged bytes are dropped as if never processed (N_TTY's echo flush). */
void tty_out_discard(struct tty *tty)
{
	tty->out_len = 0;
	tty->column = tty->sent_column;
	tty->canon_column = tty->sent_canon_column;
}

/* One byte as it is, no processing, no column change. */
void tty_out_raw(struct tty *tty, uint8_t c)
{
	if (tty->out_len == sizeof(tty->out))
		tty_out_flush(tty);
	tty->out[tty->out_len++] = c;
}

static void out_spaces(struct tty *tty, uint32_t n)
{
	while (n--)
		tty_out_raw(tty, ' ');
}

/* One byte through OPOST, keeping column as Linux's do_output_char does. */
void tty_out_char(struct tty *tty, uint8_t c)
{
	uint32_t spaces;

	if (!TTY_O(tty, OPOST)) {
		tty_out_raw(tty, c);
		return;
	}
	switch (c) {
	case '\n':
		if (TTY_O(tty, ONLRET))
			tty->column = 0;
		if (TTY_O(tty, ONLCR)) {
			tty->canon_column = tty->column = 0;
			tty_out_raw(tty, '\r');
			break;
		}
		tty->canon_column = tty->column;
		break;
	case '\r':
		if (TTY_O(tty, ONOCR) && tty->column == 0)
			return;
		if (TTY_O(tty, OCRNL)) {
			c = '\n';
			if (TTY_O(tty, ONLRET))
				tty->canon_column = tty->column = 0;
			break;
		}
		tty->canon_column = tty->column = 0;
		break;
	case '\t':
		spaces = 8 - (tty->column & 7);
		tty->column += spaces;
		if ((tty->termios.c_oflag & UX_TABDLY) == UX_XTABS) {
			out_spaces(tty, spaces);
			return;
		}
		break;
	case '\b':
		if (tty->column > 0)
			tty->column--;
		break;
	default:
		if (tty_is_ctrl(c))
			break;
		if (TTY_O(tty, OLCUC) && c >= 'a' && c <= 'z')
			c = (uint8_t)(c - 'a' + 'A');
		if (!tty_is_continuation(tty, c))
			tty->column++;
		break;
	}
	tty_out_raw(tty, c);
}

/* Echo of an input byte: a control character as ^X under ECHOCTL. */
void tty_echo_char(struct tty *tty, uint8_t c)
{
	if (TTY_L(tty, ECHOCTL) && tty_is_ctrl(c) && c != '\t') {
		tty_out_raw(tty, '^');
		tty_out_raw(tty, c ^ 0100);
		tty->column += 2;
		return;
	}
	tty_out_char(tty, c);
}

/* Output stopped (VSTOP, TCOOFF) parks the writer; nothing is buffered. */
long tty_write(struct tty *tty, const uint8_t *buf, size_t n)
{
	if (tty->stopped)
		return -UX_EPARK;
	for (size_t i = 0; i < n; i++)
		tty_out_char(tty, buf[i]);
	tty_out_flush(tty);
	return (long)n;
}

bool tty_writable(const struct tty *tty)
{
	return !tty->stopped;
}
