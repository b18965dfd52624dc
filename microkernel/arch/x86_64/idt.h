/* idt.h: the interrupt descriptor table. */
#ifndef MK_ARCH_IDT_H
#define MK_ARCH_IDT_H

#include <stdint.h>

#define IDT_IRQ_BASE    32      /* legacy IRQ n arrives at vector 32 + n */
#define IDT_STUB_COUNT  48      /* exceptions and legacy IRQs */

void idt_init(void);
void idt_set_gate(unsigned vector, uint64_t handler, unsigned ist, int user_callable);

#endif
