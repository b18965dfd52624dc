/*
 * dispatch.c: emulator_dispatch, where the trampoline delivers every
 * system call of the app: the emulator's own answer (local_calls.h), the
 * server's (rpc_client.c), or -ENOSYS for a call with neither, reported
 * once per process. With tracing on, each call is logged as strace
 * prints it. On the way out, a signal handler the server has ready is
 * set up to run (local/signal.c).
 */
#include "emulator/header.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local/local_calls.h"
#include "report.h"
#include "rpc_client.h"
#include "thread.h"

typedef long (*local_handler)(struct emu_thread *t, const uint64_t a[6]);

#define LOCAL_ROW(name) [LINUX_SYS_##name] = emu_local_##name,
static const local_handler local_handlers[] = { EMU_LOCAL_CALLS(LOCAL_ROW) };
#undef LOCAL_ROW
#define LOCAL_ROWS (sizeof(local_handlers) / sizeof(local_handlers[0]))

extern struct emulator_header emu_header;

long emulator_dispatch(struct emulation_frame *f)
{
	struct emu_thread *t = emu_thread_of(f);
	uint64_t number = f->rax;
	const uint64_t arg[6] = { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 };
	static int started;
	long r;

	if (!started) {
		emu_memory_init(t, &emu_header);
		started = 1;
	}
	if ((emu_header.flags & EMULATOR_F_TRACE) &&
	    (number == LINUX_SYS_exit || number == LINUX_SYS_exit_group))
		emu_report_trace_no_return(t, number, arg);
	if (number < LOCAL_ROWS && local_handlers[number])
		r = local_handlers[number](t, arg);
	else if (emu_rpc_known(number))
		r = emu_rpc_syscall(t, (uint32_t)number, arg);
	else
		r = emu_report_unimplemented(t, number);
	if (emu_header.flags & EMULATOR_F_TRACE)
		emu_report_trace(t, number, arg, r);
	if (t->signal_ready || r == -UX_ERESTARTSYS)
		r = emu_signal_deliver(t, f, number, r);
	return r;
}
