/*
 * serial.c: the kernel's own polled driver for its log UART (16550):
 * COM1, or COM2 when the command line says `klog=ttyS1`.
 *
 * Used for the boot banner, panics and kernel-test output. The UART the
 * kernel logs to is its own (io_port_grant refuses it); the other one is
 * free for a user-level driver, which is how the UNIX server gets the
 * console (COM1) while the kernel's messages go to a log. Output only;
 * never blocks on anything but the UART.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/serial.h"

#define COM1            0x3f8
#define COM2            0x2f8
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

static uint16_t log_port = COM1;

static void uart_init(uint16_t base)
{
	outb(base + REG_IER, 0);
	outb(base + REG_LCR, LCR_DLAB);
	outb(base + REG_DATA, BAUD_DIVISOR & 0xff);
	outb(base + REG_IER, BAUD_DIVISOR >> 8);
	outb(base + REG_LCR, LCR_8N1);
	outb(base + REG_FCR, 0xc7);     /* enable and clear FIFOs */
	outb(base + REG_MCR, 0x03);     /* DTR, RTS */
}

void serial_init(void)
{
	uart_init(COM1);
}

void serial_select_log(unsigned index)
{
	if (index == 1) {
		uart_init(COM2);
		log_port = COM2;
	}
}

uint16_t serial_log_port(void)
{
	return log_port;
}

static void serial_put_raw(char c)
{
	while (!(inb(log_port + REG_LSR) & LSR_THR_EMPTY))
		;
	outb(log_port + REG_DATA, (uint8_t)c);
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_put_raw('\r');
	serial_put_raw(c);
}
