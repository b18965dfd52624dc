/*
 * rpc_client.h: system calls answered by the UNIX server, marshalled as
 * ux/rpc.h's UX_SERVER_CALLS says.
 */
#ifndef EMULATOR_RPC_CLIENT_H
#define EMULATOR_RPC_CLIENT_H

#include <stdbool.h>
#include <stdint.h>

#include "thread.h"

/* The call has a row in UX_SERVER_CALLS. */
bool emu_rpc_known(uint64_t number);
/* Sends the call with the app's arguments (from f) to the server and
 * returns its result, or -EFAULT when a buffer could not be copied. */
long emu_rpc_syscall(struct emu_thread *t, uint32_t number, const uint64_t arg[6]);
/* The same for a later part of a read that has already moved bytes
 * (readv's next vector): where the read would wait it returns 0, so the
 * caller returns what it has, as Linux's one read would. */
long emu_rpc_read_more(struct emu_thread *t, uint32_t number, const uint64_t arg[6]);
/* A call whose buffers are the emulator's, not the app's: input 0
 * (in_len bytes) already in t->msg.request.data; the output (at most
 * out_cap bytes) is left in t->msg.reply.data, t->msg.reply.out_len of
 * them (none after an error). For the local handlers that build what
 * the server reads (select's pollfds, a signal mask to swap). */
long emu_rpc_syscall_in_place(struct emu_thread *t, uint32_t number, const uint64_t arg[6],
			      uint32_t in_len, uint32_t out_cap);
/* In a forked child: the server's port is found again (the bootstrap
 * port, the child's own process port); each thread's reply_port too. */
void emu_rpc_forget_ports(void);
/* The handled signal a reply announced (t->signal_ready): 1 with *out,
 * its mask already set by the server; 0 if none; -errno. */
long emu_rpc_signal_take(struct emu_thread *t, struct ux_signal *out);
/* One line of text for the system log (no reply, best effort). */
void emu_rpc_log(struct emu_thread *t, const char *text, uint32_t len);

#endif
