/*
 * log.c: the server's system log: lines on the kernel console (its log
 * UART), so they never mix with what processes write to the terminal
 * when the kernel logs to COM2.
 */
#include <stdarg.h>

#include "server.h"

void ux_log(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	int n = fmt_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	mk_console_write("ux: ", 4);
	mk_console_write(line, (uint64_t)n);
}
