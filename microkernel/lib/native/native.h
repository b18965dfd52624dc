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
#include "mk/return.h"
#include "mk/traps.h"
#include "mk/vm.h"

/* Defined by the program: its first thread's function. */
void native_main(const char *arg);

int mk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *mk_return_string(int64_t r);

/* Runs fn(arg) in a new task holding a copy of the caller's memory, its
 * bootstrap port made or copied from `bootstrap`; *task names a send
 * right to its task port (deallocating it ends the task). */
int64_t native_task_spawn(void (*fn)(uint64_t), uint64_t arg, mk_port_name_t bootstrap,
			  mk_port_name_t *task);

/* Runs fn(arg) in a new thread of this task; the thread ends when fn
 * returns, and its stack is kept for the next thread. */
int64_t native_thread_start(void (*fn)(uint64_t), uint64_t arg);

/* Memory of this task, safe to use from any of its threads. native_free
 * of something that is not a live block ends the task with a message. */
void *native_malloc(size_t n);
void *native_calloc(size_t count, size_t size);
void native_free(void *p);

#endif
