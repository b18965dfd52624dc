/*
 * fmt.h: printf-style formatting without libc, shared by the kernel, the
 * native-task runtime and the host unit tests (one implementation).
 *
 * Supports %d %i %u %x %X %o %p %s %c %% with flags '-' '0' ' ' '+' '#',
 * a width and precision (also as '*'), and the length modifiers hh h l ll z t j.
 */
#ifndef MK_LIB_FMT_H
#define MK_LIB_FMT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*fmt_emit_fn)(void *ctx, char c);

/* Returns the number of characters the output has (all emitted). */
int fmt_vformat(fmt_emit_fn emit, void *ctx, const char *fmt, va_list ap);

/* snprintf's contract: always NUL-terminates when size > 0 and returns the
 * length the whole output would have. */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int fmt_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
