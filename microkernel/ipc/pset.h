/*
 * pset.h: port sets. A set holds receive rights' ports (members) so one
 * thread can receive from all of them: receiving from a set takes the first
 * message of the first member that has one, and moves that member to the
 * back so busy ports cannot starve the others.
 *
 * A port is in at most one set. Membership is guarded by the set's lock
 * and the port's lock together (set lock first); it holds no reference
 * either way: a dying port leaves its set, a destroyed set empties itself.
 */
#ifndef MK_IPC_PSET_H
#define MK_IPC_PSET_H

#include <stdbool.h>
#include <stdint.h>

#include "kern/sched.h"
#include "kern/spinlock.h"
#include "lib/list.h"

struct ipc_port;
struct ipc_kmsg;

struct ipc_pset {
	uint32_t refs;                  /* atomic */
	struct spinlock lock;
	/* Guarded by lock: */
	bool active;
	struct list_node members;       /* struct ipc_port, by pset_link */
	/* For the trap layer (guarded by sched_lock): */
	struct waitq receivers;
};

/* A new active, empty set; the caller owns it (one reference). NULL when
 * memory is short. */
struct ipc_pset *ipc_pset_create(void);
void ipc_pset_reference(struct ipc_pset *pset);
void ipc_pset_release(struct ipc_pset *pset);

/* Makes the active port a member of pset, leaving its previous set. */
void ipc_pset_add(struct ipc_pset *pset, struct ipc_port *port);
/* Takes port out of its set, if any. */
void ipc_pset_remove(struct ipc_port *port);
/* The first message of any member into *out (NULL when none has one),
 * as ipc_port_dequeue_locked does for one port (a member's first message
 * larger than max_size: MK_MSG_TOO_LARGE). MK_INVALID_NAME when the set
 * is destroyed. Caller holds pset->lock. */
mk_return_t ipc_pset_dequeue_locked(struct ipc_pset *pset, uint32_t max_size,
				    struct ipc_kmsg **out);
/* Empties the set, marks it dead, wakes its receivers and drops the
 * caller's reference. */
void ipc_pset_destroy(struct ipc_pset *pset);
bool ipc_pset_has_member(struct ipc_pset *pset, struct ipc_port *port);

size_t ipc_pset_count(void);    /* live sets, for leak tests */

#endif
