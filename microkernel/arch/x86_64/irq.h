/* irq.h: device interrupt dispatch. */
#ifndef MK_ARCH_IRQ_H
#define MK_ARCH_IRQ_H

#include <stdint.h>

void irq_dispatch(unsigned irq);
uint64_t irq_count(unsigned irq);

#endif
