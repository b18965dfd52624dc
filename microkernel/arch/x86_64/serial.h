/* serial.h: polled UART output for the kernel console (COM1 or COM2). */
#ifndef MK_ARCH_SERIAL_H
#define MK_ARCH_SERIAL_H

#include <stdint.h>

void serial_init(void);
void serial_putc(char c);
/* Logs to ttyS<index> from now on (1: COM2; anything else keeps COM1). */
void serial_select_log(unsigned index);
/* The first I/O port of the UART the kernel logs to. */
uint16_t serial_log_port(void);

#endif
