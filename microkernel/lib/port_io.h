/*
 * port_io.h: x86 port I/O, for the kernel's own drivers and for user
 * tasks the kernel granted ports to (io_port_grant): the one copy of
 * these wrappers.
 */
#ifndef MK_LIB_PORT_IO_H
#define MK_LIB_PORT_IO_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

#endif
