/*
 * irq.c: device interrupts. The timer drives the scheduler; every other
 * line is for a user-level driver (delivered as a message once a port is
 * registered for it) and stays masked until then.
 */
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "kern/console.h"
#include "kern/sched.h"

static uint64_t irq_counts[IRQ_COUNT];

void irq_dispatch(unsigned irq)
{
	pic_end_of_interrupt(irq);
	irq_counts[irq]++;
	if (irq == IRQ_TIMER)
		sched_clock_tick();
}

uint64_t irq_count(unsigned irq)
{
	return irq < IRQ_COUNT ? irq_counts[irq] : 0;
}
