/*
 * exception.c: see exception.h. The message carries send rights to the
 * thread and the task, which are released here whatever happens.
 */
#include "exception.h"
#include "process.h"
#include "server.h"

#define SIGTRAP 5
#define SIGILL  4
#define SIGFPE  8
#define SIGSEGV 11
#define SIGSYS  31

static int signal_of(uint32_t exception)
{
	switch (exception) {
	case MK_EXC_BAD_INSTRUCTION:
		return SIGILL;
	case MK_EXC_ARITHMETIC:
		return SIGFPE;
	case MK_EXC_BREAKPOINT:
		return SIGTRAP;
	case MK_EXC_SYSCALL:
		return SIGSYS;
	default:
		return SIGSEGV;
	}
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGILL:
		return "SIGILL";
	case SIGFPE:
		return "SIGFPE";
	case SIGTRAP:
		return "SIGTRAP";
	case SIGSYS:
		return "SIGSYS";
	default:
		return "SIGSEGV";
	}
}

void exception_handle(struct mk_exception_msg *m, uint32_t size)
{
	const struct emulator_header *emu = &server.emulator_template;

	if (size != sizeof(*m) || !(m->header.bits & MK_MSGH_COMPLEX)) {
		if (m->header.remote_port != MK_PORT_NULL)
			mk_port_deallocate(m->header.remote_port);
		return;
	}
	struct process *p = process_by_port(m->header.local_port);
	mk_port_deallocate(m->thread.value);
	mk_port_deallocate(m->task.value);
	if (p && m->exception == MK_EXC_BAD_ACCESS && m->state.rip >= emu->uaccess_start &&
	    m->state.rip < emu->uaccess_end) {
		struct mk_thread_state s = m->state;
		s.rip = emu->uaccess_fault;
		native_exception_reply(m, MK_EXCEPTION_RESUME, &s);
		return;
	}
	native_exception_reply(m, MK_EXCEPTION_TERMINATE, NULL);
	if (!p || p->state != PROCESS_RUNNING)
		return;
	int sig = signal_of(m->exception);
	ux_log("pid %d (%s): killed by %s (rip %#lx, address %#lx)\n", p->pid, p->comm,
	       signal_name(sig), m->state.rip, m->address);
	process_exit(p, sig);
}
