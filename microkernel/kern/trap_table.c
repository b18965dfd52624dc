/*
 * trap_table.c: dispatch of the `syscall` instruction.
 *
 * A negative rax is a microkernel trap, looked up in the table generated
 * from mk/traps.h. A non-negative rax is a Linux system call: it belongs
 * to the task's emulator (the trampoline, kern/emulation.c), and a task
 * without one gets an exception message (MK_EXC_SYSCALL; kern/exception.c).
 */
#include "arch/x86_64/trap_frame.h"
#include "kern/emulation.h"
#include "kern/exception.h"
#include "kern/task.h"
#include "mk/exception.h"
#include "mk/return.h"
#include "mk/traps.h"
#include "kern/hot_path.h"

typedef int64_t (*trap_handler)(const struct trap_args *a);

static const trap_handler trap_table[MK_TRAP_COUNT] = {
#define MK_TRAP_ENTRY(num, name, params, args) [num] = trap_##name,
	MK_TRAP_LIST(MK_TRAP_ENTRY)
#undef MK_TRAP_ENTRY
};

MK_HOT_PATH void syscall_dispatch(struct trap_frame *f)
{
	int64_t number = (int64_t)f->rax;

	if (number < 0 && !emulation_takes_native_trap(f)) {
		struct trap_args a = { { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 } };
		uint64_t index = -(uint64_t)number;
		trap_handler h = index < MK_TRAP_COUNT ? trap_table[index] : NULL;
		f->rax = h ? (uint64_t)h(&a) : (uint64_t)MK_INVALID_TRAP;
	} else if (!emulation_redirect(f)) {
		struct exception_info info = { MK_EXC_SYSCALL, MK_EXC_VECTOR_SYSCALL,
					       (uint64_t)number, 0 };
		exception_raise(f, &info);
	}
	thread_return_to_user_checks();
}
