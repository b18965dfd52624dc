/*
 * uart16550.c: 16550 UART register programming for the server (see
 * uart16550.h). Port I/O through inline in/out instructions: the native
 * runtime has none and kernel headers are not for servers.
 */
#include "lib/port_io.h"
#include "uart16550.h"

#define REG_DATA 0     /* RBR read, THR write; DLL with DLAB */
#define REG_IER 1      /* DLM with DLAB */
#define REG_IIR_FCR 2  /* IIR read, FCR write */
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define REG_MSR 6

#define IER_RX_DATA 0x01
#define FCR_ENABLE_CLEAR 0x07  /* FIFOs on, both cleared, 1-byte trigger */
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define MCR_DTR_RTS_OUT2 0x0b
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20
#define DIVISOR_115200 1
#define TX_FIFO_SIZE 16

void uart_init(uint16_t base)
{
	outb(base + REG_IER, 0);
	outb(base + REG_LCR, LCR_DLAB);
	outb(base + REG_DATA, DIVISOR_115200 & 0xff);
	outb(base + REG_IER, DIVISOR_115200 >> 8);
	outb(base + REG_LCR, LCR_8N1);
	outb(base + REG_IIR_FCR, FCR_ENABLE_CLEAR);
	outb(base + REG_MCR, MCR_DTR_RTS_OUT2);
	/* Clear whatever is pending before the interrupt is enabled. */
	(void)inb(base + REG_LSR);
	(void)inb(base + REG_MSR);
	(void)inb(base + REG_IIR_FCR);
	while (inb(base + REG_LSR) & LSR_DATA_READY)
		(void)inb(base + REG_DATA);
	outb(base + REG_IER, IER_RX_DATA);
}

/* THRE means the transmit FIFO is empty: 16 bytes may go without polling. */
void uart_write(uint16_t base, const uint8_t *buf, size_t len)
{
	while (len) {
		size_t burst = len < TX_FIFO_SIZE ? len : TX_FIFO_SIZE;

		while (!(inb(base + REG_LSR) & LSR_THR_EMPTY))
			;
		for (size_t i = 0; i < burst; i++)
			outb(base + REG_DATA, buf[i]);
		buf += burst;
		len -= burst;
	}
}

size_t uart_read_available(uint16_t base, uint8_t *buf, size_t cap)
{
	size_t n = 0;

	while (n < cap && (inb(base + REG_LSR) & LSR_DATA_READY))
		buf[n++] = inb(base + REG_DATA);
	return n;
}

void uart_tty_output(void *ctx, const uint8_t *buf, size_t len)
{
	uart_write((uint16_t)(uintptr_t)ctx, buf, len);
}
