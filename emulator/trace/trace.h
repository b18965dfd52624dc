/*
 * trace.h: the system-call tracer's formatter, the public entry points.
 *
 * trace_format turns one finished system call (number, six raw argument
 * registers, result) into the line strace prints for it, for example
 *     openat(AT_FDCWD, "/etc/passwd", O_RDONLY) = 3
 * Strings and buffers are read from the traced process's memory through a
 * callback, which may fail: the argument is then printed as its address.
 * Names and argument formats come from emulator/linux_syscalls.h.
 *
 * Pure code: no allocation, no libc, no I/O, no SSE (it builds into the
 * emulator with -mgeneral-regs-only). The caller owns the output buffer and
 * decides where the line goes.
 */
#ifndef EMULATOR_TRACE_H
#define EMULATOR_TRACE_H

#include <stddef.h>
#include <stdint.h>

/* Copies len bytes at the process address addr into buf: 0, or a negative
 * errno (-EFAULT) when any byte of the range cannot be read. */
typedef int (*trace_read_fn)(void *ctx, uint64_t addr, void *buf, size_t len);

struct trace_call {
	uint64_t nr;       /* rax at entry */
	uint64_t args[6];  /* rdi, rsi, rdx, r10, r8, r9 */
	int64_t ret;       /* rax at exit; -4095..-1 is -errno */
};

/* Writes the line (no newline) into buf, always NUL-terminated when size
 * > 0, cut short if it does not fit. Returns the length of the whole line,
 * as snprintf does, so a result >= size means it was cut. */
size_t trace_format(char *buf, size_t size, const struct trace_call *call,
		    trace_read_fn read, void *ctx);

/* "openat" for 257; NULL for a number with no x86-64 system call. */
const char *trace_syscall_name(uint64_t nr);

/* "ENOENT" for 2; NULL for a number Linux does not define. */
const char *trace_errno_name(int err);

#endif
