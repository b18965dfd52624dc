/*
 * test_tty_read.c: what reads return: one line at a time in canonical
 * mode, VMIN/VTIME without it, -UX_EPARK when a read must wait, what a
 * switch of ICANON does to pending input, FIONREAD and poll's answer.
 */
#include "tty_test_util.h"

static uint8_t rbuf[8192];

static void empty_terminal_parks_a_read(void)
{
	struct tty *t = fresh_tty();

	UNIT_CHECK(!tty_readable(t));
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
	UNIT_CHECK(tty_read(t, rbuf, 0) == 0);
	FEED(t, "partial");
	UNIT_CHECK(!tty_readable(t));
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
}

static void canonical_read_returns_one_line_at_a_time(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "one\rtwo\rthr");
	UNIT_CHECK(tty_readable(t));
	CHECK_READ(t, 100, "one\n");
	CHECK_READ(t, 100, "two\n");
	UNIT_CHECK(tty_read(t, rbuf, 100) == -UX_EPARK);
	FEED(t, "ee\r");
	CHECK_READ(t, 100, "three\n");
}

static void short_canonical_read_leaves_the_rest_of_the_line(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "abcdef\rg\r");
	CHECK_READ(t, 4, "abcd");
	CHECK_READ(t, 4, "ef\n");
	CHECK_READ(t, 4, "g\n");
}

static void veol_ends_a_line_and_is_returned(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;

	tio.c_cc[UX_VEOL] = ';';
	tio.c_cc[UX_VEOL2] = '!';
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "ls;hi!");
	CHECK_OUT("ls;hi!");
	CHECK_READ(t, 100, "ls;");
	CHECK_READ(t, 100, "hi!");
}

static void raw_read_returns_bytes_at_once(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 1, 0);
	FEED(t, "a");
	CHECK_OUT("a");
	UNIT_CHECK(tty_readable(t));
	CHECK_READ(t, 100, "a");
	FEED(t, "\rb\x7f\x15");
	CHECK_OUT("\r\nb^?^U");
	CHECK_READ(t, 100, "\nb\x7f\x15");
	UNIT_CHECK(tty_read(t, rbuf, 100) == -UX_EPARK);
}

static void raw_read_never_returns_more_than_asked(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 1, 0);
	FEED(t, "abcdef");
	CHECK_READ(t, 4, "abcd");
	CHECK_READ(t, 4, "ef");
}

static void vmin_waits_for_that_many_bytes(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 3, 0);
	FEED(t, "ab");
	UNIT_CHECK(!tty_readable(t));
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
	CHECK_READ(t, 2, "ab");         /* a read of n < VMIN needs n */
	FEED(t, "cdefg");
	UNIT_CHECK(tty_readable(t));
	CHECK_READ(t, 10, "cdefg");
	UNIT_CHECK(tty_read_timer(t) == 0);
}

static void vmin_zero_vtime_zero_polls(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 0, 0);
	UNIT_CHECK(tty_read(t, rbuf, 10) == 0);
	UNIT_CHECK(!tty_readable(t));
	FEED(t, "x");
	CHECK_READ(t, 10, "x");
}

static void vtime_alone_is_a_read_timeout(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 0, 5);
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
	UNIT_CHECK(tty_read_timer(t) == 5);
	UNIT_CHECK(tty_read_expired(t, rbuf, 10) == 0);
	FEED(t, "xy");
	CHECK_READ(t, 10, "xy");
}

static void vmin_and_vtime_is_an_inter_byte_timer(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 4, 2);
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
	UNIT_CHECK(tty_read_timer(t) == 0);     /* waits for a first byte */
	FEED(t, "ab");
	UNIT_CHECK(tty_readable(t));            /* poll: VTIME set, one is enough */
	UNIT_CHECK(tty_read(t, rbuf, 10) == -UX_EPARK);
	UNIT_CHECK(tty_read_timer(t) == 2);
	UNIT_CHECK(tty_read_expired(t, rbuf, 10) == 2 && !memcmp(rbuf, "ab", 2));
	FEED(t, "cdef");
	CHECK_READ(t, 10, "cdef");
}

static void nonblocking_read_takes_what_there_is(void)
{
	struct tty *t = fresh_tty();

	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == -UX_EAGAIN);
	FEED(t, "half");
	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == -UX_EAGAIN);
	FEED(t, "\r");
	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == 5);
	set_raw(t, 3, 0);
	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == -UX_EAGAIN);
	FEED(t, "ab");
	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == 2);
	set_raw(t, 0, 0);
	UNIT_CHECK(tty_read_nonblock(t, rbuf, 10) == 0);
}

static void raw_input_keeps_4095_bytes(void)
{
	struct tty *t = fresh_tty();
	static uint8_t in[5000];

	set_raw(t, 1, 0);
	memset(in, 'r', sizeof(in));
	tty_input(t, in, sizeof(in));
	UNIT_CHECK(tty_read(t, rbuf, sizeof(rbuf)) == TTY_LINE_MAX);
	FEED(t, "s");
	CHECK_READ(t, 10, "s");
}

static void leaving_icanon_makes_the_edited_line_readable(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "done\rhalf");
	set_raw(t, 1, 0);
	CHECK_READ(t, 100, "done\nhalf");
}

static void entering_icanon_makes_pending_input_one_line(void)
{
	struct tty *t = fresh_tty();

	set_raw(t, 1, 0);
	FEED(t, "ab");
	set_lflag(t, UX_ICANON, 0);
	UNIT_CHECK(tty_readable(t));
	CHECK_READ(t, 100, "ab");
	FEED(t, "\x7f");
	CHECK_OUT("ab");                        /* nothing left to erase */
}

static void tcsetsf_flushes_pending_input(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;

	FEED(t, "typed ahead\r");
	UNIT_CHECK(tty_ioctl(t, UX_TCSETSW, &tio, NULL) == 0);
	UNIT_CHECK(tty_readable(t));
	UNIT_CHECK(tty_ioctl(t, UX_TCSETSF, &tio, NULL) == 0);
	UNIT_CHECK(!tty_readable(t));
}

static void tcflsh_flushes_input_and_checks_its_queue(void)
{
	struct tty *t = fresh_tty();
	int32_t q = UX_TCOFLUSH;

	FEED(t, "x\r");
	UNIT_CHECK(tty_ioctl(t, UX_TCFLSH, &q, NULL) == 0);
	UNIT_CHECK(tty_readable(t));
	q = UX_TCIOFLUSH;
	UNIT_CHECK(tty_ioctl(t, UX_TCFLSH, &q, NULL) == 0);
	UNIT_CHECK(!tty_readable(t));
	q = 3;
	UNIT_CHECK(tty_ioctl(t, UX_TCFLSH, &q, NULL) == -UX_EINVAL);
}

static int32_t fionread(struct tty *t)
{
	int32_t n = -1;

	UNIT_CHECK(tty_ioctl(t, UX_FIONREAD, NULL, &n) == 0);
	return n;
}

static void fionread_counts_complete_lines_without_eof(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "ab\rc\x04part");
	UNIT_CHECK(fionread(t) == 4);
	set_raw(t, 1, 0);
	UNIT_CHECK(fionread(t) == 9);
}

static void ring_wraps_around(void)
{
	struct tty *t = fresh_tty();
	char line[1001];

	memset(line, 'w', 999);
	line[999] = '\r';
	for (int i = 0; i < 10; i++) {
		tty_input(t, (const uint8_t *)line, 1000);
		UNIT_CHECK(tty_read(t, rbuf, sizeof(rbuf)) == 1000);
		UNIT_CHECK(rbuf[998] == 'w' && rbuf[999] == '\n');
	}
	UNIT_CHECK(t->read_tail > TTY_BUF_SIZE);
}

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static bool ring_is_consistent(const struct tty *t)
{
	uint32_t lines = t->canon_head - t->read_tail, all = t->read_head - t->read_tail;

	if (lines > all || all > TTY_BUF_SIZE)
		return false;
	if (!(t->termios.c_lflag & UX_ICANON))
		return lines == 0;
	return lines == 0 || (t->line_end[((t->canon_head - 1) % TTY_BUF_SIZE) / 8] >>
			      ((t->canon_head - 1) % 8) & 1);
}

/* Random keys (mostly special ones), reads, termios changes and flushes:
   no memory error (ASan), no hang, the ring stays consistent. */
static void random_use_keeps_the_ring_consistent(void)
{
	static const uint8_t keys[] = { 'a', ' ', '_', '\r', '\n', '\t', 0, 0x7f, 0x15,
		0x17, 0x16, 0x12, 0x04, 0x03, 0x1c, 0x1a, 0x13, 0x11, 0xc3, 0xa9, 0xff };
	static const uint32_t lflags[] = { UX_ICANON, UX_ECHO, UX_ISIG, UX_IEXTEN,
		UX_NOFLSH, UX_ECHOPRT, UX_ECHOKE, UX_ECHOE };
	struct tty *t = fresh_tty();
	uint8_t in[64];
	bool ok = true;

	for (int i = 0; i < 20000 && ok; i++) {
		uint32_t r = rng() % 10;
		struct ux_termios tio = t->termios;

		if (r < 6) {
			size_t n = rng() % (r == 0 ? 64 : 8);
			for (size_t k = 0; k < n; k++)
				in[k] = keys[rng() % sizeof(keys)];
			tty_input(t, in, n);
		} else if (r < 8) {
			long n = rng() % 300;
			long got = (r == 6 ? tty_read : tty_read_nonblock)(t, rbuf, (size_t)n);
			ok = got == -UX_EPARK || got == -UX_EAGAIN || (got >= 0 && got <= n);
		} else if (r == 8) {
			tio.c_lflag ^= lflags[rng() % 8];
			tio.c_iflag ^= (rng() & 1) ? UX_IUTF8 : UX_IXON;
			tio.c_cc[UX_VMIN] = rng() % 4;
			tio.c_cc[UX_VTIME] = rng() % 2;
			tty_ioctl(t, UX_TCSETS + rng() % 3, &tio, NULL);
		} else {
			tty_flush(t, (int)(rng() % 4));
		}
		tty_take_signal(t);
		test_out.len = 0;
		ok = ok && ring_is_consistent(t);
	}
	UNIT_CHECK(ok);
}

static const struct unit_case cases[] = {
	UNIT_CASE(empty_terminal_parks_a_read),
	UNIT_CASE(canonical_read_returns_one_line_at_a_time),
	UNIT_CASE(short_canonical_read_leaves_the_rest_of_the_line),
	UNIT_CASE(veol_ends_a_line_and_is_returned),
	UNIT_CASE(raw_read_returns_bytes_at_once),
	UNIT_CASE(raw_read_never_returns_more_than_asked),
	UNIT_CASE(vmin_waits_for_that_many_bytes),
	UNIT_CASE(vmin_zero_vtime_zero_polls),
	UNIT_CASE(vtime_alone_is_a_read_timeout),
	UNIT_CASE(vmin_and_vtime_is_an_inter_byte_timer),
	UNIT_CASE(nonblocking_read_takes_what_there_is),
	UNIT_CASE(raw_input_keeps_4095_bytes),
	UNIT_CASE(leaving_icanon_makes_the_edited_line_readable),
	UNIT_CASE(entering_icanon_makes_pending_input_one_line),
	UNIT_CASE(tcsetsf_flushes_pending_input),
	UNIT_CASE(tcflsh_flushes_input_and_checks_its_queue),
	UNIT_CASE(fionread_counts_complete_lines_without_eof),
	UNIT_CASE(ring_wraps_around),
	UNIT_CASE(random_use_keeps_the_ring_consistent),
};

UNIT_MAIN("host/unix-server/tty_read", cases)
