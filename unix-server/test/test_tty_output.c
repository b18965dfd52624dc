/*
 * test_tty_output.c: what tty_write sends to the device under each output
 * flag (OPOST, ONLCR, OCRNL, ONOCR, ONLRET, XTABS, OLCUC), and that the
 * column it keeps is the one echo uses.
 */
#include "tty_test_util.h"

static void write_str(struct tty *t, const char *s)
{
	size_t n = strlen(s);

	UNIT_CHECK(tty_write(t, (const uint8_t *)s, n) == (long)n);
}

static void set_oflag(struct tty *t, uint32_t oflag)
{
	struct ux_termios tio = t->termios;

	tio.c_oflag = oflag;
	UNIT_CHECK(tty_ioctl(t, UX_TCSETS, &tio, NULL) == 0);
}

static void onlcr_turns_newline_into_crlf(void)
{
	struct tty *t = fresh_tty();

	write_str(t, "a\nb\r\n\n");
	CHECK_OUT("a\r\nb\r\r\n\r\n");
}

static void without_opost_bytes_go_out_as_they_are(void)
{
	struct tty *t = fresh_tty();

	set_oflag(t, UX_ONLCR);
	write_str(t, "a\nb\t");
	CHECK_OUT("a\nb\t");
	FEED(t, "x\r");
	CHECK_OUT("x\n");
}

static void ocrnl_onocr_onlret(void)
{
	struct tty *t = fresh_tty();

	set_oflag(t, UX_OPOST | UX_OCRNL);
	write_str(t, "a\rb");
	CHECK_OUT("a\nb");
	set_oflag(t, UX_OPOST | UX_ONOCR);
	write_str(t, "\rxy\r\r");
	CHECK_OUT("\rxy\r");     /* OCRNL left the column at 2 */
	set_oflag(t, UX_OPOST | UX_ONLRET | UX_ONOCR);
	write_str(t, "ab\n\r");
	CHECK_OUT("ab\n");
}

static void xtabs_expands_to_the_next_stop(void)
{
	struct tty *t = fresh_tty();

	set_oflag(t, UX_OPOST | UX_ONLCR | UX_XTABS);
	write_str(t, "ab\tc\t\n\t");
	CHECK_OUT("ab      c       \r\n        ");
}

static void olcuc_upper_cases(void)
{
	struct tty *t = fresh_tty();

	set_oflag(t, UX_OPOST | UX_OLCUC);
	write_str(t, "Hello, z!");
	CHECK_OUT("HELLO, Z!");
}

static void long_write_goes_out_in_few_calls(void)
{
	struct tty *t = fresh_tty();
	static uint8_t big[10000];

	memset(big, 'o', sizeof(big));
	UNIT_CHECK(tty_write(t, big, sizeof(big)) == (long)sizeof(big));
	UNIT_CHECK(test_out.len == sizeof(big) && test_out.calls <= sizeof(big) / 64);
	UNIT_CHECK(tty_write(t, big, 0) == 0);
}

static void echo_and_output_share_the_column(void)
{
	struct tty *t = fresh_tty();

	write_str(t, "prompt> ");
	FEED(t, "\t\x7f");
	CHECK_OUT("prompt> \t\b\b\b\b\b\b\b\b");
}

static const struct unit_case cases[] = {
	UNIT_CASE(onlcr_turns_newline_into_crlf),
	UNIT_CASE(without_opost_bytes_go_out_as_they_are),
	UNIT_CASE(ocrnl_onocr_onlret),
	UNIT_CASE(xtabs_expands_to_the_next_stop),
	UNIT_CASE(olcuc_upper_cases),
	UNIT_CASE(long_write_goes_out_in_few_calls),
	UNIT_CASE(echo_and_output_share_the_column),
};

UNIT_MAIN("host/unix-server/tty_output", cases)
