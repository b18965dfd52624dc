/*
 * right.h: what one right does to a space entry on its way in or out, for
 * ipc/ only. The copyin step is a pure function on an entry's (type,
 * urefs) so a whole message can be checked on copies of its entries first
 * and committed afterwards with the very same rules (kmsg_copyin.c).
 */
#ifndef MK_IPC_RIGHT_H
#define MK_IPC_RIGHT_H

#include <stdbool.h>
#include <stdint.h>

#include "mk/message.h"
#include "mk/return.h"

struct ipc_space;
struct ipc_entry;
struct ipc_kmsg_right;

bool ipc_right_disposition_is_valid(unsigned disposition);
/* What the receiver holds after a right with this disposition travels:
 * MK_MSG_TYPE_MOVE_RECEIVE, MOVE_SEND or MOVE_SEND_ONCE. */
unsigned ipc_right_result_type(unsigned disposition);

/* The check: applies the disposition to an entry whose type and urefs are
 * given (after lazy dead-name conversion), or returns MK_INVALID_RIGHT /
 * MK_DEAD_NAME leaving them as they were. Pure. */
mk_return_t ipc_right_copyin_check(uint32_t *type, uint32_t *urefs, unsigned disposition);
/* The commit, space lock held, the check known to pass on e: updates the
 * entry and the port and puts the right (referenced) in *out. Never fails,
 * never notifies. */
void ipc_right_copyin_commit(struct ipc_space *space, struct ipc_entry *e, unsigned disposition,
			     struct ipc_kmsg_right *out);
/* Space lock held and one entry reserved: names the right r carries in
 * space, consuming it (a send/send-once right to a dead port becomes
 * MK_PORT_DEAD). Never fails, never notifies. */
mk_port_name_t ipc_right_copyout(struct ipc_space *space, const struct ipc_kmsg_right *r);
/* No locks held: releases the rights of an entry taken out of its space,
 * with the entry's reference (may notify, may kill ports). */
void ipc_right_release_detached(void *object, uint32_t type);

#endif
