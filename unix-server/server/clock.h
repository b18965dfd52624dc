/*
 * clock.h: the time base the server gives every emulator: the TSC's rate
 * (measured against the kernel's 100 Hz tick) and the wall-clock time at
 * boot (the CMOS real-time clock, UTC).
 */
#ifndef UX_CLOCK_H
#define UX_CLOCK_H

#include "emulator/header.h"

/* Fills h's tsc_ns_mult, tsc_at_boot and realtime_at_boot_ns (a field
 * stays 0 when it cannot be measured; the emulator then uses ticks). */
void clock_measure(struct emulator_header *h);

#endif
