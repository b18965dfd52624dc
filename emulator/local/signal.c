/*
 * signal.c: running a signal handler in the app, and rt_sigreturn.
 *
 * When a reply of the server says a handled signal is ready, the
 * dispatcher calls emu_signal_deliver before returning to the app: it
 * takes the signal (the server has already set the handler's mask) and
 * builds Linux's x86-64 frame on the app's stack, below its red zone:
 * the FPU/SSE state (fxsave: the upper halves of AVX registers are not
 * saved), then struct rt_sigframe { restorer address, ucontext, siginfo }
 * with the app's registers as they are to be after the call. The app
 * then "returns" into the handler (rdi = signal, rsi = &info, rdx = &uc,
 * rsp = the frame, whose first word is sa_restorer); its restorer calls
 * rt_sigreturn, which puts every register, the FPU state and the mask
 * back from the frame. A call the signal broke (-UX_ERESTARTSYS) restarts
 * at the `syscall` instruction if the handler has SA_RESTART, else
 * returns EINTR. A frame that cannot be written ends the process with
 * SIGSEGV, as on Linux.
 */
#include "core/fpu.h"
#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"

#define LINUX_SIGSEGV 11
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define SA_RESTART 0x10000000ull
#define RED_ZONE 128
#define UC_SIGCONTEXT_SS     0x2
#define UC_STRICT_RESTORE_SS 0x4
#define SS_DISABLE 2
#define USER_CS 0x33
#define USER_SS 0x2b
/* The rflags bits an app may set (as the kernel's MK_THREAD_RFLAGS_USER
 * but without TF: single-stepping is not supported). */
#define RFLAGS_USER 0x240cd5ull
#define RFLAGS_FIXED 0x202ull

/* Linux's struct sigcontext (x86-64): the order of the registers. */
struct linux_sigcontext {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip, eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate;               /* address of the fxsave image, or 0 */
	uint64_t reserved1[8];
};

struct linux_ucontext {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct { uint64_t ss_sp; int32_t ss_flags; uint32_t pad; uint64_t ss_size; } uc_stack;
	struct linux_sigcontext uc_mcontext;
	uint64_t uc_sigmask;
};

struct linux_rt_sigframe {
	uint64_t pretcode;              /* sa_restorer: the handler's return address */
	struct linux_ucontext uc;
	uint8_t info[128];
};

_Static_assert(sizeof(struct linux_sigcontext) == 256, "Linux's layout");
_Static_assert(sizeof(struct linux_ucontext) == 304, "Linux's layout");
_Static_assert(sizeof(struct linux_rt_sigframe) == 440, "Linux's layout");

long emu_signal_mask(struct emu_thread *t, int how, uint64_t set, uint64_t *old)
{
	const uint64_t arg[6] = { (uint64_t)how, 1, old != NULL, sizeof(set) };

	memcpy(t->msg.request.data, &set, sizeof(set));
	long r = emu_rpc_syscall_in_place(t, LINUX_SYS_rt_sigprocmask, arg, sizeof(set),
					  old ? sizeof(*old) : 0);
	if (r == 0 && old)
		memcpy(old, t->msg.reply.data, sizeof(*old));
	return r;
}

/* Linux's answer to a frame it cannot write or read: SIGSEGV, by default. */
static void force_sigsegv(struct emu_thread *t)
{
	const uint64_t none[6] = { 0 };
	uint64_t segv = 1ull << (LINUX_SIGSEGV - 1);

	memset(t->msg.request.data, 0, 32);     /* SIG_DFL */
	emu_rpc_syscall_in_place(t, LINUX_SYS_rt_sigaction,
				 (const uint64_t[6]){ LINUX_SIGSEGV, 1, 0, 8 }, 32, 0);
	emu_signal_mask(t, SIG_UNBLOCK, segv, NULL);
	uint64_t self = (uint64_t)emu_rpc_syscall(t, LINUX_SYS_getpid, none);
	emu_rpc_syscall(t, LINUX_SYS_kill, (const uint64_t[6]){ self, LINUX_SIGSEGV });
}

/* The frame for s on the app's stack, f turned into the handler's entry;
 * result is what the interrupted call returns when the handler is done. */
static int push_frame(struct emulation_frame *f, const struct ux_signal *s, uint64_t number,
		      long result)
{
	_Alignas(16) uint8_t fpu[EMU_FXSAVE_SIZE];
	struct linux_rt_sigframe frame;
	uint64_t sp = f->rsp - RED_ZONE;
	uint64_t fx = (sp - EMU_FXSAVE_SIZE) & ~63ull;
	uint64_t at = ((fx - sizeof(frame)) & ~15ull) - 8;     /* rsp + 8 16-aligned */
	uint64_t rip = f->rip, rax = (uint64_t)result;

	if (result == -UX_ERESTARTSYS) {
		if (s->flags & SA_RESTART) {
			rip -= 2;               /* the `syscall` instruction again */
			rax = number;
		} else {
			rax = (uint64_t)-LINUX_EINTR;
		}
	}
	memset(fpu, 0, sizeof(fpu));    /* fxsave leaves bytes 464-511 alone */
	emu_fpu_save(fpu);
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = s->restorer;
	frame.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	frame.uc.uc_stack.ss_flags = SS_DISABLE;
	struct linux_sigcontext *m = &frame.uc.uc_mcontext;
	*m = (struct linux_sigcontext){
		.r8 = f->r8, .r9 = f->r9, .r10 = f->r10, .r11 = f->rflags, .r12 = f->r12,
		.r13 = f->r13, .r14 = f->r14, .r15 = f->r15, .rdi = f->rdi, .rsi = f->rsi,
		.rbp = f->rbp, .rbx = f->rbx, .rdx = f->rdx, .rax = rax, .rcx = rip,
		.rsp = f->rsp, .rip = rip, .eflags = f->rflags, .cs = USER_CS, .ss = USER_SS,
		.oldmask = s->saved_mask, .fpstate = fx,
	};
	frame.uc.uc_sigmask = s->saved_mask;
	memcpy(frame.info, s->info, sizeof(frame.info));
	if (emu_copy_to_user(fx, fpu, sizeof(fpu)) < 0 ||
	    emu_copy_to_user(at, &frame, sizeof(frame)) < 0)
		return -1;
	f->rsp = at;
	f->rip = s->handler;
	f->rdi = (uint64_t)s->signo;
	f->rsi = at + offsetof(struct linux_rt_sigframe, info);
	f->rdx = at + offsetof(struct linux_rt_sigframe, uc);
	f->rflags &= ~0x400ull;         /* DF clear, as Linux enters handlers */
	/* The handler starts with the FPU in its initial state, as Linux's. */
	_Alignas(16) uint8_t initial[EMU_FXSAVE_SIZE] = { 0 };
	uint16_t fcw = 0x37f;
	uint32_t mxcsr = 0x1f80;
	memcpy(initial, &fcw, sizeof(fcw));
	memcpy(initial + 24, &mxcsr, sizeof(mxcsr));
	emu_fpu_restore(initial);
	return 0;
}

long emu_signal_deliver(struct emu_thread *t, struct emulation_frame *f, uint64_t number,
			long result)
{
	struct ux_signal s;

	while (t->signal_ready) {
		t->signal_ready = 0;
		if (emu_rpc_signal_take(t, &s) != 1)
			break;
		if (t->frame_mask_set) {        /* the first frame: see poll.c */
			s.saved_mask = t->frame_mask;
			t->frame_mask_set = 0;
		}
		if (push_frame(f, &s, number, result) < 0) {
			force_sigsegv(t);
			return result;
		}
		result = 0;             /* rax at the handler's entry; a further
					 * signal nests on top of this one */
		number = 0;
	}
	if (t->frame_mask_set) {        /* no handler after all: the mask back */
		t->frame_mask_set = 0;
		emu_signal_mask(t, SIG_SETMASK, t->frame_mask, NULL);
	}
	return result == -UX_ERESTARTSYS ? -LINUX_EINTR : result;
}

long emu_local_rt_sigreturn(struct emu_thread *t, const uint64_t a[6])
{
	struct emulation_frame *f = &t->area.frame;
	struct linux_ucontext uc;
	_Alignas(16) uint8_t fpu[EMU_FXSAVE_SIZE];

	(void)a;
	/* The handler's `ret` popped pretcode: the ucontext is at rsp. */
	if (emu_copy_from_user(&uc, f->rsp, sizeof(uc)) < 0 ||
	    (uc.uc_mcontext.fpstate &&
	     emu_copy_from_user(fpu, uc.uc_mcontext.fpstate, sizeof(fpu)) < 0)) {
		force_sigsegv(t);
		return -LINUX_EFAULT;
	}
	const struct linux_sigcontext *m = &uc.uc_mcontext;
	f->r8 = m->r8; f->r9 = m->r9; f->r10 = m->r10; f->r12 = m->r12;
	f->r13 = m->r13; f->r14 = m->r14; f->r15 = m->r15; f->rdi = m->rdi;
	f->rsi = m->rsi; f->rbp = m->rbp; f->rbx = m->rbx; f->rdx = m->rdx;
	f->rsp = m->rsp; f->rip = m->rip;
	f->rflags = (m->eflags & RFLAGS_USER) | RFLAGS_FIXED;
	if (m->fpstate) {
		uint32_t mxcsr;         /* its reserved bits would make fxrstor fault */
		memcpy(&mxcsr, fpu + 24, 4);
		mxcsr &= 0xffff;
		memcpy(fpu + 24, &mxcsr, 4);
		emu_fpu_restore(fpu);
	}
	emu_signal_mask(t, SIG_SETMASK, uc.uc_sigmask, NULL);
	return (long)m->rax;
}
