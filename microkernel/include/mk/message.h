/*
 * message.h: the message format of the microkernel ABI.
 *
 * A message is a header, then (if MK_MSGH_COMPLEX) a body count and that
 * many 16-byte descriptors, then inline data. The kernel translates the
 * names in the header and in port descriptors from the sender's name space
 * into the receiver's, applying each right's disposition.
 */
#ifndef MK_MESSAGE_H
#define MK_MESSAGE_H

#include <stdint.h>

#include "mk/types.h"

/* Right types, as reported for a name (a bit mask in a name's type). */
#define MK_RIGHT_SEND       (1u << 0)
#define MK_RIGHT_RECEIVE    (1u << 1)
#define MK_RIGHT_SEND_ONCE  (1u << 2)
#define MK_RIGHT_PORT_SET   (1u << 3)
#define MK_RIGHT_DEAD_NAME  (1u << 4)

/* Dispositions: what happens to a right named in a message (Mach's values). */
#define MK_MSG_TYPE_MOVE_RECEIVE    16
#define MK_MSG_TYPE_MOVE_SEND       17
#define MK_MSG_TYPE_MOVE_SEND_ONCE  18
#define MK_MSG_TYPE_COPY_SEND       19
#define MK_MSG_TYPE_MAKE_SEND       20
#define MK_MSG_TYPE_MAKE_SEND_ONCE  21

/* header.bits: remote (destination) disposition in bits 0-7, local (reply)
 * disposition in bits 8-15, MK_MSGH_COMPLEX when descriptors follow. After
 * delivery the kernel rewrites both dispositions to the right types the
 * receiver now holds (MOVE_SEND, MOVE_SEND_ONCE, ...). */
#define MK_MSGH_REMOTE(bits)        ((bits) & 0xff)
#define MK_MSGH_LOCAL(bits)         (((bits) >> 8) & 0xff)
#define MK_MSGH_BITS(remote, local) ((remote) | ((local) << 8))
#define MK_MSGH_COMPLEX             (1u << 31)

struct mk_msg_header {
	uint32_t bits;
	uint32_t size;                  /* whole message in bytes, header included */
	mk_port_name_t remote_port;     /* destination */
	mk_port_name_t local_port;      /* reply port (or MK_PORT_NULL) */
	uint32_t reserved;              /* must be 0 */
	int32_t id;                     /* chosen by the interface */
};
_Static_assert(sizeof(struct mk_msg_header) == 24, "ABI");

struct mk_msg_body {
	uint32_t descriptor_count;
	uint32_t reserved;
};
_Static_assert(sizeof(struct mk_msg_body) == 8, "ABI");

#define MK_MSG_PORT_DESCRIPTOR  0
#define MK_MSG_OOL_DESCRIPTOR   1

struct mk_msg_descriptor {
	uint64_t address;               /* OOL: data address; port: 0 */
	uint32_t value;                 /* OOL: size in bytes; port: the name */
	uint8_t disposition;            /* port: MK_MSG_TYPE_*; OOL: MK_OOL_* flags */
	uint8_t reserved[2];
	uint8_t type;                   /* MK_MSG_*_DESCRIPTOR */
};
_Static_assert(sizeof(struct mk_msg_descriptor) == 16, "ABI");

#define MK_OOL_DEALLOCATE 1     /* remove the region from the sender */

/* mk_msg options: send, receive or both (send first; a call). Without a
 * time-out option a send waits for room in a full queue and a receive for
 * a message as long as it takes; with one, at most timeout_ms (0: do not
 * wait at all). */
#define MK_MSG_OPTION_SEND         (1u << 0)
#define MK_MSG_OPTION_RECEIVE      (1u << 1)
#define MK_MSG_OPTION_SEND_TIMEOUT (1u << 2)
#define MK_MSG_OPTION_RCV_TIMEOUT  (1u << 3)
#define MK_MSG_OPTIONS_ALL         0xfu

/* Limits: inline size and descriptor count of one message (16 KiB of
 * data with a kilobyte for headers, so a server's buffers can be whole
 * pages). */
#define MK_MSG_SIZE_MAX         (16384 + 1024)
#define MK_MSG_DESCRIPTORS_MAX  64

#endif
