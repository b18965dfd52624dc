/*
 * tty.c: a terminal's life and state changes: tty_init with a Linux serial
 * console's settings, tty_set_termios (what an ICANON switch does to
 * pending input, the speeds termios2 reports), flushing, output flow
 * control and the signals the terminal raises.
 */
#include "tty_internal.h"

/* Linux's INIT_C_CC. */
static const uint8_t default_cc[UX_NCCS] = {
	[UX_VINTR] = UX_CTRL('C'), [UX_VQUIT] = UX_CTRL('\\'), [UX_VERASE] = 0x7f,
	[UX_VKILL] = UX_CTRL('U'), [UX_VEOF] = UX_CTRL('D'), [UX_VTIME] = 0,
	[UX_VMIN] = 1, [UX_VSWTC] = 0, [UX_VSTART] = UX_CTRL('Q'),
	[UX_VSTOP] = UX_CTRL('S'), [UX_VSUSP] = UX_CTRL('Z'), [UX_VEOL] = 0,
	[UX_VREPRINT] = UX_CTRL('R'), [UX_VDISCARD] = UX_CTRL('O'),
	[UX_VWERASE] = UX_CTRL('W'), [UX_VLNEXT] = UX_CTRL('V'), [UX_VEOL2] = 0,
};

void tty_init(struct tty *tty, const struct tty_ops *ops, void *ctx)
{
	struct ux_termios t = {
		.c_iflag = UX_ICRNL | UX_IXON,
		.c_oflag = UX_OPOST | UX_ONLCR,
		.c_cflag = UX_B115200 | UX_CS8 | UX_CREAD | UX_HUPCL | UX_CLOCAL,
		.c_lflag = UX_ISIG | UX_ICANON | UX_ECHO | UX_ECHOE | UX_ECHOK |
			   UX_ECHOCTL | UX_ECHOKE | UX_IEXTEN,
	};

	memset(tty, 0, sizeof(*tty));
	tty->ops = ops;
	tty->ctx = ctx;
	memcpy(t.c_cc, default_cc, sizeof(t.c_cc));
	tty->termios = t;
	tty->ispeed = tty->ospeed = 115200;
	tty->winsize = (struct ux_winsize){ .ws_row = 24, .ws_col = 80 };
}

/* The speed a Bnnn code stands for; BOTHER means the one given. */
static uint32_t baud_of(uint32_t code, uint32_t other)
{
	static const uint32_t speeds[] = {
		0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800,
		9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000, 576000,
		921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000,
		3500000, 4000000,
	};
	uint32_t i = code & ~(uint32_t)UX_CBAUDEX;

	if (code == UX_BOTHER)
		return other;
	if (code & UX_CBAUDEX)
		i += 15;
	return i < sizeof(speeds) / sizeof(speeds[0]) ? speeds[i] : 0;
}

/* Speeds as Linux's set_termios fills termios2: from the codes in c_cflag
   (CIBAUD 0 means the output speed), c_ispeed/c_ospeed only for BOTHER. */
void tty_set_speeds(struct tty *tty, uint32_t ispeed, uint32_t ospeed)
{
	uint32_t cflag = tty->termios.c_cflag;
	uint32_t icode = (cflag & UX_CIBAUD) >> 16;

	tty->ospeed = baud_of(cflag & UX_CBAUD, ospeed);
	tty->ispeed = icode == UX_B0 ? tty->ospeed : baud_of(icode, ispeed);
}

/*
 * As N_TTY: switching ICANON forgets line ends; into canonical mode all
 * pending input becomes one line (readable at once), out of it the line
 * being edited becomes readable.
 */
static void switch_canonical(struct tty *tty)
{
	memset(tty->line_end, 0, sizeof(tty->line_end));
	tty->line_start = tty->read_tail;
	if (!TTY_L(tty, ICANON) || tty->read_head == tty->read_tail) {
		tty->canon_head = tty->read_tail;
	} else {
		tty_mark_line_end(tty, tty->read_head - 1, true);
		tty->canon_head = tty->read_head;
	}
	tty->erasing = false;
	tty->lnext = false;
}

void tty_set_termios(struct tty *tty, const struct ux_termios *t)
{
	struct ux_termios old = tty->termios;

	tty->termios = *t;
	tty_set_speeds(tty, tty->ispeed, tty->ospeed);
	if ((old.c_lflag ^ t->c_lflag) & (UX_ICANON | UX_EXTPROC))
		switch_canonical(tty);
	if (!TTY_I(tty, IXON) && (old.c_iflag & UX_IXON) && !tty->tco_stopped)
		tty_start(tty);
}

void tty_input_reset(struct tty *tty)
{
	tty->read_head = tty->canon_head = tty->read_tail = tty->line_start = 0;
	memset(tty->line_end, 0, sizeof(tty->line_end));
	tty->erasing = false;
}

long tty_flush(struct tty *tty, int queue)
{
	if (queue != UX_TCIFLUSH && queue != UX_TCOFLUSH && queue != UX_TCIOFLUSH)
		return -UX_EINVAL;
	if (queue != UX_TCOFLUSH)
		tty_input_reset(tty);
	if (queue != UX_TCIFLUSH)
		tty_out_discard(tty);
	return 0;
}

/* As Linux, a signal for no foreground group goes nowhere. */
void tty_raise(struct tty *tty, int sig)
{
	if (tty->pgrp > 0)
		tty->pending_signals |= 1u << sig;
}

int tty_take_signal(struct tty *tty)
{
	for (int sig = 1; sig < 32; sig++) {
		if (tty->pending_signals & (1u << sig)) {
			tty->pending_signals &= ~(1u << sig);
			return sig;
		}
	}
	return 0;
}

/* VSTART restarts what VSTOP stopped, not what TCOOFF did. */
void tty_start(struct tty *tty)
{
	if (!tty->tco_stopped)
		tty->stopped = false;
}

void tty_stop(struct tty *tty)
{
	tty->stopped = true;
}
