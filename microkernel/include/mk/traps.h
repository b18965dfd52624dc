/*
 * traps.h: the microkernel's traps, defined once.
 *
 * A trap is `syscall` with rax = -number and arguments in rdi, rsi, rdx,
 * r10, r8, r9 (Linux's registers; rcx and r11 are clobbered). It returns a
 * signed 64-bit value in rax: an mk_return_t, or a result where the trap
 * says so. The list expands into the kernel's dispatch table and
 * prototypes (MK_KERNEL) and into the typed user stubs (otherwise).
 *
 * X(number, name, (typed parameters), (argument names))
 */
#ifndef MK_TRAPS_H
#define MK_TRAPS_H

#include <stdint.h>

#include "mk/message.h"
#include "mk/types.h"
#include "mk/vm.h"

#define MK_TRAP_LIST(X)                                                              \
	/* Diagnostics: len bytes to the kernel console (before a user driver). */  \
	X(1, console_write, (const char *buf, uint64_t len), (buf, len))           \
	/* Gives up the CPU to another runnable thread. */                          \
	X(2, thread_yield, (void), ())                                              \
	/* Ends the calling thread; the last thread's exit ends the task. */        \
	X(3, thread_exit, (void), ())                                               \
	/* Guest TSC-independent clock: scheduler ticks since boot (HZ 100). */     \
	X(4, clock_ticks, (void), ())                                               \
	/* Does nothing: the null trap the benchmarks measure. */                   \
	X(5, null, (void), ())                                                      \
	/* Privileged tasks only: stops the machine with an mk_exit_code. */        \
	X(6, host_poweroff, (uint32_t code), (code))                               \
	/* Virtual memory of the task named by a task port (MK_PORT_NULL: self). */ \
	X(10, vm_allocate, (mk_port_name_t task, uint64_t *address, uint64_t size,  \
			    uint32_t flags), (task, address, size, flags))             \
	X(11, vm_deallocate, (mk_port_name_t task, uint64_t address, uint64_t size), \
	  (task, address, size))                                                    \
	X(12, vm_protect, (mk_port_name_t task, uint64_t address, uint64_t size,    \
			   uint32_t set_maximum, uint32_t protection),               \
	  (task, address, size, set_maximum, protection))                          \
	X(13, vm_inherit, (mk_port_name_t task, uint64_t address, uint64_t size,    \
			   uint32_t inheritance), (task, address, size, inheritance))

#define MK_TRAP_COUNT 64        /* table size: numbers are below this */

#ifdef MK_KERNEL

struct trap_args {
	uint64_t arg[6];
};

#define MK_TRAP_PROTOTYPE(num, name, params, args) \
	int64_t trap_##name(const struct trap_args *a);
MK_TRAP_LIST(MK_TRAP_PROTOTYPE)
#undef MK_TRAP_PROTOTYPE

#else

static inline int64_t mk_trap6(int64_t number, uint64_t a0, uint64_t a1, uint64_t a2,
			       uint64_t a3, uint64_t a4, uint64_t a5)
{
	register uint64_t r10 __asm__("r10") = a3;
	register uint64_t r8 __asm__("r8") = a4;
	register uint64_t r9 __asm__("r9") = a5;
	int64_t ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(-number), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Turns an argument list of 0-6 names into six uint64_t arguments. */
#define MK_U(x) ((uint64_t)(x))
#define MK_NARGS(...) MK_NARGS_(0, ##__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define MK_NARGS_(_0, _1, _2, _3, _4, _5, _6, n, ...) n
#define MK_ARGS_0() 0, 0, 0, 0, 0, 0
#define MK_ARGS_1(a) MK_U(a), 0, 0, 0, 0, 0
#define MK_ARGS_2(a, b) MK_U(a), MK_U(b), 0, 0, 0, 0
#define MK_ARGS_3(a, b, c) MK_U(a), MK_U(b), MK_U(c), 0, 0, 0
#define MK_ARGS_4(a, b, c, d) MK_U(a), MK_U(b), MK_U(c), MK_U(d), 0, 0
#define MK_ARGS_5(a, b, c, d, e) MK_U(a), MK_U(b), MK_U(c), MK_U(d), MK_U(e), 0
#define MK_ARGS_6(a, b, c, d, e, f) MK_U(a), MK_U(b), MK_U(c), MK_U(d), MK_U(e), MK_U(f)
#define MK_CAT(a, b) MK_CAT_(a, b)
#define MK_CAT_(a, b) a##b
#define MK_STRIP(...) __VA_ARGS__
#define MK_ARGS(...) MK_CAT(MK_ARGS_, MK_NARGS(__VA_ARGS__))(__VA_ARGS__)

#define MK_TRAP_STUB(num, name, params, args) \
	static inline int64_t mk_##name params { return mk_trap6(num, MK_ARGS args); }
MK_TRAP_LIST(MK_TRAP_STUB)
#undef MK_TRAP_STUB

#endif

#endif
