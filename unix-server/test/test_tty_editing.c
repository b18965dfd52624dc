/*
 * test_tty_editing.c: canonical input as a person types it: echo, erase,
 * kill, word erase, literal next, reprint, VEOF, CR/NL mapping, ECHOCTL,
 * signal characters, the line length limit, output flow control. Every
 * expected byte string is what Linux's N_TTY sends back for the same keys
 * (test_tty_vs_host.c checks a share of them against the host's own pty).
 */
#include "tty_test_util.h"

static void typed_line_echoes_and_reads_back(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "abc\r");
	CHECK_OUT("abc\r\n");
	CHECK_READ(t, 100, "abc\n");
	UNIT_CHECK(tty_read(t, (uint8_t[8]){ 0 }, 8) == -UX_EPARK);
}

static void erase_rubs_out_one_char(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "ab\x7f");
	CHECK_OUT("ab\b \b");
	FEED(t, "c\r");
	CHECK_OUT("c\r\n");
	CHECK_READ(t, 100, "ac\n");
}

static void erase_at_line_start_echoes_nothing(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "\x7f\x17\x15");
	CHECK_OUT("");
	UNIT_CHECK(!tty_readable(t));
}

static void erase_without_echoe_echoes_the_erase_char(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, 0, UX_ECHOE);
	FEED(t, "ab\x7f\r");
	CHECK_OUT("ab^?\r\n");
	CHECK_READ(t, 100, "a\n");
}

static void kill_rubs_out_the_line_with_echoke(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "hello\x15");
	CHECK_OUT("hello\b \b\b \b\b \b\b \b\b \b");
	FEED(t, "x\r");
	CHECK_OUT("x\r\n");
	CHECK_READ(t, 100, "x\n");
}

static void kill_without_echoke_echoes_kill_char_and_newline(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, 0, UX_ECHOKE);
	FEED(t, "ab\x15z\r");
	CHECK_OUT("ab^U\r\nz\r\n");
	CHECK_READ(t, 100, "z\n");
}

static void werase_takes_trailing_blanks_and_one_word(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "foo bar  \x17");
	CHECK_OUT("foo bar  \b \b\b \b\b \b\b \b\b \b");
	FEED(t, "\r");
	CHECK_READ(t, 100, "foo \n");
}

static void werase_word_is_alnum_and_underscore(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "a.b_c9\x17\r");
	CHECK_READ(t, 100, "a.\n");
}

/* The kernel's isalnum counts the Latin-1 letters (0xc0-0xff but × ÷). */
static void werase_counts_latin1_letters_as_word(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "ab\t\xc3\xe9z\x17\r");
	CHECK_READ(t, 100, "ab\t\n");
	FEED(t, "x\xf7y\x17\r");
	CHECK_READ(t, 100, "x\xf7\n");
}

static void eof_at_line_start_reads_zero(void)
{
	struct tty *t = fresh_tty();
	uint8_t b[8];

	FEED(t, "\x04");
	CHECK_OUT("");
	UNIT_CHECK(tty_readable(t));
	UNIT_CHECK(tty_read(t, b, 8) == 0);
	UNIT_CHECK(tty_read(t, b, 8) == -UX_EPARK);
}

static void eof_mid_line_returns_the_line_without_newline(void)
{
	struct tty *t = fresh_tty();
	uint8_t b[8];

	FEED(t, "ab\x04");
	CHECK_OUT("ab");
	CHECK_READ(t, 100, "ab");
	FEED(t, "\x04");
	UNIT_CHECK(tty_read(t, b, 8) == 0);
}

static void eof_after_partial_reads_is_not_end_of_file(void)
{
	struct tty *t = fresh_tty();
	uint8_t b[8];

	FEED(t, "abc\x04");
	CHECK_READ(t, 2, "ab");
	CHECK_READ(t, 2, "c");
	UNIT_CHECK(tty_read(t, b, 8) == -UX_EPARK);
	FEED(t, "\x04");
	UNIT_CHECK(tty_read(t, b, 8) == 0);
}

static void icrnl_maps_cr_and_without_it_cr_is_data(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;

	tio.c_iflag &= ~(uint32_t)UX_ICRNL;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "a\r\n");
	CHECK_OUT("a^M\r\n");
	CHECK_READ(t, 100, "a\r\n");
	tio.c_iflag |= UX_IGNCR;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "b\r\n");
	CHECK_READ(t, 100, "b\n");
	tio.c_iflag = UX_INLCR;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "c\n\x04");
	CHECK_OUT("b\r\nc^M");
	CHECK_READ(t, 100, "c\r");
}

static void echoctl_renders_control_chars_as_caret(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "\x01\x1b\x1f\t.");
	CHECK_OUT("^A^[^_\t.");
	set_lflag(t, 0, UX_ECHOCTL);
	FEED(t, "\x01");
	CHECK_OUT("\x01");
}

static void erasing_a_control_char_rubs_out_two_columns(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "a\x01\x7f");
	CHECK_OUT("a^A\b \b\b \b");
}

static void erasing_a_tab_backs_to_its_start(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "ab\t\x7f");
	CHECK_OUT("ab\t\b\b\b\b\b\b");
	t = fresh_tty();
	tty_write(t, (const uint8_t *)"$ ", 2);
	FEED(t, "a\t\x7f");
	CHECK_OUT("$ a\t\b\b\b\b\b");
	FEED(t, "\t\t\x7f");
	CHECK_OUT("\t\t\b\b\b\b\b\b\b\b");
}

static void lnext_quotes_the_next_char(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "\x16\x03\x16\x7f\x16\x04\r");
	CHECK_OUT("^\b^C^\b^?^\b^D\r\n");
	CHECK_READ(t, 100, "\x03\x7f\x04\n");
	UNIT_CHECK(tty_take_signal(t) == 0);
}

static void reprint_shows_the_line_again(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "abc\x12");
	CHECK_OUT("abc^R\r\nabc");
}

static void isig_records_signal_and_flushes_input(void)
{
	struct tty *t = fresh_tty();
	uint8_t b[8];

	FEED(t, "done\r");
	FEED(t, "abc");
	test_out.len = 0;
	FEED(t, "\x03");
	CHECK_OUT("^C");
	UNIT_CHECK(tty_take_signal(t) == TTY_SIGINT);
	UNIT_CHECK(tty_take_signal(t) == 0);
	UNIT_CHECK(tty_read(t, b, 8) == -UX_EPARK);
	FEED(t, "\x1c");
	FEED(t, "\x1a");
	CHECK_OUT("^\\^Z");
	UNIT_CHECK(tty_take_signal(t) == TTY_SIGQUIT);
	UNIT_CHECK(tty_take_signal(t) == TTY_SIGTSTP);
}

static void isig_drops_echo_not_yet_sent(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "abc\x03");
	CHECK_OUT("^C");
}

/* Echo dropped by the flush never reached the screen: the column used by
   tab erase is the one before it (found by the random host comparison). */
static void dropped_echo_does_not_move_the_column(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "ab");
	FEED(t, "c\r\x03");
	CHECK_OUT("ab^C");
	FEED(t, "x\t\x7f");
	CHECK_OUT("x\t\b\b\b");
}

static void noflsh_keeps_input_on_signal(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, UX_NOFLSH, 0);
	FEED(t, "abc\x03\r");
	CHECK_OUT("abc^C\r\n");
	CHECK_READ(t, 100, "abc\n");
	UNIT_CHECK(tty_take_signal(t) == TTY_SIGINT);
}

static void no_foreground_group_no_signal(void)
{
	struct tty *t = fresh_tty();

	t->pgrp = 0;
	FEED(t, "\x03");
	UNIT_CHECK(tty_take_signal(t) == 0);
}

static void isig_off_makes_intr_data(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, 0, UX_ISIG);
	FEED(t, "\x03\r");
	CHECK_OUT("^C\r\n");
	CHECK_READ(t, 100, "\x03\n");
	UNIT_CHECK(tty_take_signal(t) == 0);
}

static void echonl_echoes_newline_without_echo(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, UX_ECHONL, UX_ECHO);
	FEED(t, "secret\r");
	CHECK_OUT("\r\n");
	CHECK_READ(t, 100, "secret\n");
}

static void echoprt_shows_erased_chars_between_slashes(void)
{
	struct tty *t = fresh_tty();

	set_lflag(t, UX_ECHOPRT, UX_ECHOE);
	FEED(t, "abc\x7f\x7fx");
	CHECK_OUT("abc\\cb/x");
}

static void iutf8_erases_a_whole_character(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;

	FEED(t, "\xc3\xa9\x7f");
	CHECK_OUT("\xc3\xa9\b \b");
	FEED(t, "\r");
	CHECK_OUT("\r\n");
	CHECK_READ(t, 100, "\xc3\n");
	tio.c_iflag |= UX_IUTF8;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "x\xc3\xa9\x7f\r");
	CHECK_OUT("x\xc3\xa9\b \b\r\n");
	CHECK_READ(t, 100, "x\n");
}

static void line_keeps_4095_bytes_and_its_newline(void)
{
	struct tty *t = fresh_tty();
	static uint8_t in[5000], b[8192];

	memset(in, 'x', sizeof(in));
	tty_input(t, in, sizeof(in));
	UNIT_CHECK(test_out.len == sizeof(in));
	FEED(t, "\r");
	UNIT_CHECK(tty_read(t, b, sizeof(b)) == 4096);
	UNIT_CHECK(b[4094] == 'x' && b[4095] == '\n');
}

static void full_line_still_takes_erase_then_new_chars(void)
{
	struct tty *t = fresh_tty();
	static uint8_t in[4100], b[8192];

	memset(in, 'x', sizeof(in));
	tty_input(t, in, sizeof(in));
	FEED(t, "\x7fy\r");
	UNIT_CHECK(tty_read(t, b, sizeof(b)) == 4096);
	UNIT_CHECK(b[4093] == 'x' && b[4094] == 'y' && b[4095] == '\n');
}

static void ixon_stop_parks_writers_and_start_resumes(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "\x13");
	UNIT_CHECK(!tty_writable(t));
	UNIT_CHECK(tty_write(t, (const uint8_t *)"x", 1) == -UX_EPARK);
	FEED(t, "a");
	UNIT_CHECK(!tty_writable(t));
	FEED(t, "\x11");
	UNIT_CHECK(tty_writable(t));
	UNIT_CHECK(tty_write(t, (const uint8_t *)"x", 1) == 1);
	CHECK_OUT("ax");
	FEED(t, "\r");
	CHECK_READ(t, 100, "a\n");
}

static void ixany_restarts_on_any_char(void)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;

	tio.c_iflag |= UX_IXANY;
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	FEED(t, "\x13");
	UNIT_CHECK(!tty_writable(t));
	FEED(t, "q");
	UNIT_CHECK(tty_writable(t));
}

static void tcooff_is_not_undone_by_start_char(void)
{
	struct tty *t = fresh_tty();
	int32_t arg = UX_TCOOFF;

	UNIT_CHECK(tty_ioctl(t, UX_TCXONC, &arg, NULL) == 0);
	FEED(t, "\x11");
	UNIT_CHECK(!tty_writable(t));
	arg = UX_TCOON;
	UNIT_CHECK(tty_ioctl(t, UX_TCXONC, &arg, NULL) == 0);
	UNIT_CHECK(tty_writable(t));
	arg = UX_TCIOFF;
	UNIT_CHECK(tty_ioctl(t, UX_TCXONC, &arg, NULL) == 0);
	CHECK_OUT("\x13");
	arg = 9;
	UNIT_CHECK(tty_ioctl(t, UX_TCXONC, &arg, NULL) == -UX_EINVAL);
}

static void disabled_cc_entries_match_nothing(void)
{
	struct tty *t = fresh_tty();

	FEED(t, "a");
	tty_input(t, (const uint8_t[]){ 0 }, 1);
	FEED(t, "\r");
	CHECK_OUT("a^@\r\n");
	CHECK_READ(t, 100, "a\0\n");
	UNIT_CHECK(tty_take_signal(t) == 0);
}

static const struct unit_case cases[] = {
	UNIT_CASE(typed_line_echoes_and_reads_back),
	UNIT_CASE(erase_rubs_out_one_char),
	UNIT_CASE(erase_at_line_start_echoes_nothing),
	UNIT_CASE(erase_without_echoe_echoes_the_erase_char),
	UNIT_CASE(kill_rubs_out_the_line_with_echoke),
	UNIT_CASE(kill_without_echoke_echoes_kill_char_and_newline),
	UNIT_CASE(werase_takes_trailing_blanks_and_one_word),
	UNIT_CASE(werase_word_is_alnum_and_underscore),
	UNIT_CASE(werase_counts_latin1_letters_as_word),
	UNIT_CASE(eof_at_line_start_reads_zero),
	UNIT_CASE(eof_mid_line_returns_the_line_without_newline),
	UNIT_CASE(eof_after_partial_reads_is_not_end_of_file),
	UNIT_CASE(icrnl_maps_cr_and_without_it_cr_is_data),
	UNIT_CASE(echoctl_renders_control_chars_as_caret),
	UNIT_CASE(erasing_a_control_char_rubs_out_two_columns),
	UNIT_CASE(erasing_a_tab_backs_to_its_start),
	UNIT_CASE(lnext_quotes_the_next_char),
	UNIT_CASE(reprint_shows_the_line_again),
	UNIT_CASE(isig_records_signal_and_flushes_input),
	UNIT_CASE(isig_drops_echo_not_yet_sent),
	UNIT_CASE(dropped_echo_does_not_move_the_column),
	UNIT_CASE(noflsh_keeps_input_on_signal),
	UNIT_CASE(no_foreground_group_no_signal),
	UNIT_CASE(isig_off_makes_intr_data),
	UNIT_CASE(echonl_echoes_newline_without_echo),
	UNIT_CASE(echoprt_shows_erased_chars_between_slashes),
	UNIT_CASE(iutf8_erases_a_whole_character),
	UNIT_CASE(line_keeps_4095_bytes_and_its_newline),
	UNIT_CASE(full_line_still_takes_erase_then_new_chars),
	UNIT_CASE(ixon_stop_parks_writers_and_start_resumes),
	UNIT_CASE(ixany_restarts_on_any_char),
	UNIT_CASE(tcooff_is_not_undone_by_start_char),
	UNIT_CASE(disabled_cc_entries_match_nothing),
};

UNIT_MAIN("host/unix-server/tty_editing", cases)
