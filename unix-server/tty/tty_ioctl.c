/*
 * tty_ioctl.c: the terminal ioctls of tty_ioctls.h. The caller has checked
 * the request against that table: in holds in_bytes, out has room for
 * out_bytes. What needs the process table is the caller's before it calls
 * here: TIOCSCTTY and TIOCNOTTY (this only answers 0), who may TIOCSPGRP
 * and whether the group exists, TIOCGPGRP/TIOCGSID from a process whose
 * terminal this is not (-ENOTTY), SIGTTOU for TCSETS* from the background.
 */
#include "tty_internal.h"
#include "tty_ioctls.h"

static int32_t in_int(const void *in)
{
	int32_t v;

	memcpy(&v, in, sizeof(v));
	return v;
}

static long out_int(void *out, int32_t v)
{
	memcpy(out, &v, sizeof(v));
	return 0;
}

static long get_termios2(const struct tty *tty, void *out)
{
	struct ux_termios2 t2;

	memcpy(&t2, &tty->termios, sizeof(tty->termios));
	t2.c_ispeed = tty->ispeed;
	t2.c_ospeed = tty->ospeed;
	memcpy(out, &t2, sizeof(t2));
	return 0;
}

/* TCSETS*: with F the pending input goes first; W waits for output to
   drain, which is always drained here. termios2's speeds count only with
   BOTHER in c_cflag. */
static long set_termios(struct tty *tty, const void *in, bool two, bool flush)
{
	struct ux_termios t;
	uint32_t speeds[2] = { tty->ispeed, tty->ospeed };

	memcpy(&t, in, sizeof(t));
	if (two)
		memcpy(speeds, (const uint8_t *)in + offsetof(struct ux_termios2, c_ispeed),
		       sizeof(speeds));
	if (flush)
		tty_input_reset(tty);
	tty_set_termios(tty, &t);
	tty_set_speeds(tty, speeds[0], speeds[1]);
	return 0;
}

static long set_winsize(struct tty *tty, const void *in)
{
	struct ux_winsize ws;

	memcpy(&ws, in, sizeof(ws));
	if (memcmp(&ws, &tty->winsize, sizeof(ws))) {
		tty->winsize = ws;
		tty_raise(tty, TTY_SIGWINCH);
	}
	return 0;
}

/* TCXONC: suspend or restart output, or send VSTOP/VSTART to the device. */
static long flow(struct tty *tty, int action)
{
	uint8_t c;

	switch (action) {
	case UX_TCOOFF:
		tty->tco_stopped = tty->stopped = true;
		return 0;
	case UX_TCOON:
		if (tty->tco_stopped)
			tty->tco_stopped = tty->stopped = false;
		return 0;
	case UX_TCIOFF:
	case UX_TCION:
		c = tty->termios.c_cc[action == UX_TCIOFF ? UX_VSTOP : UX_VSTART];
		if (c != UX_VDISABLE)
			tty->ops->output(tty->ctx, &c, 1);
		return 0;
	default:
		return -UX_EINVAL;
	}
}

long tty_ioctl(struct tty *tty, uint32_t cmd, const void *in, void *out)
{
	switch (cmd) {
	case UX_TCGETS:
		memcpy(out, &tty->termios, sizeof(tty->termios));
		return 0;
	case UX_TCGETS2:
		return get_termios2(tty, out);
	case UX_TCSETS:
	case UX_TCSETSW:
	case UX_TCSETSF:
		return set_termios(tty, in, false, cmd == UX_TCSETSF);
	case UX_TCSETS2:
	case UX_TCSETSW2:
	case UX_TCSETSF2:
		return set_termios(tty, in, true, cmd == UX_TCSETSF2);
	case UX_TCSBRK:
	case UX_TIOCSCTTY:
	case UX_TIOCNOTTY:
		return 0;
	case UX_TCXONC:
		return flow(tty, in_int(in));
	case UX_TCFLSH:
		return tty_flush(tty, in_int(in));
	case UX_TIOCGPGRP:
		return out_int(out, tty->pgrp);
	case UX_TIOCSPGRP:
		if (in_int(in) < 0)
			return -UX_EINVAL;
		tty->pgrp = in_int(in);
		return 0;
	case UX_TIOCGSID:
		return tty->session > 0 ? out_int(out, tty->session) : -UX_ENOTTY;
	case UX_TIOCOUTQ:
		return out_int(out, 0);
	case UX_FIONREAD:
		return out_int(out, (int32_t)tty_input_count(tty));
	case UX_TIOCGWINSZ:
		memcpy(out, &tty->winsize, sizeof(tty->winsize));
		return 0;
	case UX_TIOCSWINSZ:
		return set_winsize(tty, in);
	case UX_TIOCGETD:
		return out_int(out, 0);
	case UX_TIOCSETD:
		return in_int(in) == 0 ? 0 : -UX_EINVAL;
	default:
		return -UX_ENOTTY;
	}
}
