/* console.h: kernel diagnostics output (serial), and panic. */
#ifndef MK_KERN_CONSOLE_H
#define MK_KERN_CONSOLE_H

#include <stdarg.h>

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list ap);

/* Prints "mk: panic: <message>" and the caller's backtrace, then stops the
 * machine with MK_EXIT_PANIC. Safe to call from a fault handler. */
_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
