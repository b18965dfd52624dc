/* pic.h: legacy interrupt controller and timer (uniprocessor path). */
#ifndef MK_ARCH_PIC_H
#define MK_ARCH_PIC_H

#define IRQ_TIMER  0
#define IRQ_CASCADE 2           /* the second controller */
#define IRQ_COM1   4
#define IRQ_COUNT  16

void pic_init(void);
void pic_mask(unsigned irq);
void pic_unmask(unsigned irq);
void pic_end_of_interrupt(unsigned irq);
void pit_start(unsigned hz);

#endif
