/*
 * native.h: the runtime of native microkernel tasks (servers, kernel test
 * tasks): the traps (mk/traps.h), console output, and the entry point
 * each program defines.
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

/* Defined by the program: its first thread's function. */
void native_main(const char *arg);

int mk_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *mk_return_string(int64_t r);

#endif
