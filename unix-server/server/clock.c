/*
 * clock.c: see clock.h. Measuring takes five ticks (50 ms) at boot.
 */
#include "clock.h"
#include "lib/port_io.h"
#include "lib/tsc.h"
#include "server.h"

#define CALIBRATION_TICKS 5
#define NS_PER_TICK 10000000ull
#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned from_bcd(uint8_t v, bool bcd)
{
	return bcd ? (v >> 4) * 10u + (v & 15u) : v;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static uint64_t rtc_seconds(void)
{
	if (mk_io_port_grant(native_host_port(), MK_PORT_NULL, CMOS_INDEX, 2) != MK_SUCCESS)
		return 0;
	while (cmos_read(0x0a) & 0x80)          /* update in progress */
		;
	uint8_t status_b = cmos_read(0x0b);
	bool bcd = !(status_b & 0x04), h12 = !(status_b & 0x02);
	unsigned sec = from_bcd(cmos_read(0x00), bcd), min = from_bcd(cmos_read(0x02), bcd);
	uint8_t hour_raw = cmos_read(0x04);
	unsigned hour = from_bcd(hour_raw & 0x7f, bcd);
	unsigned day = from_bcd(cmos_read(0x07), bcd), mon = from_bcd(cmos_read(0x08), bcd);
	unsigned year = from_bcd(cmos_read(0x09), bcd) + 2000;
	if (h12 && (hour_raw & 0x80))
		hour = (hour % 12) + 12;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return 0;
	return (uint64_t)(days_from_civil(year, mon, day) * 86400 + hour * 3600 + min * 60 + sec);
}

void clock_measure(struct emulator_header *h)
{
	int64_t start = mk_clock_ticks(), t0;

	while ((t0 = mk_clock_ticks()) == start)   /* start on a tick edge */
		mk_thread_yield();
	uint64_t tsc0 = rdtsc();
	while ((uint64_t)mk_clock_ticks() < (uint64_t)t0 + CALIBRATION_TICKS)
		mk_thread_yield();
	uint64_t cycles = rdtsc() - tsc0;
	if (cycles)
		h->tsc_ns_mult = ((CALIBRATION_TICKS * NS_PER_TICK) << 32) / cycles;
	h->tsc_at_boot = rdtsc();
	h->realtime_at_boot_ns = rtc_seconds() * 1000000000ull;
}
