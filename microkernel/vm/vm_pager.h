/*
 * vm_pager.h: memory objects whose pages a user-level pager supplies
 * (the ABI is mk/pager.h).
 *
 * A pager-backed object is an ordinary vm_object with a struct vm_pager
 * attached: a send right to the pager's port, a control port the kernel
 * holds the receive right of (kobject: the object), and a wait queue.
 * One pager port has at most one object (the registry, vm_pager.c), so
 * every mapping of a port shares its pages.
 *
 * A fault on a page the object lacks (vm_pager_fault.c) puts a busy
 * placeholder page in the object, sends the pager a data request, and
 * sleeps on the object's wait queue; later faults on that page find the
 * placeholder and sleep too, without asking again. The pager's answers
 * (vm_pager_data.c) turn placeholders into resident pages or errors and
 * wake every waiter, who then looks again from the top of the fault.
 *
 * Waits end with an error when the pager port dies (a port watch sets
 * `dead`), and with MK_INTERRUPTED when the thread is aborted or
 * terminated. Nothing sleeps or sends with a map or object lock held.
 *
 * Lock order: vm_pager_registry_lock after vm_map.lock and before the
 * IPC locks; a port watch runs under the pager port's lock and takes the
 * object's lock (port before object, as everywhere).
 */
#ifndef MK_VM_PAGER_H
#define MK_VM_PAGER_H

#include <stdbool.h>
#include <stdint.h>

#include "ipc/ipc_notify_requests.h"
#include "kern/sched.h"
#include "lib/list.h"
#include "mk/return.h"
#include "vm/vm_object.h"

struct ipc_port;

/* vm_fault's internal status: the fault must wait for a pager (never
 * returned to a task). */
#define VM_FAULT_WAIT ((mk_return_t)-2)

struct vm_pager {
	struct vm_object *object;       /* the object this belongs to */
	struct ipc_port *port;          /* send right to the pager */
	struct ipc_port *control;       /* receive right held by the kernel */
	struct ipc_port_watch watch;    /* on port */
	struct list_node registry_link; /* guarded by vm_pager_registry_lock */
	/* Guarded by the object's lock: */
	uint64_t size;                  /* bytes the mappings reach; only grows */
	bool dead;                      /* the pager port died */
	bool contacted;                 /* a request was sent: the pager knows us */
	struct waitq waiters;           /* faults waiting for pages of the object */
};

/* The object of the pager port `port` (a send right the caller gives up,
 * whatever the result), made if there is none, covering at least `size`
 * bytes; referenced. MK_DEAD_NAME, MK_RESOURCE_SHORTAGE. No locks held. */
mk_return_t vm_pager_object_for(struct ipc_port *port, uint64_t size, struct vm_object **out);

/* The object a control port stands for, referenced: MK_INVALID_RIGHT if
 * the port is not a control port, MK_DEAD_NAME if its object is gone. */
mk_return_t vm_pager_object_of_control(struct ipc_port *control, struct vm_object **out);

/* Sends the pager a message of mk/pager.h (size bytes, one port
 * descriptor: the control port, as a send right made here or, with
 * MK_MSG_TYPE_MOVE_RECEIVE, the kernel's receive right itself). No locks
 * held. */
mk_return_t vm_pager_send(struct vm_object *o, const void *msg, uint32_t size,
			  unsigned control_type);

/* From vm_object_destroy (refs 0, no locks held): hands the control
 * port's receive right to a pager that knows the object (or kills it),
 * and lets go of the pager port. */
void vm_pager_object_destroy(struct vm_object *o);

/* The pager's answers (vm_pager_data.c), o referenced. check_range:
 * page multiples, 0 < size <= limit (MK_INVALID_ARGUMENT), inside the
 * object (MK_INVALID_VALUE). vm_pager_data: pages copied from the current
 * task's memory at data, or zero; all or nothing (MK_INVALID_ADDRESS,
 * MK_RESOURCE_SHORTAGE). vm_pager_data_error: the placeholders in the
 * range fail with error (> 0). No locks held. */
mk_return_t vm_pager_check_range(struct vm_object *o, uint64_t offset, uint64_t size,
				 uint64_t limit);
mk_return_t vm_pager_data(struct vm_object *o, uint64_t offset, uint64_t size, uint64_t data,
			  bool zero);
void vm_pager_data_error(struct vm_object *o, uint64_t offset, uint64_t size, mk_return_t error);

/* What a fault waits for (vm_pager_fault.c). */
struct vm_pager_wait {
	struct vm_object *object;       /* referenced */
	uint64_t offset;
	unsigned access;                /* MK_VM_PROT_READ or WRITE */
	bool request;                   /* the pager must be asked first */
};

/* Fault side, o (pager-backed) locked, the page at offset not resident
 * (p is its placeholder or NULL): VM_FAULT_WAIT with *w filled, or the
 * error the fault ends with. */
mk_return_t vm_pager_fault_locked(struct vm_object *o, struct vm_page *p, uint64_t offset,
				  unsigned access, struct vm_pager_wait *w);
/* No locks held: asks the pager if needed and waits for an answer.
 * MK_SUCCESS means the fault should look again; consumes w's reference. */
mk_return_t vm_pager_fault_wait(struct vm_pager_wait *w);

#endif
