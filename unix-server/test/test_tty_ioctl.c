/*
 * test_tty_ioctl.c: the terminal's ABI against the host's own headers
 * (struct layouts, flag values, ioctl numbers), the defaults against a
 * fresh host pty, and each ioctl of tty_ioctls.h.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>
#include <asm/termbits.h>
#include <asm/ioctls.h>
#include <sys/ioctl.h>
#include "tty_test_util.h"

#define SAME_FIELD(a, b, f) (offsetof(struct a, f) == offsetof(struct b, f) && \
			     sizeof(((struct a *)0)->f) == sizeof(((struct b *)0)->f))

static void termios_layout_is_the_kernels(void)
{
	UNIT_CHECK(sizeof(struct ux_termios) == sizeof(struct termios));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_iflag));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_oflag));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_cflag));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_lflag));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_line));
	UNIT_CHECK(SAME_FIELD(ux_termios, termios, c_cc));
	UNIT_CHECK(sizeof(struct ux_termios2) == sizeof(struct termios2));
	UNIT_CHECK(SAME_FIELD(ux_termios2, termios2, c_cc));
	UNIT_CHECK(SAME_FIELD(ux_termios2, termios2, c_ispeed));
	UNIT_CHECK(SAME_FIELD(ux_termios2, termios2, c_ospeed));
	UNIT_CHECK(sizeof(struct ux_winsize) == sizeof(struct winsize));
	UNIT_CHECK(SAME_FIELD(ux_winsize, winsize, ws_row));
	UNIT_CHECK(SAME_FIELD(ux_winsize, winsize, ws_col));
	UNIT_CHECK(SAME_FIELD(ux_winsize, winsize, ws_xpixel));
	UNIT_CHECK(SAME_FIELD(ux_winsize, winsize, ws_ypixel));
	UNIT_CHECK(UX_NCCS == NCCS);
}

static void flag_and_index_values_are_the_kernels(void)
{
#define SAME_VALUE(name, value) UNIT_CHECK((uint32_t)UX_##name == (uint32_t)(name));
	UX_TERMIOS_FLAGS(SAME_VALUE)
	UX_TERMIOS_CC(SAME_VALUE)
	UX_TERMIOS_ARGS(SAME_VALUE)
#undef SAME_VALUE
}

static void ioctl_numbers_are_the_kernels(void)
{
#define SAME_NUMBER(name, nr, arg, in, out) UNIT_CHECK((uint32_t)UX_##name == (uint32_t)(name));
	TTY_IOCTLS(SAME_NUMBER)
#undef SAME_NUMBER
}

static void ioctl_table_gives_each_argument_size(void)
{
	struct tty_ioctl_shape s;

	UNIT_CHECK(tty_ioctl_shape(TCGETS, &s) && s.arg == TTY_ARG_PTR &&
		   s.in_bytes == 0 && s.out_bytes == sizeof(struct termios));
	UNIT_CHECK(tty_ioctl_shape(TCSETSF2, &s) && s.in_bytes == sizeof(struct termios2));
	UNIT_CHECK(tty_ioctl_shape(TIOCSWINSZ, &s) && s.in_bytes == sizeof(struct winsize));
	UNIT_CHECK(tty_ioctl_shape(TCFLSH, &s) && s.arg == TTY_ARG_INT && s.in_bytes == 4);
	UNIT_CHECK(tty_ioctl_shape(TIOCNOTTY, &s) && s.arg == TTY_ARG_NONE);
	UNIT_CHECK(tty_ioctl_shape(FIONREAD, &s) && s.out_bytes == sizeof(int));
	UNIT_CHECK(!tty_ioctl_shape(FIONBIO, &s));
	UNIT_CHECK(!tty_ioctl_shape(TIOCGSERIAL, &s));
}

/* A fresh host pty starts from the kernel's tty_std_termios. */
static void defaults_match_linux(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios got;
	struct termios host;
	int m = posix_openpt(O_RDWR | O_NOCTTY), s = -1;

	UNIT_CHECK(tty_ioctl(t, UX_TCGETS, NULL, &got) == 0);
	UNIT_CHECK(got.c_iflag == (ICRNL | IXON) && got.c_oflag == (OPOST | ONLCR));
	UNIT_CHECK(got.c_cflag == (B115200 | CS8 | CREAD | HUPCL | CLOCAL));
	UNIT_CHECK(got.c_line == 0);
	if (m >= 0 && grantpt(m) == 0 && unlockpt(m) == 0)
		s = open(ptsname(m), O_RDWR | O_NOCTTY);
	if (s < 0) {
		printf("note: no host pty, defaults checked against constants only\n");
		UNIT_CHECK(got.c_cc[VERASE] == 0x7f && got.c_cc[VMIN] == 1);
	} else {
		UNIT_CHECK(ioctl(s, TCGETS, &host) == 0);
		UNIT_CHECK(got.c_iflag == host.c_iflag && got.c_oflag == host.c_oflag);
		UNIT_CHECK(got.c_lflag == host.c_lflag);
		UNIT_CHECK(!memcmp(got.c_cc, host.c_cc, NCCS));
		close(s);
	}
	if (m >= 0)
		close(m);
}

static void tcgets_tcsets_round_trip_and_take_effect(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio, back;

	tty_ioctl(t, UX_TCGETS, NULL, &tio);
	tio.c_lflag &= ~(uint32_t)UX_ECHO;
	tio.c_cc[UX_VERASE] = '#';
	tio.c_line = 3;
	UNIT_CHECK(tty_ioctl(t, UX_TCSETS, &tio, NULL) == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TCGETS, NULL, &back) == 0 && !memcmp(&tio, &back, sizeof(tio)));
	FEED(t, "ab#c\r");
	CHECK_OUT("");
	CHECK_READ(t, 100, "ac\n");
}

static void termios2_reports_speeds(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio;
	struct ux_termios2 t2;

	UNIT_CHECK(tty_ioctl(t, UX_TCGETS2, NULL, &t2) == 0);
	UNIT_CHECK(t2.c_ispeed == 115200 && t2.c_ospeed == 115200);
	UNIT_CHECK(!memcmp(&t2, &t->termios, sizeof(struct ux_termios)));
	tio = t->termios;
	tio.c_cflag = (tio.c_cflag & ~(uint32_t)UX_CBAUD) | UX_B9600;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	tty_ioctl(t, UX_TCGETS2, NULL, &t2);
	UNIT_CHECK(t2.c_ispeed == 9600 && t2.c_ospeed == 9600);
	t2.c_cflag = (t2.c_cflag & ~(uint32_t)UX_CBAUD) | UX_BOTHER;
	t2.c_ospeed = 12345;
	UNIT_CHECK(tty_ioctl(t, UX_TCSETSW2, &t2, NULL) == 0);
	tty_ioctl(t, UX_TCGETS2, NULL, &t2);
	UNIT_CHECK(t2.c_ospeed == 12345 && t2.c_ispeed == 12345);
}

static void winsize_round_trips_and_raises_sigwinch_on_change(void)
{
	struct tty *t = fresh_tty();
	struct ux_winsize ws, back;

	UNIT_CHECK(tty_ioctl(t, UX_TIOCGWINSZ, NULL, &ws) == 0);
	UNIT_CHECK(ws.ws_row == 24 && ws.ws_col == 80 && !ws.ws_xpixel && !ws.ws_ypixel);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCSWINSZ, &ws, NULL) == 0);
	UNIT_CHECK(tty_take_signal(t) == 0);
	ws = (struct ux_winsize){ 50, 132, 1, 2 };
	UNIT_CHECK(tty_ioctl(t, UX_TIOCSWINSZ, &ws, NULL) == 0);
	UNIT_CHECK(tty_take_signal(t) == TTY_SIGWINCH);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCGWINSZ, NULL, &back) == 0 && !memcmp(&ws, &back, sizeof(ws)));
}

static void foreground_group_round_trips(void)
{
	struct tty *t = fresh_tty();
	int32_t pgrp = 77, got = 0;

	UNIT_CHECK(tty_ioctl(t, UX_TIOCSPGRP, &pgrp, NULL) == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCGPGRP, NULL, &got) == 0 && got == 77);
	pgrp = -1;
	UNIT_CHECK(tty_ioctl(t, UX_TIOCSPGRP, &pgrp, NULL) == -UX_EINVAL);
	UNIT_CHECK(t->pgrp == 77);
}

static void session_is_reported_once_set(void)
{
	struct tty *t = fresh_tty();
	int32_t sid = 0;

	UNIT_CHECK(tty_ioctl(t, UX_TIOCGSID, NULL, &sid) == -UX_ENOTTY);
	t->session = 5;
	UNIT_CHECK(tty_ioctl(t, UX_TIOCGSID, NULL, &sid) == 0 && sid == 5);
}

static void bookkeeping_ioctls_answer_plainly(void)
{
	struct tty *t = fresh_tty();
	int32_t v = 1;

	UNIT_CHECK(tty_ioctl(t, UX_TIOCSCTTY, &v, NULL) == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCNOTTY, NULL, NULL) == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TCSBRK, &v, NULL) == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCOUTQ, NULL, &v) == 0 && v == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCGETD, NULL, &v) == 0 && v == 0);
	UNIT_CHECK(tty_ioctl(t, UX_TIOCSETD, &v, NULL) == 0);
	v = 2;
	UNIT_CHECK(tty_ioctl(t, UX_TIOCSETD, &v, NULL) == -UX_EINVAL);
}

static void unknown_ioctl_is_enotty(void)
{
	struct tty *t = fresh_tty();

	UNIT_CHECK(tty_ioctl(t, FIONBIO, NULL, NULL) == -UX_ENOTTY);
	UNIT_CHECK(tty_ioctl(t, TIOCGSERIAL, NULL, NULL) == -UX_ENOTTY);
	UNIT_CHECK(tty_ioctl(t, 0, NULL, NULL) == -UX_ENOTTY);
	UNIT_CHECK(tty_ioctl(t, 0xdeadbeef, NULL, NULL) == -UX_ENOTTY);
	UNIT_CHECK(UX_ENOTTY == 25);
}

static const struct unit_case cases[] = {
	UNIT_CASE(termios_layout_is_the_kernels),
	UNIT_CASE(flag_and_index_values_are_the_kernels),
	UNIT_CASE(ioctl_numbers_are_the_kernels),
	UNIT_CASE(ioctl_table_gives_each_argument_size),
	UNIT_CASE(defaults_match_linux),
	UNIT_CASE(tcgets_tcsets_round_trip_and_take_effect),
	UNIT_CASE(termios2_reports_speeds),
	UNIT_CASE(winsize_round_trips_and_raises_sigwinch_on_change),
	UNIT_CASE(foreground_group_round_trips),
	UNIT_CASE(session_is_reported_once_set),
	UNIT_CASE(bookkeeping_ioctls_answer_plainly),
	UNIT_CASE(unknown_ioctl_is_enotty),
};

UNIT_MAIN("host/unix-server/tty_ioctl", cases)
