/*
 * device_util.h: port I/O from user mode and the CMOS RTC (index port
 * 0x70, data port 0x71), whose periodic interrupt (IRQ 8) the interrupt
 * tests use. The RTC raises IRQ 8 at the rate in register A while bit 6
 * (PIE) of register B is set, and not again until register C is read.
 */
#ifndef MK_TESTS_DEVICE_UTIL_H
#define MK_TESTS_DEVICE_UTIL_H

#include "child_util.h"
#include "lib/port_io.h"

#define CMOS_INDEX  0x70
#define CMOS_DATA   0x71
#define RTC_IRQ     8
#define RTC_REG_A   0x0a
#define RTC_REG_B   0x0b
#define RTC_REG_C   0x0c
#define RTC_B_PIE   0x40
#define RTC_C_PF    0x40        /* a periodic interrupt happened */
#define RTC_RATE_64HZ 10        /* 32768 >> (rate - 1) Hz */


static inline uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static inline void cmos_write(uint8_t reg, uint8_t v)
{
	outb(CMOS_INDEX, reg);
	outb(CMOS_DATA, v);
}

static inline void rtc_periodic_start(void)
{
	cmos_write(RTC_REG_A, (uint8_t)((cmos_read(RTC_REG_A) & 0xf0) | RTC_RATE_64HZ));
	cmos_write(RTC_REG_B, cmos_read(RTC_REG_B) | RTC_B_PIE);
	cmos_read(RTC_REG_C);
}

static inline void rtc_periodic_stop(void)
{
	cmos_write(RTC_REG_B, cmos_read(RTC_REG_B) & (uint8_t)~RTC_B_PIE);
	cmos_read(RTC_REG_C);
}

#endif
