/*
 * thread.h: what the emulator keeps per app thread: the emulation area
 * the kernel writes the app's registers into, the emulator stack the
 * trampoline switches to, the reply port for calls to the server and the
 * message buffer. The area is the first member, so the area the
 * trampoline passes to emulator_dispatch is the thread's record.
 */
#ifndef EMULATOR_THREAD_H
#define EMULATOR_THREAD_H

#include <stdint.h>

#include "fpu.h"
#include "mk/types.h"
#include "trampoline/emulation_frame.h"
#include "ux/rpc.h"

#define EMU_STACK_SIZE 16384

struct emu_thread {
	struct emulation_area area;     /* first: see above */
	mk_port_name_t reply_port;      /* receive right; MK_PORT_NULL until first use */
	uint32_t signal_ready;          /* a reply said a handler is to run (UX_REPLY_SIGNAL) */
	uint64_t fs_base;               /* as arch_prctl(ARCH_SET_FS) last set it */
	uint64_t clear_child_tid;       /* set_tid_address */
	uint64_t robust_list, robust_list_len;
	/* ppoll/pselect6 broken by a handler: the mask to put in its frame
	 * (the one before the call's), which sigreturn then restores. */
	uint64_t frame_mask;
	uint32_t frame_mask_set;
	uint32_t reserved;
	_Alignas(16) uint8_t fork_fpu[EMU_FXSAVE_SIZE]; /* the parent's FPU state at fork */
	union {
		struct ux_request request;
		struct ux_reply reply;
	} msg;
	_Alignas(16) uint8_t stack[EMU_STACK_SIZE];
};

static inline struct emu_thread *emu_thread_of(struct emulation_frame *f)
{
	return (struct emu_thread *)f;  /* the frame is the area's first member */
}

/* The first thread's record (exec points its emulation area here). */
extern struct emu_thread emu_first_thread;

#endif
