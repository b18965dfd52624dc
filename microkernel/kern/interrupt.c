/*
 * interrupt.c: the interrupt registrations (interrupt.h) and their traps:
 * interrupt_register, interrupt_ack, interrupt_unregister.
 *
 * Each registered line keeps a send right to its port and, while the line
 * is unmasked, one message prepared in advance (with a send-once right to
 * the port), so the interrupt path neither allocates nor waits: it masks
 * the line, stamps the count into the message and queues it. A send-once
 * right gets through a full queue, and with the line masked until the ack
 * at most one message per line is ever queued. Invariant: a line is
 * unmasked exactly while it has a prepared message.
 *
 * interrupt_lock guards `lines` and the PIC mask of registered lines. It
 * is taken with no other lock held and nothing is called under it but the
 * PIC; the interrupt path takes it too (interrupts are off in kernel mode
 * except in the idle loop, which holds no lock, so on this uniprocessor
 * kernel it cannot be interrupted while held).
 */
#include "arch/x86_64/pic.h"
#include "ipc/kmsg.h"
#include "ipc/mqueue.h"
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/host.h"
#include "kern/interrupt.h"
#include "kern/task.h"
#include "lib/string.h"
#include "mk/traps.h"

struct interrupt_line {
	struct ipc_port *port;          /* send right; NULL: not registered */
	struct task *owner;             /* the registering task (not referenced) */
	struct ipc_kmsg *prepared;      /* the next message, while unmasked */
	uint32_t count;                 /* interrupts since registration */
};

static struct spinlock interrupt_lock = SPINLOCK_INIT;
static struct interrupt_line lines[MK_IRQ_COUNT];       /* guarded by interrupt_lock */

static bool irq_is_kernels(uint64_t irq)
{
	return irq == IRQ_TIMER || irq == IRQ_CASCADE;
}

/* A message for port's line irq, carrying a new send-once right to port. */
static struct ipc_kmsg *prepare_message(struct ipc_port *port, unsigned irq)
{
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(sizeof(struct mk_interrupt_msg), 0);

	if (!kmsg)
		return NULL;
	struct mk_interrupt_msg m = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0),
			    .size = sizeof(m), .id = MK_INTERRUPT_NOTIFY },
		.irq = irq,
	};
	memcpy(kmsg->bytes, &m, sizeof(m));
	kmsg->header = m.header;
	ipc_port_make_send_once(port);
	kmsg->dest = (struct ipc_kmsg_right){ port, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND_ONCE };
	return kmsg;
}

/* Frees a prepared message that was never sent, quietly: its send-once
 * right was the kernel's, so nobody is told it went unused. */
static void discard_message(struct ipc_kmsg *kmsg)
{
	if (!kmsg)
		return;
	ipc_port_release_send_once_quiet(kmsg->dest.port);
	kmsg->dest.port = NULL;
	ipc_kmsg_destroy(kmsg);
}

/* interrupt_lock held: ends line irq's registration, masking it; the
 * caller releases what *line held after dropping the lock. */
static struct interrupt_line detach_locked(unsigned irq)
{
	struct interrupt_line old = lines[irq];

	pic_mask(irq);
	lines[irq] = (struct interrupt_line){ 0 };
	return old;
}

static void release_line(struct interrupt_line old)
{
	discard_message(old.prepared);
	if (old.port)
		ipc_port_release_send(old.port);
}

void interrupt_deliver(unsigned irq)
{
	spin_lock(&interrupt_lock);
	struct interrupt_line *l = &lines[irq];
	struct ipc_kmsg *kmsg = l->prepared;
	if (!l->port) {
		spin_unlock(&interrupt_lock);
		return;                 /* a stray interrupt on a line nobody owns */
	}
	pic_mask(irq);
	l->count++;                     /* without a message: the next one shows the gap */
	l->prepared = NULL;
	if (kmsg)
		((struct mk_interrupt_msg *)kmsg->bytes)->count = l->count;
	spin_unlock(&interrupt_lock);
	/* Only a port dying meanwhile refuses it; its death hook ends the
	 * registration (on this uniprocessor kernel it cannot happen). */
	if (kmsg && ipc_msg_send_kernel_nowait(kmsg) != MK_SUCCESS)
		discard_message(kmsg);
}

int64_t trap_interrupt_register(const struct trap_args *a)
{
	uint64_t irq = a->arg[1];
	struct ipc_port *port;
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	if (irq >= MK_IRQ_COUNT || irq_is_kernels(irq))
		return MK_INVALID_VALUE;
	ret = ipc_space_copyin_send(current_task()->space, (mk_port_name_t)a->arg[2], &port);
	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_kmsg *kmsg = prepare_message(port, irq);
	if (!kmsg) {
		ipc_port_release_send(port);
		return MK_RESOURCE_SHORTAGE;
	}
	spin_lock(&interrupt_lock);
	if (lines[irq].port) {
		spin_unlock(&interrupt_lock);
		release_line((struct interrupt_line){ port, NULL, kmsg, 0 });
		return MK_NAME_EXISTS;
	}
	lines[irq] = (struct interrupt_line){ port, current_task(), kmsg, 0 };
	pic_unmask(irq);
	spin_unlock(&interrupt_lock);
	return MK_SUCCESS;
}

/* The registered port of line irq, referenced, or NULL. */
static struct ipc_port *registered_port(unsigned irq)
{
	spin_lock(&interrupt_lock);
	struct ipc_port *port = lines[irq].port;
	if (port)
		ipc_port_reference(port);
	spin_unlock(&interrupt_lock);
	return port;
}

int64_t trap_interrupt_ack(const struct trap_args *a)
{
	uint64_t irq = a->arg[1];
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_port *port = irq < MK_IRQ_COUNT ? registered_port(irq) : NULL;
	if (!port)
		return MK_INVALID_VALUE;
	struct ipc_kmsg *kmsg = prepare_message(port, irq);
	if (kmsg) {
		spin_lock(&interrupt_lock);
		if (lines[irq].port == port && !lines[irq].prepared) {
			lines[irq].prepared = kmsg, kmsg = NULL;
			pic_unmask(irq);
		}
		spin_unlock(&interrupt_lock);
		discard_message(kmsg);  /* the line was not waiting for an ack */
	} else {
		ret = MK_RESOURCE_SHORTAGE;     /* still masked: the caller may ack again */
	}
	ipc_port_release(port);
	return ret;
}

int64_t trap_interrupt_unregister(const struct trap_args *a)
{
	uint64_t irq = a->arg[1];
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	if (irq >= MK_IRQ_COUNT)
		return MK_INVALID_VALUE;
	spin_lock(&interrupt_lock);
	if (!lines[irq].port) {
		spin_unlock(&interrupt_lock);
		return MK_INVALID_VALUE;
	}
	struct interrupt_line old = detach_locked(irq);
	spin_unlock(&interrupt_lock);
	release_line(old);
	return MK_SUCCESS;
}

/* Ends every registration `matches` selects. */
static void detach_matching(bool (*matches)(const struct interrupt_line *, const void *),
			    const void *what)
{
	struct interrupt_line old[MK_IRQ_COUNT];
	unsigned n = 0;

	spin_lock(&interrupt_lock);
	for (unsigned irq = 0; irq < MK_IRQ_COUNT; irq++)
		if (lines[irq].port && matches(&lines[irq], what))
			old[n++] = detach_locked(irq);
	spin_unlock(&interrupt_lock);
	for (unsigned i = 0; i < n; i++)
		release_line(old[i]);
}

static bool uses_port(const struct interrupt_line *l, const void *port)
{
	return l->port == port;
}

static bool owned_by(const struct interrupt_line *l, const void *task)
{
	return l->owner == task;
}

void interrupt_port_dead(struct ipc_port *port)
{
	detach_matching(uses_port, port);
}

void interrupt_task_ended(struct task *task)
{
	detach_matching(owned_by, task);
}
