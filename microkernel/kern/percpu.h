/*
 * percpu.h: per-CPU data, reached through the GS base in kernel mode.
 *
 * The first fields are read by assembly (syscall entry) at fixed offsets,
 * pinned by static_asserts. Only the owning CPU touches its struct cpu
 * (other CPUs ask through IPIs once there are several).
 */
#ifndef MK_KERN_PERCPU_H
#define MK_KERN_PERCPU_H

#define CPU_KERNEL_RSP  8
#define CPU_USER_RSP    16

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

struct thread;

struct cpu {
	struct cpu *self;
	uint64_t kernel_rsp;            /* top of the current thread's kernel stack */
	uint64_t user_rsp;              /* scratch for syscall entry */
	unsigned id;
	struct thread *current;
	struct thread *idle;
	int need_resched;
	uint64_t ticks;
	int fpu_holds_state;            /* a user thread's FPU values are loaded (fpu.h) */
	uint64_t switch_tsc;            /* TSC when current started running (cpu_time.h) */
};
_Static_assert(offsetof(struct cpu, kernel_rsp) == CPU_KERNEL_RSP, "asm");
_Static_assert(offsetof(struct cpu, user_rsp) == CPU_USER_RSP, "asm");

#define MAX_CPUS 8

void percpu_init_boot_cpu(void);

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;

	__asm__ volatile("mov %%gs:0, %0" : "=r"(c));
	return c;
}

static inline struct thread *current_thread(void)
{
	return this_cpu()->current;
}
#endif

#endif
