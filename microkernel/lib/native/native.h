/*
 * native.h: the runtime of native microkernel tasks (servers, kernel test
 * tasks): the traps (mk/traps.h), console output, tasks and threads,
 * memory allocation, and the entry point each program defines. Locks are
 * in lib/native/lock.h.
 */
#ifndef MK_NATIVE_H
#define MK_NATIVE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "lib/fmt.h"
#include "lib/string.h"
#include "mk/bootinfo.h"
#include "mk/exception.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "mk/vm.h"

/* Defined by the program: its first thread's function. */
void native_main(const char *arg);

/* The boot info page (mk/bootinfo.h) of a task the kernel started with
 * boot rights, or NULL; crt0 calls native_runtime_init with it. */
void native_runtime_init(const struct mk_bootinfo *info);
const struct mk_bootinfo *native_bootinfo(void);
/* Names of the boot rights (MK_PORT_NULL without boot info): pass the
 * host port to the host traps, e.g. mk_host_poweroff(native_host_port(), c). */
mk_port_name_t native_host_port(void);
mk_port_name_t native_console_port(void);
/* The boot module called name, or NULL. */
const struct mk_bootinfo_module *native_boot_module(const char *name);

int mk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *mk_return_string(int64_t r);

/* Runs fn(arg) in a new task holding a copy of the caller's memory, its
 * bootstrap port made or copied from `bootstrap`; *task names a send
 * right to its task port. Deallocating that right lets the task go once
 * its threads have ended (Mach's rule: threads keep a task alive);
 * mk_task_terminate ends it at once. */
int64_t native_task_spawn(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
			  mk_port_name_t *task);

/* The same, with the first thread created as mk_thread_create_port does
 * (flags; *thread names a send right to its port). */
int64_t native_task_spawn_thread(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
				 uint32_t flags, mk_port_name_t *task, mk_port_name_t *thread);

/* Runs fn(arg) in a new thread of the calling task, on a stack of its own
 * (64 KiB, kept for the next thread when fn returns; a thread ended any
 * other way leaves its stack allocated); flags as for
 * mk_thread_create_port. *thread, unless NULL, names a send right to its
 * port. */
int64_t native_thread_spawn(void (*fn)(uint64_t), uint64_t arg, uint32_t flags,
			    mk_port_name_t *thread);

/* Blocks the calling thread for about ms milliseconds (a receive that
 * times out), so that other threads, and the idle thread, run. */
int64_t native_sleep_ms(uint64_t ms);

/* Exception handlers (mk/exception.h): receives the next exception
 * message on port (timeout_ms 0: wait as long as it takes), and answers
 * one (action MK_EXCEPTION_RESUME or _TERMINATE; a non-NULL state is
 * resumed with). The reply consumes the message's reply right; the
 * thread and task rights it carried stay with the caller. */
int64_t native_exception_receive(mk_port_name_t port, struct mk_exception_msg *m,
				  uint64_t timeout_ms);
int64_t native_exception_reply(const struct mk_exception_msg *m, uint32_t action,
			       const struct mk_thread_state *state);

/* Messages (mk/message.h). A timeout_ms of 0 waits as long as it takes.
 * send: the message at msg, its size from its header. receive: into
 * buffer of size bytes, from a receive right or port set. call: sends msg
 * (naming `reply` as its reply port, usually MAKE_SEND_ONCE) and receives
 * the answer into the same buffer, of at most rcv_size bytes. */
int64_t native_msg_send(void *msg, uint64_t timeout_ms);
int64_t native_msg_receive(void *buffer, uint32_t size, mk_port_name_t from, uint64_t timeout_ms);
int64_t native_msg_call(void *msg, uint32_t rcv_size, mk_port_name_t reply, uint64_t timeout_ms);
/* A new port whose receive right *name names. */
int64_t native_port_receive_right(mk_port_name_t *name);

/* Memory of this task, safe to use from any of its threads. native_free
 * of something that is not a live block ends the task with a message. */
void *native_malloc(size_t n);
void *native_calloc(size_t count, size_t size);
void native_free(void *p);

#endif
