/*
 * space.h: a task's port name space, the table from names to rights.
 *
 * Mach semantics: a space holds at most ONE name per port for its receive
 * and send rights (send rights coalesce under it, counted in urefs); each
 * send-once right has a name of its own; a port set has a name; a send or
 * send-once right whose port died reads as a dead name (converted lazily
 * when the name is next looked at). A name is index << 8 | generation; a
 * freed slot's generation moves on, so stale names are rejected. Names are
 * never MK_PORT_NULL (index 0 is unused) or MK_PORT_DEAD (index < 2^16).
 *
 * Each entry holding a port or set owns one reference on it; a dead name
 * owns none. Operations take the space lock and never block; anything that
 * may notify (releasing a last send right, destroying a receive right) is
 * done after the lock is dropped.
 */
#ifndef MK_IPC_SPACE_H
#define MK_IPC_SPACE_H

#include <stdbool.h>
#include <stdint.h>

#include "kern/spinlock.h"
#include "mk/message.h"
#include "mk/return.h"

struct ipc_port;
struct ipc_pset;

#define IPC_SPACE_INITIAL_ENTRIES 32
#define IPC_SPACE_MAX_ENTRIES     65536         /* power of two, <= 2^24 - 1 names */
#define IPC_UREFS_MAX             0xffff

struct ipc_entry {
	void *object;           /* struct ipc_port (or ipc_pset if PORT_SET); NULL if free or dead */
	uint32_t type;          /* MK_RIGHT_* bits; 0 when free */
	uint32_t urefs;         /* of the send right or the dead name */
	uint32_t next;          /* free: next free index; in use: next in hash chain (0 ends) */
	uint8_t gen;
};

struct ipc_space {
	uint32_t refs;                  /* atomic */
	struct spinlock lock;
	/* Guarded by lock: */
	bool active;
	struct ipc_entry *table;
	uint32_t size;                  /* power of two; index 0 never used */
	uint32_t free_head;             /* 0 when no entry is free */
	uint32_t free_count;
	uint32_t *hash;                 /* size buckets: port -> entry with its send/receive right */
};

/* Lifetime. destroy releases every right (receive rights kill their ports,
 * sets are destroyed) and makes every later operation fail with
 * MK_INVALID_TASK; the memory goes with the last reference. */
struct ipc_space *ipc_space_create(void);
void ipc_space_reference(struct ipc_space *space);
void ipc_space_release(struct ipc_space *space);
void ipc_space_destroy(struct ipc_space *space);

/* New objects, named in space. */
mk_return_t ipc_space_allocate_port(struct ipc_space *space, mk_port_name_t *name);
mk_return_t ipc_space_allocate_pset(struct ipc_space *space, mk_port_name_t *name);
mk_return_t ipc_space_allocate_dead_name(struct ipc_space *space, mk_port_name_t *name);

/* Queries. */
mk_return_t ipc_space_type(struct ipc_space *space, mk_port_name_t name, uint32_t *type);
/* right is one MK_RIGHT_* bit; receive, send-once and set rights count 1. */
mk_return_t ipc_space_get_refs(struct ipc_space *space, mk_port_name_t name, uint32_t right,
			       uint32_t *refs);

/* One right by name, with a disposition (MK_MSG_TYPE_*): on success *port
 * holds the right (referenced) and *type its kind (MOVE_RECEIVE, MOVE_SEND
 * or MOVE_SEND_ONCE). Errors: MK_INVALID_NAME, MK_INVALID_RIGHT,
 * MK_DEAD_NAME, MK_INVALID_VALUE (bad disposition), MK_INVALID_TASK. */
/* A send right for the kernel to keep (a registration, a task's special
 * port): made from a receive right, copied from a send right. */
mk_return_t ipc_space_copyin_send(struct ipc_space *space, mk_port_name_t name,
				  struct ipc_port **port);
mk_return_t ipc_space_copyin(struct ipc_space *space, mk_port_name_t name, unsigned disposition,
			     struct ipc_port **port, unsigned *type);
/* Inserts a right the caller holds (type as above) and names it; the right
 * is consumed on success. A send or send-once right to a dead port is
 * released and named MK_PORT_DEAD. Errors: MK_NO_SPACE,
 * MK_RESOURCE_SHORTAGE, MK_INVALID_TASK (the right stays the caller's). */
mk_return_t ipc_space_copyout(struct ipc_space *space, struct ipc_port *port, unsigned type,
			      mk_port_name_t *name);

/* User-reference operations (no locks held: may notify). deallocate drops
 * one send or dead-name uref, or the send-once right. mod_refs adds delta
 * to the right (one MK_RIGHT_* bit; receive, send-once and set take 0 or
 * -1): MK_INVALID_VALUE below 0, MK_UREFS_OVERFLOW above IPC_UREFS_MAX.
 * destroy_name releases every right under the name. */
mk_return_t ipc_space_deallocate(struct ipc_space *space, mk_port_name_t name);
mk_return_t ipc_space_mod_refs(struct ipc_space *space, mk_port_name_t name, uint32_t right,
			       int32_t delta);
mk_return_t ipc_space_destroy_name(struct ipc_space *space, mk_port_name_t name);

/* Receiving: the port (receive right) or set named, referenced; exactly one
 * of *port, *pset is set on success, and both are NULL on any error. */
mk_return_t ipc_space_lookup_receive(struct ipc_space *space, mk_port_name_t name,
				     struct ipc_port **port, struct ipc_pset **pset);
/* The port named if the name holds any of the rights in `rights`
 * (MK_RIGHT_* bits), referenced, the rights untouched. */
mk_return_t ipc_space_lookup_port(struct ipc_space *space, mk_port_name_t name, uint32_t rights,
				  struct ipc_port **port);
/* Moves the receive right `member` into the set `pset_name`, leaving any
 * previous set; MK_PORT_NULL as pset_name only leaves. */
mk_return_t ipc_space_move_member(struct ipc_space *space, mk_port_name_t member,
				  mk_port_name_t pset_name);

#endif
