/*
 * device.h: the kernel's device-facing messages and limits: interrupts
 * delivered as messages (mk_interrupt_register), the kernel console port
 * (named in the boot info), and the I/O port range of io_port_grant.
 */
#ifndef MK_DEVICE_H
#define MK_DEVICE_H

#include <stdint.h>

#include "mk/message.h"

/* Legacy PIC interrupt lines. Refused by interrupt_register: 0 (the
 * kernel's timer) and 2 (the cascade to the second controller). */
#define MK_IRQ_COUNT 16

/* One message per interrupt on a registered line, sent to the registered
 * port through a send-once right the kernel makes (so a full queue does
 * not refuse it). The line stays masked until mk_interrupt_ack: at most
 * one message per line is ever outstanding. */
#define MK_INTERRUPT_NOTIFY 5000
struct mk_interrupt_msg {
	struct mk_msg_header header;            /* id MK_INTERRUPT_NOTIFY */
	uint32_t irq;
	uint32_t count;                         /* interrupts on this line since it was registered */
};
_Static_assert(sizeof(struct mk_interrupt_msg) == 32, "ABI");

/* A message with this id to the console port writes its inline bytes
 * (everything after the header) to the kernel console. Descriptors are
 * not allowed (such a message is dropped). */
#define MK_CONSOLE_WRITE 5001

/* x86 I/O ports: 0 .. MK_IO_PORT_COUNT - 1. */
#define MK_IO_PORT_COUNT 0x10000

#endif
