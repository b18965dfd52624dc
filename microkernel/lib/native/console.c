/* console.c: formatted output of native tasks through the console trap. */
#include "lib/native/native.h"

struct line {
	char buf[256];
	size_t used;
};

static void flush(struct line *l)
{
	if (l->used)
		mk_console_write(l->buf, l->used);
	l->used = 0;
}

static void emit(void *ctx, char c)
{
	struct line *l = ctx;

	if (l->used == sizeof(l->buf))
		flush(l);
	l->buf[l->used++] = c;
}

int mk_printf(const char *fmt, ...)
{
	struct line l = { .used = 0 };
	va_list ap;

	va_start(ap, fmt);
	int n = fmt_vformat(emit, &l, fmt, ap);
	va_end(ap);
	flush(&l);
	return n;
}

const char *mk_return_string(int64_t r)
{
	switch (r) {
#define MK_RETURN_CASE(name, value, text) case value: return #name;
	MK_RETURN_LIST(MK_RETURN_CASE)
#undef MK_RETURN_CASE
	}
	return "(not an mk_return_t)";
}
