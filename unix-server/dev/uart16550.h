/*
 * uart16550.h: the UNIX server's driver for a 16550 UART (COM1 at 0x3f8,
 * IRQ 4 on a PC), for the ports the kernel grants it. Polled output,
 * interrupt-driven input: the server receives the IRQ as a message, drains
 * the receiver with uart_read_available and feeds the bytes to tty_input.
 * It owns no buffer and no lock; the caller serialises calls per port.
 */
#ifndef UX_DEV_UART16550_H
#define UX_DEV_UART16550_H

#include <stddef.h>
#include <stdint.h>

#define UART_COM1 0x3f8
#define UART_COM1_IRQ 4

/* 115200 baud 8N1, FIFOs on and cleared, only the received-data interrupt
   enabled (OUT2 set so that it reaches the interrupt controller). */
void uart_init(uint16_t base);

/* Sends len bytes, waiting on the transmitter for each (FIFO-sized bursts). */
void uart_write(uint16_t base, const uint8_t *buf, size_t len);

/* Takes the received bytes (at most cap); reading them clears the IRQ. */
size_t uart_read_available(uint16_t base, uint8_t *buf, size_t cap);

/* A tty_ops output hook: ctx is the port base cast to a pointer. */
void uart_tty_output(void *ctx, const uint8_t *buf, size_t len);

#endif
