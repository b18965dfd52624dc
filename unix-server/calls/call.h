/*
 * call.h: one system call as the server's handlers see it: the calling
 * process, the app's argument registers, the input buffers the emulator
 * copied in (checked against the call's row in ux/rpc.h before any
 * handler runs: a path is NUL-terminated, a fixed structure has its
 * size) and room for the output buffer. Handlers are ux_sys_NAME, one
 * per row of UX_SERVER_CALLS; they return >= 0 or -UX_E*.
 */
#ifndef UX_CALLS_CALL_H
#define UX_CALLS_CALL_H

#include <stdbool.h>
#include <stdint.h>

#include "ux/rpc.h"
#include "ux_errno.h"

struct process;

struct ux_call {
	struct process *proc;
	const uint64_t *arg;            /* [6], the app's registers */
	const uint8_t *in[2];           /* NULL when absent */
	uint32_t in_len[2];
	uint8_t *out;                   /* room for out_cap bytes */
	uint32_t out_cap;
	uint32_t out_len;               /* set by the handler */
	bool no_reply;                  /* the caller is gone (exit) */
	uint64_t since_ns;              /* when the call first came (parked ones
					 * are tried again later) */
	bool timed;                     /* a -UX_EPARK answer has a deadline:
					 * retry it as time passes too */
};

/* The output structure (a FIXED row): 0, or -EFAULT when the app gave
 * no room for it (a NULL pointer). */
static inline int64_t call_put(struct ux_call *c, const void *data, uint32_t len)
{
	if (c->out_cap < len)
		return -UX_EFAULT;
	__builtin_memcpy(c->out, data, len);
	c->out_len = len;
	return 0;
}

/* The output buffer of a BUF row holds count items here: no more than
 * the app asked for, nor than the reply carries. */
static inline uint32_t call_out_room(const struct ux_call *c, uint64_t count)
{
	return count < c->out_cap ? (uint32_t)count : c->out_cap;
}

/* A handler that filled r bytes of the output buffer returns r through
 * this (an error fills nothing). */
static inline int64_t call_out_filled(struct ux_call *c, int64_t r)
{
	if (r > 0)
		c->out_len = (uint32_t)r;
	return r;
}

/* Input i as a path (the row says it is one). */
static inline const char *call_path(const struct ux_call *c, int i)
{
	return (const char *)c->in[i];
}

#define UX_CALL_PROTOTYPE(name, in0, in1, out, rep) int64_t ux_sys_##name(struct ux_call *c);
UX_SERVER_CALLS(UX_CALL_PROTOTYPE)
#undef UX_CALL_PROTOTYPE

/* The handler of Linux call number, or NULL; and its row. */
typedef int64_t (*ux_handler)(struct ux_call *c);
ux_handler call_handler(uint64_t number, const struct ux_call_marshal **row);

#endif
