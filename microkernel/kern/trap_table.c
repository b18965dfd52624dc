/*
 * trap_table.c: dispatch of the `syscall` instruction.
 *
 * A negative rax is a microkernel trap, looked up in the table generated
 * from mk/traps.h. A non-negative rax is a Linux system call: it belongs
 * to the task's emulator, and a task without one gets an exception (for
 * now fatal; an exception message once exception ports exist).
 */
#include "arch/x86_64/trap_frame.h"
#include "kern/console.h"
#include "kern/task.h"
#include "lib/fmt.h"
#include "mk/return.h"
#include "mk/traps.h"

typedef int64_t (*trap_handler)(const struct trap_args *a);

static const trap_handler trap_table[MK_TRAP_COUNT] = {
#define MK_TRAP_ENTRY(num, name, params, args) [num] = trap_##name,
	MK_TRAP_LIST(MK_TRAP_ENTRY)
#undef MK_TRAP_ENTRY
};

void syscall_dispatch(struct trap_frame *f)
{
	int64_t number = (int64_t)f->rax;

	if (number < 0) {
		struct trap_args a = { { f->rdi, f->rsi, f->rdx, f->r10, f->r8, f->r9 } };
		uint64_t index = -(uint64_t)number;
		trap_handler h = index < MK_TRAP_COUNT ? trap_table[index] : NULL;
		f->rax = h ? (uint64_t)h(&a) : (uint64_t)MK_INVALID_TRAP;
	} else {
		char why[64];
		fmt_snprintf(why, sizeof(why), "Linux system call %ld and no emulator", number);
		task_fatal_exception(why);
	}
	thread_return_to_user_checks();
}
