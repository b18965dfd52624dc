/*
 * fmt.c: the formatter behind kprintf, the native runtime's printf and
 * fmt_snprintf. Each conversion is parsed into a struct spec and printed by
 * one of two writers (number, string); padding follows C's printf.
 */
#include <stdint.h>

#include "lib/fmt.h"

struct spec {
	int left, zero, plus, space, alt;
	int width;
	int precision;                  /* -1: none given */
	char length;                    /* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j', 0 */
};

struct out {
	fmt_emit_fn emit;
	void *ctx;
	int count;
};

static void put(struct out *o, char c)
{
	o->emit(o->ctx, c);
	o->count++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void write_string(struct out *o, const struct spec *s, const char *str)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while (str[len] && (s->precision < 0 || len < s->precision))
		len++;
	if (!s->left)
		pad(o, ' ', s->width - len);
	for (int i = 0; i < len; i++)
		put(o, str[i]);
	if (s->left)
		pad(o, ' ', s->width - len);
}

static void write_number(struct out *o, const struct spec *s, uint64_t value,
			 int negative, unsigned base, int upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	int len = 0;

	while (value) {
		buf[len++] = digits[value % base];
		value /= base;
	}
	int zeros = s->precision > len ? s->precision - len : 0;
	if (s->precision < 0 && len == 0)
		zeros = 1;              /* plain 0 */
	if (base == 8 && s->alt && zeros == 0)
		zeros = 1;
	char sign = negative ? '-' : s->plus ? '+' : s->space ? ' ' : 0;
	int prefix_len = prefix ? 2 : 0;
	int body = len + zeros + (sign != 0) + prefix_len;
	int fill = s->width > body ? s->width - body : 0;

	if (s->zero && !s->left && s->precision < 0) {
		zeros += fill;
		fill = 0;
	}
	if (!s->left)
		pad(o, ' ', fill);
	if (sign)
		put(o, sign);
	for (int i = 0; i < prefix_len; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (len)
		put(o, buf[--len]);
	if (s->left)
		pad(o, ' ', fill);
}

static const char *parse_spec(const char *f, struct spec *s, va_list *ap)
{
	*s = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-') s->left = 1;
		else if (*f == '0') s->zero = 1;
		else if (*f == '+') s->plus = 1;
		else if (*f == ' ') s->space = 1;
		else if (*f == '#') s->alt = 1;
		else break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) {
			s->left = 1;
			s->width = -s->width;
		}
		f++;
	}
	while (*f >= '0' && *f <= '9')
		s->width = s->width * 10 + (*f++ - '0');
	if (*f == '.') {
		f++;
		s->precision = 0;
		if (*f == '*') {
			s->precision = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			s->precision = s->precision * 10 + (*f++ - '0');
	}
	if (*f == 'h' || *f == 'l') {
		s->length = *f++;
		if (*f == s->length) {
			s->length = s->length == 'h' ? 'H' : 'L';
			f++;
		}
	} else if (*f == 'z' || *f == 't' || *f == 'j') {
		s->length = *f++;
	}
	return f;
}

static int64_t signed_arg(const struct spec *s, va_list *ap)
{
	switch (s->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 0: return va_arg(*ap, int);
	default: return va_arg(*ap, int64_t);
	}
}

static uint64_t unsigned_arg(const struct spec *s, va_list *ap)
{
	switch (s->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned);
	case 'h': return (unsigned short)va_arg(*ap, unsigned);
	case 0: return va_arg(*ap, unsigned);
	default: return va_arg(*ap, uint64_t);
	}
}

static void convert(struct out *o, struct spec *s, char conv, va_list *ap)
{
	switch (conv) {
	case 'd':
	case 'i': {
		int64_t v = signed_arg(s, ap);
		write_number(o, s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, 0, 0);
		break;
	}
	case 'u':
		write_number(o, s, unsigned_arg(s, ap), 0, 10, 0, 0);
		break;
	case 'x':
	case 'X': {
		uint64_t v = unsigned_arg(s, ap);
		write_number(o, s, v, 0, 16, conv == 'X',
			     s->alt && v ? (conv == 'X' ? "0X" : "0x") : 0);
		break;
	}
	case 'o':
		write_number(o, s, unsigned_arg(s, ap), 0, 8, 0, 0);
		break;
	case 'p':
		s->length = 'l';
		write_number(o, s, (uintptr_t)va_arg(*ap, void *), 0, 16, 0, "0x");
		break;
	case 's':
		write_string(o, s, va_arg(*ap, const char *));
		break;
	case 'c': {
		char c[2] = { (char)va_arg(*ap, int), 0 };
		s->precision = 1;
		write_string(o, s, c);
		break;
	}
	default:                        /* '%' and unknown conversions print as is */
		put(o, conv);
	}
}

int fmt_vformat(fmt_emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
	struct out o = { emit, ctx, 0 };
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		struct spec s;
		fmt = parse_spec(fmt + 1, &s, &args);
		if (!*fmt)
			break;
		convert(&o, &s, *fmt++, &args);
	}
	va_end(args);
	return o.count;
}

struct buffer {
	char *buf;
	size_t size, used;
};

static void emit_to_buffer(void *ctx, char c)
{
	struct buffer *b = ctx;

	if (b->used + 1 < b->size)
		b->buf[b->used] = c;
	b->used++;
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct buffer b = { buf, size, 0 };
	int n = fmt_vformat(emit_to_buffer, &b, fmt, ap);

	if (size)
		buf[b.used < size ? b.used : size - 1] = 0;
	return n;
}

int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = fmt_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
