/*
 * pager.h: memory objects backed by a user-level pager, the ABI side.
 *
 * mk_vm_map_pager(task, &address, size, pager, offset, flags) maps
 * [offset, offset + size) of the memory object the pager port stands for
 * into the task. One pager port is one object: mapping the same port again
 * (in any task) maps the same pages.
 *
 * A fault on a page the object does not hold sends the pager one
 * MK_PAGER_DATA_REQUEST per page (a second fault on the same page waits
 * for the same answer). It carries a send right to the object's control
 * port, which the pager names in its answers:
 *   mk_pager_data_supply(control, offset, data, size): the pages are a
 *     copy of `size` bytes at `data` in the pager's memory;
 *   mk_pager_data_unavailable(control, offset, size): the pages are zero;
 *   mk_pager_data_error(control, offset, size, error): the faults waiting
 *     for those pages fail (a user fault is then an unhandled exception).
 * Offsets and sizes are page multiples inside the object (the largest
 * offset + size any mapping reached) and a call covers at most
 * MK_PAGER_DATA_MAX bytes. Supplying or zero-filling pages nobody asked
 * for is allowed (prefetch); a page the object already holds is left as
 * it is. Data and errors for pages not asked for are ignored.
 *
 * If the pager port dies, faults waiting on it and later faults on absent
 * pages fail with MK_DEAD_NAME. When the object goes (its last mapping is
 * removed), a pager that was ever asked for data gets MK_PAGER_TERMINATE
 * carrying the control port's receive right (under the name its send
 * rights had, so the pager knows which object ended); answers naming it
 * then fail with MK_DEAD_NAME, and the pager destroys it when done. Any
 * other pager's names for the control port go dead. Requests and notices
 * are sent with a send-once right the kernel makes, so a full queue never
 * loses them.
 */
#ifndef MK_PAGER_H
#define MK_PAGER_H

#include <stdint.h>

#include "mk/message.h"
#include "mk/vm.h"

/* Message ids. */
#define MK_PAGER_DATA_REQUEST 2300
#define MK_PAGER_TERMINATE    2301

struct mk_pager_request_msg {
	struct mk_msg_header header;    /* id MK_PAGER_DATA_REQUEST */
	struct mk_msg_body body;        /* descriptor_count 1 */
	struct mk_msg_descriptor control; /* a send right to the object's control port */
	uint64_t offset;                /* in the object, page aligned */
	uint64_t length;                /* bytes asked for, a page multiple */
	uint32_t desired_access;        /* MK_VM_PROT_READ or WRITE: what the fault needs */
	uint32_t reserved;
};
_Static_assert(sizeof(struct mk_pager_request_msg) == 72, "ABI");

struct mk_pager_terminate_msg {
	struct mk_msg_header header;    /* id MK_PAGER_TERMINATE */
	struct mk_msg_body body;        /* descriptor_count 1 */
	struct mk_msg_descriptor control; /* the control port's receive right */
};
_Static_assert(sizeof(struct mk_pager_terminate_msg) == 48, "ABI");

/* mk_vm_map_pager flags: MK_VM_FLAGS_FIXED or MK_VM_FLAGS_ANYWHERE, or'ed
 * with the region's protection (its maximum is MK_VM_PROT_ALL). */
#define MK_VM_MAP_PROT_SHIFT 8
#define MK_VM_MAP_PROT(prot) ((uint32_t)(prot) << MK_VM_MAP_PROT_SHIFT)

/* Most bytes one supply or unavailable call covers; offsets end below
 * MK_PAGER_OBJECT_MAX. */
#define MK_PAGER_DATA_MAX   (256u * MK_PAGE_SIZE)
#define MK_PAGER_OBJECT_MAX (1ull << 47)

#endif
