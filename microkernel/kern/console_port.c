/*
 * console_port.c: the kernel console port's server (console_port.h).
 *
 * One kernel thread, above user priority so a write shows before the
 * sender runs on, takes the port's messages in order as a receiving task
 * would (dequeue under the port's lock, sleep on its receivers queue when
 * empty, wake a sender waiting for room) and destroys each after printing,
 * which releases whatever rights it carried. Anything but a simple
 * MK_CONSOLE_WRITE message is dropped.
 */
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "kern/console.h"
#include "kern/console_port.h"
#include "kern/kobject.h"
#include "kern/sched.h"
#include "mk/device.h"

#define CONSOLE_THREAD_PRIORITY (THREAD_PRIORITY_DEFAULT + 4)

static struct ipc_port *the_console_port;       /* set once at boot */

static struct ipc_kmsg *next_message(struct ipc_port *port)
{
	struct ipc_kmsg *kmsg = NULL;

	for (;;) {
		spin_lock(&port->lock);
		if (ipc_port_dequeue_locked(port, MK_MSG_SIZE_MAX, &kmsg) != MK_SUCCESS)
			panic("the console port died");
		if (kmsg) {
			spin_unlock(&port->lock);
			waitq_wake_one(&port->senders);        /* the queue has room again */
			return kmsg;
		}
		waitq_sleep(&port->receivers, &port->lock, 0);
	}
}

static void write_message(const struct ipc_kmsg *kmsg)
{
	const struct mk_msg_header *h = (const struct mk_msg_header *)kmsg->bytes;
	size_t header = sizeof(*h);

	if (h->id != MK_CONSOLE_WRITE || (h->bits & MK_MSGH_COMPLEX) || kmsg->size < header)
		return;
	kprintf("%.*s", (int)(kmsg->size - header), (const char *)kmsg->bytes + header);
}

static void console_thread(void *arg)
{
	struct ipc_port *port = arg;

	for (;;) {
		struct ipc_kmsg *kmsg = next_message(port);
		write_message(kmsg);
		ipc_kmsg_destroy(kmsg);
	}
}

void console_port_init(void)
{
	the_console_port = ipc_port_create();
	if (the_console_port)
		the_console_port->kobject_type = KOBJECT_CONSOLE;
	if (!the_console_port ||
	    !thread_create_kernel(console_thread, the_console_port, CONSOLE_THREAD_PRIORITY))
		panic("no memory for the console port");
}

struct ipc_port *console_port(void)
{
	return the_console_port;
}
