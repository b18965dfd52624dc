/*
 * trace_out.c: the tracer's printers: numbers, escaped strings in strace's
 * style, strings read from process memory, named values and flag sets.
 * Never writes past the buffer; keeps counting the length so the caller
 * can tell the line was cut.
 */
#include "trace_out.h"

void out_char(struct trace_out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

void out_str(struct trace_out *o, const char *s)
{
	while (*s)
		out_char(o, *s++);
}

static void out_digits(struct trace_out *o, uint64_t v, unsigned base, int width)
{
	char tmp[24];
	int n = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (n < width)
		tmp[n++] = '0';
	while (n)
		out_char(o, tmp[--n]);
}

void out_udec(struct trace_out *o, uint64_t v)
{
	out_digits(o, v, 10, 1);
}

void out_dec(struct trace_out *o, int64_t v)
{
	if (v < 0) {
		out_char(o, '-');
		out_digits(o, -(uint64_t)v, 10, 1);
	} else {
		out_digits(o, v, 10, 1);
	}
}

void out_hex(struct trace_out *o, uint64_t v)
{
	if (v)
		out_str(o, "0x");
	out_digits(o, v, 16, 1);
}

void out_ptr(struct trace_out *o, uint64_t v)
{
	if (v)
		out_hex(o, v);
	else
		out_str(o, "NULL");
}

/* printf's "%#03o": a leading 0, at least three characters. */
void out_mode(struct trace_out *o, uint64_t v)
{
	uint64_t digits = 1;

	for (uint64_t x = v >> 3; x; x >>= 3)
		digits++;
	if (v == 0 || digits < 2) {
		out_digits(o, v, 8, 3);
		return;
	}
	out_char(o, '0');
	out_digits(o, v, 8, 2);
}

static bool is_octal_digit(unsigned char c)
{
	return c >= '0' && c <= '7';
}

/* One byte of a quoted string; `next` is the byte after it or -1. */
static void out_escaped(struct trace_out *o, unsigned char c, int next, bool hex)
{
	static const char plain[] = "\"\"\\\\\nn\tt\rr\vv\ff";

	if (hex) {
		out_str(o, "\\x");
		out_digits(o, c, 16, 2);
		return;
	}
	for (const char *p = plain; *p; p += 2) {
		if ((unsigned char)p[0] == c) {
			out_char(o, '\\');
			out_char(o, p[1]);
			return;
		}
	}
	if (c >= 0x20 && c < 0x7f) {
		out_char(o, c);
		return;
	}
	out_char(o, '\\');
	out_digits(o, c, 8, next >= 0 && is_octal_digit(next) ? 3 : 1);
}

/* Reads [addr, addr+len) in pieces that never cross a page, so a string
 * that ends before an unreadable page is still read. */
static int read_piece(struct trace_out *o, uint64_t addr, unsigned char *buf, size_t len)
{
	size_t in_page = 4096 - (addr & 4095);

	if (len > in_page)
		len = in_page;
	if (o->read(o->ctx, addr, buf, len) != 0)
		return -1;
	return (int)len;
}

/* Bytes are read twice (once to check, once to print) so that nothing is
 * printed for a range that turns out to be unreadable. */
static bool readable(struct trace_out *o, uint64_t addr, size_t len)
{
	unsigned char tmp[64];

	while (len) {
		int got = read_piece(o, addr, tmp, len < sizeof(tmp) ? len : sizeof(tmp));

		if (got < 0)
			return false;
		addr += got;
		len -= got;
	}
	return true;
}

static void out_quoted(struct trace_out *o, uint64_t addr, size_t len, bool hex)
{
	unsigned char tmp[64];
	size_t done = 0;
	int pending = -1;   /* printed once the byte after it is known */

	out_char(o, '"');
	while (done < len) {
		size_t want = len - done < sizeof(tmp) ? len - done : sizeof(tmp);
		int got = read_piece(o, addr + done, tmp, want);

		if (got <= 0)
			break;
		for (int i = 0; i < got; i++) {
			if (pending >= 0)
				out_escaped(o, pending, tmp[i], hex);
			pending = tmp[i];
		}
		done += got;
	}
	if (pending >= 0)
		out_escaped(o, pending, -1, hex);
	out_char(o, '"');
}

void out_buffer(struct trace_out *o, uint64_t addr, uint64_t len, bool hex)
{
	size_t shown = len > TRACE_MAX_STRLEN ? TRACE_MAX_STRLEN : len;

	if (!readable(o, addr, shown)) {
		out_ptr(o, addr);
		return;
	}
	out_quoted(o, addr, shown, hex);
	if (len > shown)
		out_str(o, "...");
}

/* Length of the string at addr up to max, or -1 if unreadable first. */
static long cstring_len(struct trace_out *o, uint64_t addr, size_t max)
{
	unsigned char tmp[64];
	size_t n = 0;

	size_t chunk = sizeof(tmp);

	while (n < max + 1) {
		size_t want = max + 1 - n < chunk ? max + 1 - n : chunk;
		int got = read_piece(o, addr + n, tmp, want);

		if (got < 0 && chunk > 1) {
			chunk = 1;   /* the NUL may come before what cannot be read */
			continue;
		}
		if (got < 0)
			return n ? (long)n : -1;
		for (int i = 0; i < got; i++)
			if (tmp[i] == 0)
				return n + i;
		n += got;
	}
	return n;
}

void out_cstring(struct trace_out *o, uint64_t addr, size_t max)
{
	long len = addr ? cstring_len(o, addr, max) : -1;

	if (len < 0) {
		out_ptr(o, addr);
		return;
	}
	out_quoted(o, addr, (size_t)len > max ? max : (size_t)len, false);
	if ((size_t)len > max)
		out_str(o, "...");
}

void out_enum(struct trace_out *o, const struct xlat *t, size_t n, uint32_t v,
	      const char *unknown_prefix)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i].val == v) {
			out_str(o, t[i].name);
			return;
		}
	}
	out_hex(o, v);
	out_str(o, " /* ");
	out_str(o, unknown_prefix);
	out_str(o, "??? */");
}

void out_flags(struct trace_out *o, const struct xlat *t, size_t n, uint64_t v,
	       const char *zero)
{
	bool any = false;

	if (v == 0) {
		out_str(o, zero);
		return;
	}
	for (size_t i = 0; i < n && v; i++) {
		if (t[i].val && (v & t[i].val) == t[i].val) {
			if (any)
				out_char(o, '|');
			out_str(o, t[i].name);
			v &= ~t[i].val;
			any = true;
		}
	}
	if (v) {
		if (any)
			out_char(o, '|');
		out_hex(o, v);
	}
}
