/*
 * serial.c: the kernel's own polled driver for COM1 (16550 UART).
 *
 * Used for the boot banner, panics and kernel-test output. Once a user-level
 * console driver owns the port (interrupt messages), the kernel only writes
 * here for diagnostics. Output only; never blocks on anything but the UART.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/serial.h"

#define COM1            0x3f8
#define REG_DATA        0
#define REG_IER         1
#define REG_FCR         2
#define REG_LCR         3
#define REG_MCR         4
#define REG_LSR         5
#define LSR_THR_EMPTY   0x20
#define LCR_DLAB        0x80
#define LCR_8N1         0x03
#define BAUD_DIVISOR    1               /* 115200 baud */

void serial_init(void)
{
	outb(COM1 + REG_IER, 0);
	outb(COM1 + REG_LCR, LCR_DLAB);
	outb(COM1 + REG_DATA, BAUD_DIVISOR & 0xff);
	outb(COM1 + REG_IER, BAUD_DIVISOR >> 8);
	outb(COM1 + REG_LCR, LCR_8N1);
	outb(COM1 + REG_FCR, 0xc7);     /* enable and clear FIFOs */
	outb(COM1 + REG_MCR, 0x03);     /* DTR, RTS */
}

static void serial_put_raw(char c)
{
	while (!(inb(COM1 + REG_LSR) & LSR_THR_EMPTY))
		;
	outb(COM1 + REG_DATA, (uint8_t)c);
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_put_raw('\r');
	serial_put_raw(c);
}
