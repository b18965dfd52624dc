/*
 * trace_out.h: the tracer's output buffer and the printers every argument
 * format is built from (numbers, quoted strings, strings in process
 * memory, named values and flag sets). Internal to emulator/trace.
 */
#ifndef EMULATOR_TRACE_OUT_H
#define EMULATOR_TRACE_OUT_H

#include <stdbool.h>
#include "trace.h"

struct trace_out {
	char *buf;
	size_t size;        /* of buf */
	size_t len;         /* of the whole line, even past size */
	trace_read_fn read;
	void *ctx;
};

/* One named constant: a value, or a set of bits that must all be present. */
struct xlat {
	uint64_t val;
	const char *name;
};

#define XLAT_COUNT(table) (sizeof(table) / sizeof((table)[0]))

/* strace prints at most this many bytes of a buffer before "...". */
#define TRACE_MAX_STRLEN 32
/* and at most this many of a path (Linux's PATH_MAX less the NUL). */
#define TRACE_MAX_PATHLEN 4095

void out_char(struct trace_out *o, char c);
void out_str(struct trace_out *o, const char *s);
void out_udec(struct trace_out *o, uint64_t v);
void out_dec(struct trace_out *o, int64_t v);
void out_hex(struct trace_out *o, uint64_t v);   /* "0" or "0x1f" */
void out_ptr(struct trace_out *o, uint64_t v);   /* "NULL" or "0x1f" */
void out_mode(struct trace_out *o, uint64_t v);  /* "000", "022", "0644" */

/* The bytes at addr, quoted and escaped, at most max of len, then "..."
 * if len was more; the address instead if they cannot be read. */
void out_buffer(struct trace_out *o, uint64_t addr, uint64_t len, bool hex);
/* The NUL-terminated string at addr, at most max bytes, "..." if longer. */
void out_cstring(struct trace_out *o, uint64_t addr, size_t max);

/* Named value, or its hex with the prefix in a comment: 0x7 (SEEK_???). */
void out_enum(struct trace_out *o, const struct xlat *t, size_t n, uint32_t v,
	      const char *unknown_prefix);
/* Names of the bits set, joined by '|', unknown bits in hex at the end;
 * `zero` when v is 0. Entries are tried in table order and their bits
 * cleared as they match, so composite values go first. */
void out_flags(struct trace_out *o, const struct xlat *t, size_t n, uint64_t v,
	       const char *zero);

#endif
