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
 *
 * Numbers by area: 1-9 diagnostics and host, 10-15 and 50-59 virtual
 * memory, 16-19 and 40-49 tasks and threads, 20-39 ports and messages,
 * 60-69 pagers, 70-79 devices (interrupts, I/O ports), 80-89 the
 * trampoline (Linux system calls sent to the task's emulator).
 */
#ifndef MK_TRAPS_H
#define MK_TRAPS_H

#include <stdint.h>

#include "mk/device.h"
#include "mk/message.h"
#include "mk/notify.h"
#include "mk/pager.h"
#include "mk/thread.h"
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
	/* The host traps take a send right to the host port (boot info, \
	 * mk/bootinfo.h); holding one is the privilege. Anything else is     \
	 * MK_PROTECTION_FAILURE. Stops the machine with an mk_exit_code. */     \
	X(6, host_poweroff, (mk_port_name_t host, uint32_t code), (host, code))    \
	/* Live kernel objects, for leak tests. */                                 \
	X(7, host_object_counts, (mk_port_name_t host, struct mk_object_counts *counts), \
	  (host, counts))                                                           \
	/* Virtual memory of the task named by a task port (MK_PORT_NULL: self). */ \
	X(10, vm_allocate, (mk_port_name_t task, uint64_t *address, uint64_t size,  \
			    uint32_t flags), (task, address, size, flags))             \
	X(11, vm_deallocate, (mk_port_name_t task, uint64_t address, uint64_t size), \
	  (task, address, size))                                                    \
	X(12, vm_protect, (mk_port_name_t task, uint64_t address, uint64_t size,    \
			   uint32_t set_maximum, uint32_t protection),               \
	  (task, address, size, set_maximum, protection))                          \
	X(13, vm_inherit, (mk_port_name_t task, uint64_t address, uint64_t size,    \
			   uint32_t inheritance), (task, address, size, inheritance))  \
	/* Memory of another task (vm/vm_remote.c). vm_read: a copy-on-write \
	 * copy of task's range, mapped in the caller at *data (the caller   \
	 * frees it with vm_deallocate). vm_write: size bytes at data into   \
	 * task's range; vm_copy: task's [src, src + size) onto dst. Both    \
	 * overwrite mapped, writable memory (read-only: PROTECTION_FAILURE). */ \
	X(50, vm_read, (mk_port_name_t task, uint64_t address, uint64_t size,      \
			uint64_t *data), (task, address, size, data))                  \
	X(51, vm_write, (mk_port_name_t task, uint64_t address, const void *data,  \
			 uint64_t size), (task, address, data, size))                  \
	X(52, vm_copy, (mk_port_name_t task, uint64_t src, uint64_t size,          \
			uint64_t dst), (task, src, size, dst))                         \
	/* Ports of the caller's name space. right: MK_RIGHT_RECEIVE, PORT_SET  \
	 * or DEAD_NAME. */                                                         \
	X(20, port_allocate, (uint32_t right, mk_port_name_t *name), (right, name)) \
	/* Drops one send or dead-name reference, or the send-once right. */       \
	X(21, port_deallocate, (mk_port_name_t name), (name))                       \
	/* Adds delta to the references of one right (MK_RIGHT_* bit). */          \
	X(22, port_mod_refs, (mk_port_name_t name, uint32_t right, int32_t delta),   \
	  (name, right, delta))                                                     \
	/* Releases every right under the name. */                                  \
	X(23, port_destroy, (mk_port_name_t name), (name))                          \
	X(24, port_type, (mk_port_name_t name, uint32_t *type), (name, type))       \
	X(25, port_get_refs, (mk_port_name_t name, uint32_t right, uint32_t *refs),  \
	  (name, right, refs))                                                      \
	/* Moves a receive right into a port set (MK_PORT_NULL: out of its set). */ \
	X(26, port_move_member, (mk_port_name_t member, mk_port_name_t set),         \
	  (member, set))                                                            \
	X(27, port_set_qlimit, (mk_port_name_t name, uint32_t qlimit), (name, qlimit)) \
	/* variant MK_NOTIFY_*; the notification goes to a send-once right made  \
	 * or moved from notify (disposition MAKE_SEND_ONCE or MOVE_SEND_ONCE);  \
	 * a previous request of that variant is cancelled (its right destroyed). */ \
	X(28, port_request_notification, (mk_port_name_t name, uint32_t variant,     \
					  mk_port_name_t notify, uint32_t disposition), \
	  (name, variant, notify, disposition))                                     \
	/* Send, receive or both (options MK_MSG_OPTION_*), msg is the buffer for \
	 * both; receives from rcv_name (a receive right or a port set). */       \
	/* A new task, empty (inherit 0) or inheriting the caller's map region \
	 * by region (1); its bootstrap port is a send right made or copied    \
	 * from `bootstrap` (or none); *task names a send right to its task   \
	 * port. The task lives while that port has senders or it has threads. */ \
	X(16, task_create, (uint32_t inherit, mk_port_name_t bootstrap,               \
			    mk_port_name_t *task), (inherit, bootstrap, task))      \
	/* task_create inheriting the map of parent (a task port; MK_PORT_NULL: \
	 * the caller) rather than the caller's: fork, made by a server.       */ \
	X(14, task_create_from, (mk_port_name_t parent, mk_port_name_t bootstrap,     \
				 mk_port_name_t *task), (parent, bootstrap, task)) \
	/* Ends every thread of the task and destroys its port rights. */        \
	X(17, task_terminate, (mk_port_name_t task), (task))                        \
	/* A send right to the caller's bootstrap port (MK_PORT_NULL if none). */ \
	X(18, task_bootstrap_port, (mk_port_name_t *name), (name))                  \
	/* A running thread in task at rip with stack rsp and rdi = arg. */        \
	X(19, thread_create, (mk_port_name_t task, uint64_t rip, uint64_t rsp,        \
			      uint64_t arg), (task, rip, rsp, arg))                 \
	X(30, msg, (void *msg, uint32_t options, uint32_t send_size, uint32_t rcv_size, \
		    mk_port_name_t rcv_name, uint64_t timeout_ms),                    \
	  (msg, options, send_size, rcv_size, rcv_name, timeout_ms))                \
	/* Threads by port (kern/thread_control.c); MK_PORT_NULL names the     \
	 * calling thread. *thread names a send right to the caller's port.   */ \
	X(40, thread_self, (mk_port_name_t *thread), (thread))                      \
	/* thread_create, also naming the new thread's port in *thread; flags  \
	 * MK_THREAD_CREATE_SUSPENDED (mk/thread.h) or 0. */                       \
	X(41, thread_create_port, (mk_port_name_t task, uint64_t rip, uint64_t rsp,   \
				   uint64_t arg, uint32_t flags, mk_port_name_t *thread), \
	  (task, rip, rsp, arg, flags, thread))                                     \
	/* Suspend count +1 / -1 (MK_INVALID_VALUE past its range); the thread  \
	 * runs only at 0. */                                                      \
	X(42, thread_suspend, (mk_port_name_t thread), (thread))                    \
	X(43, thread_resume, (mk_port_name_t thread), (thread))                     \
	/* Breaks the thread out of a blocking trap (which returns               \
	 * MK_INTERRUPTED) or an exception wait (it resumes unchanged). */         \
	X(44, thread_abort, (mk_port_name_t thread), (thread))                      \
	/* Ends the thread at its next return to user mode, even if suspended. */ \
	X(45, thread_terminate, (mk_port_name_t thread), (thread))                  \
	/* Its user registers (mk/thread.h); set checks and sanitises them. */    \
	X(46, thread_get_state, (mk_port_name_t thread, struct mk_thread_state *state), \
	  (thread, state))                                                          \
	X(47, thread_set_state, (mk_port_name_t thread,                              \
				 const struct mk_thread_state *state), (thread, state)) \
	/* The exception port (mk/exception.h) of target, a task or thread port  \
	 * (MK_PORT_NULL: the caller's task): a send right made or copied from  \
	 * port, or none for MK_PORT_NULL. get names a send right (or NULL). */  \
	X(48, exception_port_set, (mk_port_name_t target, mk_port_name_t port),     \
	  (target, port))                                                           \
	X(49, exception_port_get, (mk_port_name_t target, mk_port_name_t *port),    \
	  (target, port))                                                           \
	/* Pagers (mk/pager.h). Maps the object of the pager port (a send or   \
	 * receive right of the caller) into task; flags: MK_VM_FLAGS_* |      \
	 * MK_VM_MAP_PROT(protection). */                                       \
	X(60, vm_map_pager, (mk_port_name_t task, uint64_t *address, uint64_t size, \
			     mk_port_name_t pager, uint64_t offset, uint32_t flags),  \
	  (task, address, size, pager, offset, flags))                             \
	/* A pager's answers, naming the object by its control port. */         \
	X(61, pager_data_supply, (mk_port_name_t control, uint64_t offset,          \
				  const void *data, uint64_t size),                  \
	  (control, offset, data, size))                                           \
	X(62, pager_data_unavailable, (mk_port_name_t control, uint64_t offset,     \
				       uint64_t size), (control, offset, size))      \
	X(63, pager_data_error, (mk_port_name_t control, uint64_t offset,           \
				 uint64_t size, int32_t error),                      \
	  (control, offset, size, error))                                        \
	/* Devices (mk/device.h), host traps. Interrupt line irq (not 0 or 2:  \
	 * the kernel's) as MK_INTERRUPT_NOTIFY messages to port (a send right  \
	 * is made or copied from it); registered until unregistered, the port \
	 * dies or the registering task ends. */                                \
	X(70, interrupt_register, (mk_port_name_t host, uint32_t irq, mk_port_name_t port), \
	  (host, irq, port))                                                        \
	/* The interrupt message was handled: unmask the line for the next. */  \
	X(71, interrupt_ack, (mk_port_name_t host, uint32_t irq), (host, irq))      \
	X(72, interrupt_unregister, (mk_port_name_t host, uint32_t irq), (host, irq)) \
	/* Lets task (MK_PORT_NULL: self) use I/O ports [first, first + count)  \
	 * with in/out; not inherited by task_create. The kernel's own ports    \
	 * (PIC, PIT, its serial console, the exit device) are refused. */      \
	X(73, io_port_grant, (mk_port_name_t host, mk_port_name_t task, uint32_t first, \
			      uint32_t count), (host, task, first, count))           \
	/* The trampoline (kern/emulation.c; the area's layout is          \
	 * trampoline/emulation_frame.h). The Linux system calls (rax >= 0) \
	 * of task (MK_PORT_NULL: self) go to user mode at entry, a user    \
	 * address (0: none, they raise MK_EXC_SYSCALL); task_create with   \
	 * inherit 1 copies it. */                                          \
	X(80, task_set_emulation, (mk_port_name_t task, uint64_t entry), (task, entry)) \
	/* The emulation area of thread (MK_PORT_NULL: the caller): an      \
	 * 8-byte aligned user address or 0; a redirect that cannot write   \
	 * it raises MK_EXC_SYSCALL with the area as the address. */        \
	X(81, thread_set_emulation_area, (mk_port_name_t thread, uint64_t area), \
	  (thread, area))                                                           \
	/* The emulator's own code: a `syscall` of task (MK_PORT_NULL: self)   \
	 * made outside [base, base + size) goes to the emulation entry even   \
	 * with a negative rax, so only the emulator reaches the native traps  \
	 * (size 0: any code may, as before). Copied like the entry.          */ \
	X(82, task_set_emulation_region, (mk_port_name_t task, uint64_t base,       \
					  uint64_t size), (task, base, size))        \
	/* The FS base (TLS pointer) of thread (MK_PORT_NULL: the caller),     \
	 * a user address; arch_prctl(ARCH_SET_FS) without a full set_state.  */ \
	X(83, thread_set_fs_base, (mk_port_name_t thread, uint64_t base), (thread, base)) \
	/* CPU time in TSC cycles (kern/cpu_time.c) of a thread (MK_PORT_NULL:   \
	 * the caller), or of a task (MK_PORT_NULL: the caller's), its ended     \
	 * threads included: the CPU-time clocks of Linux.                     */ \
	X(84, thread_cpu_time, (mk_port_name_t thread, uint64_t *cycles), (thread, cycles)) \
	X(85, task_cpu_time, (mk_port_name_t task, uint64_t *cycles), (task, cycles))

#define MK_TRAP_COUNT 96        /* table size: numbers are below this */

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
