/* backtrace.h: print the return addresses of a frame-pointer chain. */
#ifndef MK_KERN_BACKTRACE_H
#define MK_KERN_BACKTRACE_H

#include <stdint.h>

void backtrace_print(uint64_t rbp);

#endif
