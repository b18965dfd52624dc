/* serial.h: polled COM1 output for the kernel console. */
#ifndef MK_ARCH_SERIAL_H
#define MK_ARCH_SERIAL_H

void serial_init(void);
void serial_putc(char c);

#endif
