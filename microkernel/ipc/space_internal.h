/*
 * space_internal.h: the entry table of a space, for ipc/ only. Every
 * function here requires the space lock and a live (active) space.
 */
#ifndef MK_IPC_SPACE_INTERNAL_H
#define MK_IPC_SPACE_INTERNAL_H

#include "ipc/space.h"

#define IPC_RIGHT_PORT_BITS (MK_RIGHT_SEND | MK_RIGHT_RECEIVE | MK_RIGHT_SEND_ONCE)

/* right is exactly one MK_RIGHT_* bit. */
bool ipc_is_one_right(uint32_t right);
/* The entry a name denotes (right generation, in use), or NULL. */
struct ipc_entry *ipc_entry_lookup(struct ipc_space *space, mk_port_name_t name);
/* The same, first turning a send or send-once right to a dead port into a
 * dead name (which releases that right; never notifies). */
struct ipc_entry *ipc_entry_lookup_live(struct ipc_space *space, mk_port_name_t name);
mk_port_name_t ipc_entry_name(struct ipc_space *space, struct ipc_entry *e);
/* Makes sure n entries are free (growing the table): MK_NO_SPACE past the
 * maximum, MK_RESOURCE_SHORTAGE when memory is short. */
mk_return_t ipc_space_reserve(struct ipc_space *space, uint32_t n);
/* A free entry taken and filled; at least one must be reserved. */
mk_port_name_t ipc_entry_alloc(struct ipc_space *space, void *object, uint32_t type,
			       uint32_t urefs);
/* Changes type (keeping the reverse hash right); type 0 frees the entry. */
void ipc_entry_set_type(struct ipc_space *space, struct ipc_entry *e, uint32_t type);
/* The entry holding send or receive rights to port, or NULL. */
struct ipc_entry *ipc_entry_find_port(struct ipc_space *space, struct ipc_port *port);

#endif
