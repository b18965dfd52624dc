/* platform.h: machine-level services the portable kernel calls. */
#ifndef MK_KERN_PLATFORM_H
#define MK_KERN_PLATFORM_H

#include "mk/exit_code.h"

_Noreturn void platform_exit(enum mk_exit_code code);

#endif
