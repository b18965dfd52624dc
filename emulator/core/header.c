/*
 * header.c: the emulator's header (emulator/header.h), the first bytes of
 * its image, and the first app thread's record, whose area exec gives the
 * kernel and whose stack the trampoline switches to.
 */
#include "emulator/header.h"
#include "trampoline/emulation_frame.h"
#include "thread.h"
#include "uaccess.h"


struct emu_thread emu_first_thread = {
	.area.stack_top = (uint64_t)&emu_first_thread.stack[EMU_STACK_SIZE],
};

__attribute__((section(".emu_header"), used))
struct emulator_header emu_header = {
	.magic = EMULATOR_MAGIC,
	.version = EMULATOR_VERSION,
	.size = sizeof(struct emulator_header),
	.entry = (uint64_t)trampoline_entry,
	.fork_entry = (uint64_t)trampoline_fork_child,
	.first_area = (uint64_t)&emu_first_thread.area,
	.uaccess_start = (uint64_t)emu_uaccess_start,
	.uaccess_end = (uint64_t)emu_uaccess_end,
	.uaccess_fault = (uint64_t)emu_uaccess_fault,
};
