/*
 * pic.c: the legacy 8259 interrupt controllers and the 8254 timer (PIT).
 *
 * IRQs 0-15 are remapped to vectors 32-47 and all but the timer start
 * masked; a line is unmasked when someone registers for it. The PIT ticks
 * at HZ. This is the uniprocessor interrupt path; the local APIC replaces
 * it when other CPUs are brought up.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/pic.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI   0x20
#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define PIT_HZ    1193182

static uint16_t irq_mask = 0xffff;

static void pic_write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void pic_init(void)
{
	outb(PIC1_CMD, 0x11);                   /* ICW1: edge, cascade, ICW4 */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, IDT_IRQ_BASE);          /* ICW2: vector offsets */
	outb(PIC2_DATA, IDT_IRQ_BASE + 8);
	outb(PIC1_DATA, 4);                     /* ICW3: slave on IRQ2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 1);                     /* ICW4: 8086 mode */
	outb(PIC2_DATA, 1);
	irq_mask = 0xffff & ~(1u << 2);         /* cascade line open */
	pic_write_mask();
}

void pic_unmask(unsigned irq)
{
	irq_mask &= ~(1u << irq);
	pic_write_mask();
}

void pic_mask(unsigned irq)
{
	irq_mask |= 1u << irq;
	pic_write_mask();
}

void pic_end_of_interrupt(unsigned irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

void pit_start(unsigned hz)
{
	unsigned divisor = PIT_HZ / hz;

	outb(PIT_CMD, 0x36);                    /* channel 0, lo/hi, mode 3 */
	outb(PIT_CH0, divisor & 0xff);
	outb(PIT_CH0, divisor >> 8);
	pic_unmask(0);
}
