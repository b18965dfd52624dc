/*
 * dispatch_default.c: the weak emulator_dispatch the stub calls when no
 * emulator is linked in: every Linux system call fails with -ENOSYS
 * (and a weak emulator_fork_child, for the same reason).
 */
#include "trampoline/emulation_frame.h"

#define LINUX_ENOSYS 38

__attribute__((weak)) long emulator_dispatch(struct emulation_frame *f)
{
	(void)f;
	return -LINUX_ENOSYS;
}

/* Native test tasks never fork through a UNIX server. */
__attribute__((weak)) long emulator_fork_child(struct emulation_frame *f)
{
	(void)f;
	return 0;
}
