/*
 * report.h: what the emulator tells the system log: each call without an
 * implementation, once per process (name and number), and with tracing
 * on every call in strace's format. Lines go to the server (UX_MSG_LOG),
 * which prefixes the process and writes them to its log.
 */
#ifndef EMULATOR_REPORT_H
#define EMULATOR_REPORT_H

#include <stdint.h>

struct emu_thread;

/* Reports number the first time and returns -ENOSYS. */
long emu_report_unimplemented(struct emu_thread *t, uint64_t number);
void emu_report_trace(struct emu_thread *t, uint64_t number, const uint64_t arg[6], long result);
/* The line of a call that never returns (exit, exit_group), before it. */
void emu_report_trace_no_return(struct emu_thread *t, uint64_t number, const uint64_t arg[6]);

#endif
