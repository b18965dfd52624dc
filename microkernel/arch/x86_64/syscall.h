/* syscall.h: the `syscall` instruction's setup and the first user entry. */
#ifndef MK_ARCH_SYSCALL_H
#define MK_ARCH_SYSCALL_H

#include "arch/x86_64/trap_frame.h"

void syscall_init(void);
_Noreturn void enter_user_frame(struct trap_frame *f);

#endif
