/*
 * kmsg.h: a kernel message, the kernel's copy of one message between
 * copyin (sender's names turned into rights the kmsg holds) and copyout
 * (those rights turned into names of the receiver's space).
 *
 * A kmsg owns every right it carries (one reference each) and the memory
 * of every out-of-line region (a vm_map_copy each, kmsg_ool.c). It is in
 * at most one port queue (link, guarded by that port's lock) or held by
 * the thread working on it. Copyin and copyout never block and never fire
 * a notification with a lock held; destroying a kmsg releases its rights
 * and its memory.
 */
#ifndef MK_IPC_KMSG_H
#define MK_IPC_KMSG_H

#include <stddef.h>
#include <stdint.h>

#include "lib/list.h"
#include "mk/message.h"
#include "mk/return.h"

struct ipc_space;
struct ipc_port;
struct vm_map;
struct vm_map_copy;

/* Where a complex message's descriptors start in its bytes. */
#define IPC_KMSG_DESCRIPTOR_OFFSET (sizeof(struct mk_msg_header) + sizeof(struct mk_msg_body))

/* One right carried by a kmsg. type is what the receiver will hold:
 * MK_MSG_TYPE_MOVE_RECEIVE, MOVE_SEND or MOVE_SEND_ONCE (0 for an absent
 * header reply port). port is NULL for a descriptor or reply that named
 * MK_PORT_NULL or MK_PORT_DEAD; name keeps which (and for an out-of-line
 * descriptor, which carries no right). */
struct ipc_kmsg_right {
	struct ipc_port *port;
	mk_port_name_t name;
	uint8_t type;
};

struct ipc_kmsg {
	struct list_node link;          /* in a port's queue */
	uint32_t size;                  /* of the message, header included */
	struct mk_msg_header header;    /* names in it are meaningless until copyout */
	struct ipc_kmsg_right dest;     /* MOVE_SEND or MOVE_SEND_ONCE, never NULL */
	struct ipc_kmsg_right reply;
	uint32_t descriptor_count;
	struct ipc_kmsg_right *rights;  /* one per descriptor, in order */
	/* One per descriptor: an out-of-line descriptor's captured memory
	 * (NULL for size 0, for other descriptors, and before
	 * ipc_kmsg_copyin_ool). Owned. */
	struct vm_map_copy **ool;
	uint8_t *bytes;                 /* the whole message as sent (size bytes) */
};

/* An empty kmsg for a message of size bytes with ndesc descriptors, rights
 * all absent; the caller writes all size bytes (the message as sent).
 * NULL when memory is short or the sizes are impossible. */
struct ipc_kmsg *ipc_kmsg_alloc(uint32_t size, uint32_t ndesc);

/* Validates the message (a kernel copy of size bytes) and copies in every
 * right it names from space. On success *out holds a new kmsg; on any error
 * the space is exactly as it was. Errors: MK_MSG_INVALID_HEADER,
 * MK_MSG_TOO_LARGE, MK_MSG_INVALID_DESCRIPTOR, MK_NOT_SUPPORTED (an OOL
 * region of non-zero size: a kernel buffer has no address space to take
 * it from), MK_INVALID_NAME, MK_INVALID_RIGHT, MK_DEAD_NAME,
 * MK_INVALID_TASK (dead space), MK_RESOURCE_SHORTAGE. */
mk_return_t ipc_kmsg_copyin(struct ipc_space *space, const void *msg, size_t size,
			    struct ipc_kmsg **out);

/* The same for a kmsg already holding the message's bytes (size and
 * descriptor count as allocated; a mismatch is MK_MSG_INVALID_DESCRIPTOR,
 * since the bytes may have changed since the count was read), whose OOL
 * regions ipc_kmsg_copyin_ool captured. On error the kmsg carries no
 * right and the space is as it was. */
mk_return_t ipc_kmsg_copyin_prepared(struct ipc_space *space, struct ipc_kmsg *kmsg);

/* The layout checks of copyin alone: header, body, descriptors, and the
 * descriptor count kmsg was allocated with. */
mk_return_t ipc_kmsg_check_layout(const struct ipc_kmsg *kmsg);

/* Out-of-line memory (kmsg_ool.c; map is the sender's or receiver's, and
 * no lock may be held: these take the map's lock).
 * copyin_ool: checks the layout, then captures every OOL region of non-zero
 *   size from map (vm_map_copyin); the sender's map is unchanged as far as
 *   it can see. Before the rights: on error the caller destroys the kmsg,
 *   which releases what was captured. Errors: those of
 *   ipc_kmsg_check_layout, MK_INVALID_ADDRESS, MK_PROTECTION_FAILURE,
 *   MK_RESOURCE_SHORTAGE.
 * ool_sent: once the rights are in (the send is committed): removes the
 *   regions sent with MK_OOL_DEALLOCATE from the sender's map.
 * copyout_ool: maps every region into the receiver's map, writing its
 *   address into the descriptor (size 0: address 0; disposition 0). All
 *   or nothing: MK_NO_SPACE leaves no region mapped (the caller destroys
 *   the kmsg).
 * ool_unmap: after copyout_ool, removes the regions it mapped (the
 *   receive failed later and the receiver never learns the addresses). */
mk_return_t ipc_kmsg_copyin_ool(struct ipc_kmsg *kmsg, struct vm_map *map);
void ipc_kmsg_ool_sent(struct ipc_kmsg *kmsg, struct vm_map *map);
mk_return_t ipc_kmsg_copyout_ool(struct ipc_kmsg *kmsg, struct vm_map *map);
void ipc_kmsg_ool_unmap(struct ipc_kmsg *kmsg, struct vm_map *map);

/* Translates kmsg's rights into names of space, in place (OOL descriptors
 * are left to ipc_kmsg_copyout_ool): afterwards
 * kmsg->bytes holds the message as received and the kmsg carries no right
 * (the caller copies the bytes out and frees it with ipc_kmsg_destroy).
 * Header as received: remote_port = the reply right's name, local_port =
 * the receiver's name for the destination port (MK_PORT_NULL if it no
 * longer holds its receive right), bits = the resulting right types. On
 * error (MK_NO_SPACE / MK_RESOURCE_SHORTAGE when the names do not fit,
 * MK_INVALID_TASK) the kmsg and the space are untouched. No locks held
 * (releasing the destination right may fire no-senders). */
mk_return_t ipc_kmsg_copyout(struct ipc_space *space, struct ipc_kmsg *kmsg);

/* Releases every right and region kmsg carries and frees it. No locks
 * held: may fire no-senders, send-once (for an unused send-once right) and
 * port death. */
void ipc_kmsg_destroy(struct ipc_kmsg *kmsg);

/* The port the message is sent to (the kmsg's reference). */
struct ipc_port *ipc_kmsg_destination(const struct ipc_kmsg *kmsg);

size_t ipc_kmsg_count(void);    /* live kmsgs, for leak tests */

/* For ipc/ only: releases kmsg's rights, putting the messages queued on
 * ports that die onto doomed instead of recursing; frees kmsg. */
void ipc_kmsg_clean(struct ipc_kmsg *kmsg, struct list_node *doomed);
/* For ipc/ only: the same for one right. */
void ipc_kmsg_right_release(struct ipc_kmsg_right *r, struct list_node *doomed);

#endif
