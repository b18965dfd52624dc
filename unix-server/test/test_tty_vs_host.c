/*
 * test_tty_vs_host.c: differential test against the host's own N_TTY.
 * Each scenario types the same keys into our terminal and into the slave
 * of a host pty set to the same termios, then compares, step by step, what
 * each echoed, and at the end what poll, FIONREAD and a series of
 * non-blocking reads give (tty_read_nonblock: the host's fd is O_NONBLOCK).
 *
 * Keys go in one step at a time and a step's echo is awaited before the
 * next, since N_TTY drops echo not yet sent when a signal character
 * flushes (a step is one chunk to both). Output stopped by VSTOP is not
 * compared: a pty holds echo back while stopped, we do not.
 * Without a host pty (no /dev/ptmx) the scenarios print a note and pass.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <asm/termbits.h>
#include <sys/ioctl.h>
#include "tty_test_util.h"

struct scenario {
	const char *name;
	uint32_t iflag_set, iflag_clear, lflag_set, lflag_clear, oflag_set, oflag_clear;
	bool set_cc;
	uint8_t cc_index, cc_value;
	/* Steps: keys typed; "W:..." is written by the program instead;
	   "C:" switches ICANON. */
	const char *steps[8];
	size_t reads[6];                /* sizes; 0 ends (default: 4096 x 4) */
};

static const struct scenario scenarios[] = {
	{ "line", .steps = { "abc\r" } },
	{ "erase", .steps = { "ab\x7f", "c\r" } },
	{ "erase_at_start", .steps = { "\x7f\x17\x15", "z\r" } },
	{ "kill", .steps = { "hello\x15", "x\r" } },
	{ "werase", .steps = { "foo bar  \x17", "\r" } },
	{ "werase_punct", .steps = { "a.b_c9\x17", "\r" } },
	{ "eof_mid_line", .steps = { "ab\x04", "\x04" } },
	{ "eof_after_partial_reads", .steps = { "abc\x04" }, .reads = { 2, 2, 8, 8 } },
	{ "partial_line_reads", .steps = { "abcdef\rg\r" }, .reads = { 4, 4, 4, 4 } },
	{ "lnext", .steps = { "\x16\x03", "\x16\x7f", "\x16\n", "\r" } },
	{ "reprint", .steps = { "abc\x12", "d\r" } },
	{ "tab_erase", .steps = { "ab\t\x7f", "\x15", "W:$ ", "a\t\x7f", "\t\t\x7f\r" } },
	{ "ctrl_erase", .steps = { "a\x01\x7f", "\x01\x1b\x1f\t.\r" } },
	{ "no_echoke", .lflag_clear = UX_ECHOKE, .steps = { "ab\x15", "z\r" } },
	{ "no_echoe", .lflag_clear = UX_ECHOE, .steps = { "ab\x7f\r" } },
	{ "echoprt", .lflag_set = UX_ECHOPRT, .lflag_clear = UX_ECHOE,
	  .steps = { "abc\x7f\x7f", "x\r" } },
	{ "no_echoctl", .lflag_clear = UX_ECHOCTL, .steps = { "a\x01\x7f\x1b\r" } },
	{ "iutf8", .iflag_set = UX_IUTF8, .steps = { "x\xc3\xa9\x7f\r", "\xc3\xa9\t\x7f\r" } },
	{ "no_iutf8", .steps = { "\xc3\xa9\x7f\r" } },
	{ "no_icrnl", .iflag_clear = UX_ICRNL, .steps = { "a\r\n" } },
	{ "igncr", .iflag_set = UX_IGNCR, .steps = { "b\r\n" } },
	{ "inlcr", .iflag_set = UX_INLCR, .iflag_clear = UX_ICRNL, .steps = { "c\n\x04" } },
	{ "raw", .lflag_clear = UX_ICANON, .steps = { "a", "\rb\x7f\x15", "\n", "\x16" } },
	{ "raw_signal", .lflag_clear = UX_ICANON, .steps = { "xy", "\x03", "z" } },
	{ "raw_vmin0", .lflag_clear = UX_ICANON, .set_cc = true, .cc_index = UX_VMIN, .cc_value = 0,
	  .steps = { "W:", "q" }, .reads = { 8, 8 } },
	{ "raw_vmin3", .lflag_clear = UX_ICANON, .set_cc = true, .cc_index = UX_VMIN,
	  .cc_value = 3, .steps = { "ab" }, .reads = { 8, 8 } },
	{ "raw_vtime", .lflag_clear = UX_ICANON, .set_cc = true, .cc_index = UX_VTIME,
	  .cc_value = 1, .steps = { "W:" }, .reads = { 8 } },
	{ "echonl", .lflag_set = UX_ECHONL, .lflag_clear = UX_ECHO, .steps = { "secret\r" } },
	{ "no_echo", .lflag_clear = UX_ECHO, .steps = { "pw\x7fx\x15y\r" } },
	{ "signal_flushes", .steps = { "done\r", "abc", "\x03", "\x1c", "\x1a", "x\r" } },
	{ "noflsh", .lflag_set = UX_NOFLSH, .steps = { "abc", "\x03", "\r" } },
	{ "no_isig", .lflag_clear = UX_ISIG, .steps = { "\x03\x1a\r" } },
	{ "no_iexten", .lflag_clear = UX_IEXTEN, .steps = { "a b\x17\x16\x12\r" } },
	{ "veol", .set_cc = true, .cc_index = UX_VEOL, .cc_value = ';', .steps = { "ls;", "x\r" } },
	{ "nul_is_data", .steps = { "W:" }, .reads = { 8 } },
	{ "xtabs_echo", .oflag_set = UX_XTABS, .steps = { "a\tb\t\x7f\r" } },
	{ "no_opost", .oflag_clear = UX_OPOST, .steps = { "a\tb\r", "W:x\ny\r\n" } },
	{ "to_raw_with_half_line", .steps = { "done\rhalf", "C:" } },
	{ "to_canon_with_pending", .lflag_clear = UX_ICANON, .steps = { "ab", "C:", "\x7f" } },
	{ "eof_marker_read_raw", .steps = { "ab\x04", "C:" } },
	{ "erase_quoted", .steps = { "a\x16\n\x7f\x16\x7f\x7f\x16\t\x7f\r" } },
	{ "werase_over_tabs", .steps = { "ab\tcd\x01 \t\x17", "\x17\r" } },
	{ "kill_with_ctrl", .steps = { "a\x01" "b\tc\x15", "\r" } },
	{ "stop_start_in_input", .steps = { "a\x13" "b\x11" "c\r" } },
	{ "parmrk", .iflag_set = UX_PARMRK, .steps = { "\xff\r" } },
	{ "istrip", .iflag_set = UX_ISTRIP, .steps = { "\xe1\x83\r" } },
	{ "iuclc", .iflag_set = UX_IUCLC, .steps = { "AbC\r" } },
	{ "write_onlcr", .steps = { "W:one\ntwo\r\n", "W:\tx\b" } },
};

struct host_pty {
	int master, slave;
};

static bool host_pty_open(struct host_pty *p, const struct ux_termios *tio)
{
	p->master = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
	p->slave = -1;
	if (p->master < 0 || grantpt(p->master) || unlockpt(p->master))
		return false;
	p->slave = open(ptsname(p->master), O_RDWR | O_NOCTTY | O_NONBLOCK);
	return p->slave >= 0 && ioctl(p->slave, TCSETS, tio) == 0;
}

static void host_pty_close(struct host_pty *p)
{
	if (p->slave >= 0)
		close(p->slave);
	if (p->master >= 0)
		close(p->master);
}

/* The host's echo of one step: wait for want bytes (2 s at most), then
   20 ms more for any surplus. */
static size_t host_echo(int master, uint8_t *buf, size_t cap, size_t want)
{
	size_t got = 0;
	struct pollfd p = { .fd = master, .events = POLLIN };

	while (poll(&p, 1, got >= want ? 20 : 2000) > 0) {
		ssize_t r = read(master, buf + got, cap - got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

static void apply(const struct scenario *s, struct ux_termios *tio)
{
	tio->c_iflag = (tio->c_iflag | s->iflag_set) & ~s->iflag_clear;
	tio->c_lflag = (tio->c_lflag | s->lflag_set) & ~s->lflag_clear;
	tio->c_oflag = (tio->c_oflag | s->oflag_set) & ~s->oflag_clear;
	if (s->set_cc)
		tio->c_cc[s->cc_index] = s->cc_value;
}

/* Step "C:": ICANON switched on both, pending input as it is. */
static bool toggle_icanon(struct tty *t, struct host_pty *p)
{
	struct ux_termios tio = t->termios;

	tio.c_lflag ^= UX_ICANON;
	return tty_ioctl(t, UX_TCSETS, &tio, NULL) == 0 && ioctl(p->slave, TCSETS, &tio) == 0;
}

static bool step(struct tty *t, struct host_pty *p, const char *keys, size_t n, const char *name)
{
	static uint8_t host[16384];
	bool program = n >= 2 && !memcmp(keys, "W:", 2);
	ssize_t wrote;

	test_out.len = 0;
	if (n == 2 && !memcmp(keys, "C:", 2))
		return toggle_icanon(t, p);
	if (program) {
		tty_write(t, (const uint8_t *)keys + 2, n - 2);
		wrote = write(p->slave, keys + 2, n - 2);
	} else {
		tty_input(t, (const uint8_t *)keys, n);
		wrote = write(p->master, keys, n);
	}
	size_t got = host_echo(p->master, host, sizeof(host), test_out.len);
	bool same = wrote == (ssize_t)(program ? n - 2 : n) && got == test_out.len &&
		    !memcmp(host, test_out.bytes, got);

	if (!same) {
		fprintf(stderr, "  %s: step differs\n", name);
		dump_bytes("keys", (const uint8_t *)keys, n);
		dump_bytes("ours", test_out.bytes, test_out.len);
		dump_bytes("host", host, got);
	}
	return same;
}

static bool compare_reads(struct tty *t, struct host_pty *p, const struct scenario *s)
{
	static const size_t default_reads[] = { 4096, 4096, 4096, 4096, 0 };
	const size_t *sizes = s->reads[0] ? s->reads : default_reads;
	struct pollfd pf = { .fd = p->slave, .events = POLLIN };
	int host_count = -1;
	bool same = true;

	int32_t ours_count = -1;
	tty_ioctl(t, UX_FIONREAD, NULL, &ours_count);
	/* Keys that echo nothing may still be on their way through the
	   host's flip buffer: give it up to a second to agree. */
	for (int tries = 0; tries < 100; tries++) {
		poll(&pf, 1, 0);
		ioctl(p->slave, FIONREAD, &host_count);
		if (!!(pf.revents & POLLIN) == tty_readable(t) && host_count == ours_count)
			break;
		usleep(10000);
	}
	if (!!(pf.revents & POLLIN) != tty_readable(t) || host_count != ours_count) {
		fprintf(stderr, "  %s: poll %d/%d FIONREAD %d/%d (host/ours)\n", s->name,
			!!(pf.revents & POLLIN), tty_readable(t), host_count, ours_count);
		same = false;
	}
	for (size_t i = 0; i < 6 && sizes[i]; i++) {
		static uint8_t ours[8192], host[8192];
		long o = tty_read_nonblock(t, ours, sizes[i]);
		ssize_t h = read(p->slave, host, sizes[i]);

		if (h < 0)
			h = -errno;
		if (o != h || (o > 0 && memcmp(ours, host, (size_t)o))) {
			fprintf(stderr, "  %s: read %zu of %zu: ours %ld host %zd\n", s->name,
				i, sizes[i], o, h);
			if (o > 0)
				dump_bytes("ours", ours, (size_t)o);
			if (h > 0)
				dump_bytes("host", host, (size_t)h);
			same = false;
		}
	}
	return same;
}

static void run(const struct scenario *s)
{
	struct tty *t = fresh_tty();
	struct ux_termios tio = t->termios;
	struct host_pty p;
	bool same = true;

	apply(s, &tio);
	tty_ioctl(t, UX_TCSETS, &tio, NULL);
	if (!host_pty_open(&p, &tio)) {
		printf("note: no host pty (%s): %s not compared\n", strerror(errno), s->name);
		host_pty_close(&p);
		return;
	}
	for (size_t i = 0; i < 8 && s->steps[i]; i++)
		same &= step(t, &p, s->steps[i], strlen(s->steps[i]), s->name);
	if (!strcmp(s->name, "nul_is_data"))
		same &= step(t, &p, "a\0\r", 3, s->name);
	same &= compare_reads(t, &p, s);
	host_pty_close(&p);
	UNIT_CHECK(same);
}

static void each_scenario_matches_host(void)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		const char *before = unit_failure;

		run(&scenarios[i]);
		if (unit_failure && !before)
			fprintf(stderr, "  (scenario %s)\n", scenarios[i].name);
	}
}

static void overlong_line_matches_host(void)
{
	static char keys[5002];
	static const struct scenario s = { "overlong", .reads = { 8192, 8192 } };
	struct tty *t = fresh_tty();
	struct host_pty p;
	bool same = true;

	if (!host_pty_open(&p, &t->termios)) {
		printf("note: no host pty: overlong line not compared\n");
		host_pty_close(&p);
		return;
	}
	memset(keys, 'x', 5000);
	keys[4999] = '\x7f';
	keys[5000] = '\r';
	same &= step(t, &p, keys, 4000, s.name);
	same &= step(t, &p, keys + 4000, 1001, s.name);
	same &= compare_reads(t, &p, &s);
	host_pty_close(&p);
	UNIT_CHECK(same);
}

static uint32_t rng_state = 2024;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

/* Random keys in random chunks (no VSTOP, see above), with some termios
   changes between them and a read now and then, on both terminals; true
   when every step matched. */
static bool random_typing_once(uint32_t seed)
{
	static const uint8_t keys[] = { 'a', 'b', ' ', '_', '.', '\r', '\n', '\t', 0x7f,
		0x15, 0x17, 0x16, 0x12, 0x04, 0x03, 0x1c, 0x01, 0xc3, 0xa9 };
	static const uint32_t lflags[] = { UX_ICANON, UX_ECHO, UX_ECHOCTL, UX_IEXTEN,
		UX_ECHOKE, UX_ECHOE, UX_ECHONL, UX_ECHOPRT, UX_NOFLSH, UX_ISIG };
	static const uint32_t iflags[] = { UX_IUTF8, UX_ICRNL, UX_INLCR, UX_IGNCR, 0, 0 };
	static const uint32_t oflags[] = { UX_ONLCR, UX_XTABS, UX_OPOST, UX_OCRNL, 0, 0, 0, 0 };
	static const struct scenario s = { "random", .reads = { 7 } };
	struct tty *t = fresh_tty();
	struct host_pty p;
	bool same = true;
	char chunk[16];

	rng_state = seed;
	if (!host_pty_open(&p, &t->termios)) {
		printf("note: no host pty: random typing not compared\n");
		host_pty_close(&p);
		return true;
	}
	for (int i = 0; i < 150 && same; i++) {
		uint32_t r = rng() % 8;

		if (r < 6) {
			size_t n = 1 + rng() % sizeof(chunk);
			for (size_t k = 0; k < n; k++)
				chunk[k] = (char)keys[rng() % sizeof(keys)];
			same &= step(t, &p, chunk, n, s.name);
			if (getenv("TTY_TRACE"))
				dump_bytes("keys", (const uint8_t *)chunk, n);
		} else if (r == 6) {
			struct ux_termios tio = t->termios;

			tio.c_lflag ^= lflags[rng() % (sizeof(lflags) / sizeof(lflags[0]))];
			tio.c_iflag ^= iflags[rng() % (sizeof(iflags) / sizeof(iflags[0]))];
			tio.c_oflag ^= oflags[rng() % (sizeof(oflags) / sizeof(oflags[0]))];
			same &= tty_ioctl(t, UX_TCSETS, &tio, NULL) == 0 &&
				ioctl(p.slave, TCSETS, &tio) == 0;
		} else {
			same &= compare_reads(t, &p, &s);
		}
		if (!same)
			fprintf(stderr, "  random: differs at step %d\n", i);
		if (getenv("TTY_TRACE"))
			fprintf(stderr, "  step %d r=%u lflag %o iflag %o line %u col %u canon_col %u\n", i, r,
				t->termios.c_lflag, t->termios.c_iflag, t->read_head - t->canon_head,
				t->column, t->canon_column);
	}
	host_pty_close(&p);
	return same;
}

/*
 * The host's line discipline runs in a kernel work item, so on a loaded
 * machine a termios change can overtake keys still in its flip buffer
 * (seen once in CI-like load). Ours is deterministic: a real difference
 * shows again with the same seed, a host timing one does not.
 */
static void random_typing_matches_host(void)
{
	uint32_t seed = getenv("TTY_SEED") ? (uint32_t)atoi(getenv("TTY_SEED")) : 2024;

	if (random_typing_once(seed))
		return;
	fprintf(stderr, "  random: trying the same seed again to rule out the host's timing\n");
	UNIT_CHECK(random_typing_once(seed));
}

static const struct unit_case cases[] = {
	UNIT_CASE(each_scenario_matches_host),
	UNIT_CASE(overlong_line_matches_host),
	UNIT_CASE(random_typing_matches_host),
};

UNIT_MAIN("host/unix-server/tty_vs_host", cases)
