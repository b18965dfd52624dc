/*
 * exception.h: exceptions of UNIX processes (their task's exception port
 * is their process port). A fault in the emulator's copy routines is a
 * bad app pointer: the copy resumes at its fault exit and returns
 * -EFAULT. Anything else ends the process as the matching signal would
 * (SIGSEGV, SIGILL, SIGFPE, SIGTRAP); catching signals comes later.
 */
#ifndef UX_EXCEPTION_H
#define UX_EXCEPTION_H

#include <stdint.h>

#include "mk/exception.h"

void exception_handle(struct mk_exception_msg *m, uint32_t size);

#endif
