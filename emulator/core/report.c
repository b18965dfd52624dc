/*
 * report.c: the unimplemented-call report and the tracer's output (see
 * report.h). The "reported" bitmap is per process: the emulator's data
 * is private to the task.
 */
#include "lib/fmt.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "report.h"
#include "rpc_client.h"
#include "trace/trace.h"
#include "uaccess.h"

#define REPORTED_BITS 512               /* every x86-64 number is below */

static uint64_t reported[REPORTED_BITS / 64];
static uint8_t reported_other;          /* a number beyond the table */

long emu_report_unimplemented(struct emu_thread *t, uint64_t number)
{
	char line[96];

	if (number < REPORTED_BITS) {
		if (reported[number / 64] & (1ull << (number % 64)))
			return -LINUX_ENOSYS;
		reported[number / 64] |= 1ull << (number % 64);
	} else {
		if (reported_other)
			return -LINUX_ENOSYS;
		reported_other = 1;
	}
	const char *name = trace_syscall_name(number);
	int n = fmt_snprintf(line, sizeof(line), "unimplemented system call %s (%ld)",
			    name ? name : "?", (long)number);
	emu_rpc_log(t, line, (uint32_t)n);
	return -LINUX_ENOSYS;
}

static int read_app(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	return (int)emu_copy_from_user(buf, addr, len);
}

void emu_report_trace(struct emu_thread *t, uint64_t number, const uint64_t arg[6], long result)
{
	char line[512];
	struct trace_call call = { .nr = number, .ret = result };

	memcpy(call.args, arg, sizeof(call.args));
	size_t n = trace_format(line, sizeof(line), &call, read_app, NULL);
	emu_rpc_log(t, line, n < sizeof(line) ? (uint32_t)n : sizeof(line) - 1);
}

void emu_report_trace_no_return(struct emu_thread *t, uint64_t number, const uint64_t arg[6])
{
	char line[512];
	struct trace_call call = { .nr = number };

	memcpy(call.args, arg, sizeof(call.args));
	size_t n = trace_format(line, sizeof(line), &call, read_app, NULL);
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	/* strace's "= ?" for a call that does not come back. */
	while (n > 0 && line[n - 1] != '=')
		n--;
	if (n + 2 < sizeof(line)) {
		line[n++] = ' ';
		line[n++] = '?';
	}
	emu_rpc_log(t, line, (uint32_t)n);
}
