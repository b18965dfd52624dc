/*
 * tty_test_util.h: what the terminal tests share: a terminal whose device
 * output is captured in memory, feeding it bytes, and comparing what it
 * sent (echo, written output) byte for byte.
 */
#ifndef UX_TEST_TTY_TEST_UTIL_H
#define UX_TEST_TTY_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tty/tty.h"
#include "tty/tty_ioctls.h"
#include "ux_errno.h"
#include "unit.h"

struct capture {
	uint8_t bytes[16384];
	size_t len;
	size_t calls;
};

static void capture_output(void *ctx, const uint8_t *buf, size_t len)
{
	struct capture *c = ctx;

	if (c->len + len <= sizeof(c->bytes)) {
		memcpy(c->bytes + c->len, buf, len);
		c->len += len;
	}
	c->calls++;
}

static const struct tty_ops capture_ops = { .output = capture_output };

/* A fresh default terminal (heap, so ASan sees overruns) and its capture. */
static struct tty *test_tty;
static struct capture test_out;

static struct tty *fresh_tty(void)
{
	free(test_tty);
	test_tty = malloc(sizeof(*test_tty));
	memset(&test_out, 0, sizeof(test_out));
	tty_init(test_tty, &capture_ops, &test_out);
	test_tty->pgrp = 42;
	return test_tty;
}

/* Feed a string literal (NULs included) as device input. */
#define FEED(tty, lit) tty_input((tty), (const uint8_t *)(lit), sizeof(lit) - 1)

/* The device output since the last check equals the literal; then forget it. */
#define CHECK_OUT(lit) do {                                                   \
	UNIT_CHECK(test_out.len == sizeof(lit) - 1 &&                         \
		   !memcmp(test_out.bytes, (lit), sizeof(lit) - 1));          \
	if (test_out.len != sizeof(lit) - 1 ||                                \
	    memcmp(test_out.bytes, (lit), sizeof(lit) - 1))                   \
		dump_bytes("device output", test_out.bytes, test_out.len);    \
	test_out.len = 0;                                                     \
} while (0)

/* A read returns exactly the literal. */
#define CHECK_READ(tty, cap, lit) do {                                        \
	uint8_t rb_[8192];                                                    \
	long rn_ = tty_read((tty), rb_, (cap));                               \
	UNIT_CHECK(rn_ == (long)sizeof(lit) - 1 && !memcmp(rb_, (lit), sizeof(lit) - 1)); \
	if (rn_ != (long)sizeof(lit) - 1)                                     \
		fprintf(stderr, "  read returned %ld\n", rn_);                \
} while (0)

static inline void dump_bytes(const char *what, const uint8_t *b, size_t n)
{
	fprintf(stderr, "  %s (%zu):", what, n);
	for (size_t i = 0; i < n && i < 64; i++)
		fprintf(stderr, " %02x", b[i]);
	fprintf(stderr, "\n");
}

static inline void set_lflag(struct tty *tty, uint32_t set, uint32_t clear)
{
	struct ux_termios t = tty->termios;

	t.c_lflag = (t.c_lflag | set) & ~clear;
	UNIT_CHECK(tty_ioctl(tty, UX_TCSETS, &t, NULL) == 0);
}

static inline void set_raw(struct tty *tty, uint8_t vmin, uint8_t vtime)
{
	struct ux_termios t = tty->termios;

	t.c_lflag &= ~(uint32_t)UX_ICANON;
	t.c_cc[UX_VMIN] = vmin;
	t.c_cc[UX_VTIME] = vtime;
	UNIT_CHECK(tty_ioctl(tty, UX_TCSETS, &t, NULL) == 0);
}

#endif
