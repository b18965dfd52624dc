/* idt.h: the interrupt descriptor table. */
#ifndef MK_ARCH_IDT_H
#define MK_ARCH_IDT_H

#include <stdint.h>

void idt_init(void);
void idt_set_gate(unsigned vector, uint64_t handler, unsigned ist, int user_callable);

#endif
