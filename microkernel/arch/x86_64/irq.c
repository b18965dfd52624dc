/*
 * irq.c: device interrupts. The timer drives the scheduler; every other
 * line is for a user-level driver, delivered as a message once a port is
 * registered for it (kern/interrupt.c), and stays masked until then. A
 * registered line is masked before its end of interrupt, so it cannot
 * fire again until the driver acknowledges.
 */
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "kern/console.h"
#include "kern/interrupt.h"
#include "kern/sched.h"

static uint64_t irq_counts[IRQ_COUNT];

void irq_dispatch(unsigned irq)
{
	irq_counts[irq]++;
	if (irq == IRQ_TIMER) {
		pic_end_of_interrupt(irq);
		sched_clock_tick();
		return;
	}
	interrupt_deliver(irq);
	pic_end_of_interrupt(irq);
}

uint64_t irq_count(unsigned irq)
{
	return irq < IRQ_COUNT ? irq_counts[irq] : 0;
}
