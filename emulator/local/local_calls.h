/*
 * local_calls.h: the system calls the emulator answers itself, without
 * the server: memory (its own task's map), the clock (the TSC, scaled as
 * the header says), sleeping (a receive that times out), thread-local
 * storage, readv/writev (as reads and writes), select, pselect6 and
 * ppoll (as poll), and the calls whose buffers the server's row cannot
 * describe (prctl's names, getresuid's three pointers, wait4's two);
 * fork, vfork and clone check what they can do before the server makes
 * the child. Each has a handler emu_local_NAME in emulator/local/.
 */
#ifndef EMULATOR_LOCAL_CALLS_H
#define EMULATOR_LOCAL_CALLS_H

#include <stdint.h>

struct emu_thread;

#define EMU_LOCAL_CALLS(X)                                              \
	X(brk) X(mmap) X(munmap) X(mprotect) X(mremap) X(madvise)       \
	X(arch_prctl) X(set_tid_address) X(set_robust_list)             \
	X(readv) X(writev)                                              \
	X(clock_gettime) X(clock_getres) X(gettimeofday) X(time)        \
	X(nanosleep) X(clock_nanosleep) X(sched_yield)                  \
	X(select) X(pselect6) X(ppoll)                                  \
	X(prctl) X(getresuid) X(getresgid)                              \
	X(fork) X(vfork) X(clone) X(wait4) X(rt_sigreturn)

#define EMU_LOCAL_PROTOTYPE(name) \
	long emu_local_##name(struct emu_thread *t, const uint64_t a[6]);
EMU_LOCAL_CALLS(EMU_LOCAL_PROTOTYPE)
#undef EMU_LOCAL_PROTOTYPE

struct emulator_header;

/* Once, before the process's first call (memory.c). */
void emu_memory_init(struct emu_thread *t, const struct emulator_header *h);

/* In a forked child (fork.c), before anything else: the port names the
 * parent's space gave are not the child's (clock.c, rpc_client.c). */
void emu_clock_forget_ports(void);

/* rt_sigprocmask(how, set) through the server, the old mask in *old if
 * asked for: 0 or -errno (signal.c). */
long emu_signal_mask(struct emu_thread *t, int how, uint64_t set, uint64_t *old);

/* Runs the handlers the server has ready (t->signal_ready) by building
 * their frames and pointing f at the last one; result is the call's,
 * which a restart or EINTR may replace. Returns what the app's rax gets
 * (signal.c). */
struct emulation_frame;
long emu_signal_deliver(struct emu_thread *t, struct emulation_frame *f, uint64_t number,
			long result);

/* CLOCK_MONOTONIC in ns (clock.c). */
uint64_t emu_monotonic_ns(void);

#endif
