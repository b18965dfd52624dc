/*
 * interrupt.h: device interrupts as messages. A line registered by a
 * holder of the host port is unmasked; when it fires, the interrupt path
 * masks it and sends one MK_INTERRUPT_NOTIFY message (mk/device.h) to the
 * registered port; mk_interrupt_ack unmasks it again. A registration ends
 * with mk_interrupt_unregister, the port's death or its task's end, and
 * the line is masked again.
 */
#ifndef MK_KERN_INTERRUPT_H
#define MK_KERN_INTERRUPT_H

struct ipc_port;
struct task;

/* From the interrupt path, interrupts off: if a task owns the line, masks
 * it and sends the line's message. The caller sends the EOI after. */
void interrupt_deliver(unsigned irq);

/* Clean-up hooks: the port died (notify.c); the task ends (task.c). */
void interrupt_port_dead(struct ipc_port *port);
void interrupt_task_ended(struct task *task);

#endif
