/*
 * cpu_time.h: how long each thread has run, in TSC cycles, for Linux's
 * CPU-time clocks (the emulator scales cycles to nanoseconds). The
 * scheduler adds the stint that ends at each switch to the thread that
 * ran it; a task keeps the total of its threads that have ended.
 */
#ifndef MK_KERN_CPU_TIME_H
#define MK_KERN_CPU_TIME_H

#include <stdint.h>

struct cpu;
struct thread;

/* At a switch on c away from prev (sched_lock held). */
void cpu_time_switch(struct cpu *c, struct thread *prev);
/* t's cycles, its current stint included when it is running here. */
uint64_t thread_cpu_cycles(struct thread *t);

#endif
