/*
 * fork.c: fork, vfork, clone and wait4 on the app's side.
 *
 * The server makes the child (a copy of this task, made by the kernel)
 * and starts its thread at trampoline_fork_child on this thread's area;
 * emulator_fork_child then runs in the child on its copy of the frame:
 * the names of this task's ports mean nothing in the child's empty port
 * space, so every cached one is forgotten, clone's child-side flags are
 * carried out, and the call returns 0.
 *
 * clone makes processes, not threads: without CLONE_VM the flags this
 * supports are the exit signal SIGCHLD, CLONE_VFORK, CLONE_SETTLS and the
 * three TID ones (glibc's fork). CLONE_VM with CLONE_VFORK (posix_spawn's
 * clone) is done as vfork: the child gets a copy of the memory, not the
 * parent's, so what it writes there before exec is not seen by the
 * parent. Anything else (threads, namespaces, another exit signal) is
 * -ENOSYS, reported once.
 *
 * wait4 has two output pointers, so the server answers with its
 * struct ux_wait_result and this writes them, status first, as Linux.
 */
#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"
#include "mk/traps.h"

#define LINUX_SIGCHLD 17
#define CSIGNAL              0x000000ffull
#define CLONE_VM             0x00000100ull
#define CLONE_VFORK          0x00004000ull
#define CLONE_SETTLS         0x00080000ull
#define CLONE_PARENT_SETTID  0x00100000ull
#define CLONE_CHILD_CLEARTID 0x00200000ull
#define CLONE_CHILD_SETTID   0x01000000ull
#define CLONE_SUPPORTED (CSIGNAL | CLONE_VFORK | CLONE_SETTLS | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)

/* Linux's struct rusage: two timevals, then 14 longs. */
struct linux_rusage {
	int64_t utime_sec, utime_usec, stime_sec, stime_usec;
	int64_t rest[14];
};

/* The FPU/SSE state (MXCSR, x87 control word, registers) goes to the
 * child as Linux's fork copies it: saved here, restored in the child. */
static long make_child(struct emu_thread *t, uint32_t number)
{
	const uint64_t none[6] = { 0 };

	emu_fpu_save(t->fork_fpu);
	return emu_rpc_syscall(t, number, none);
}

long emu_local_fork(struct emu_thread *t, const uint64_t a[6])
{
	(void)a;
	return make_child(t, LINUX_SYS_fork);
}

long emu_local_vfork(struct emu_thread *t, const uint64_t a[6])
{
	(void)a;
	return make_child(t, LINUX_SYS_vfork);
}

static long clone_unsupported(struct emu_thread *t)
{
	static const char line[] = "clone: only new processes are implemented "
				   "(no threads, namespaces or other exit signals)";
	static int reported;

	if (!reported) {
		reported = 1;
		emu_rpc_log(t, line, sizeof(line) - 1);
	}
	return -LINUX_ENOSYS;
}

long emu_local_clone(struct emu_thread *t, const uint64_t a[6])
{
	uint64_t flags = a[0];
	long pid;

	if ((flags & CLONE_VM) && (flags & CLONE_VFORK))
		flags &= ~CLONE_VM;     /* posix_spawn's: done as vfork, see above */
	if ((flags & ~CLONE_SUPPORTED) || (flags & CSIGNAL) != LINUX_SIGCHLD)
		return clone_unsupported(t);
	pid = make_child(t, (flags & CLONE_VFORK) ? LINUX_SYS_vfork : LINUX_SYS_fork);
	if (pid > 0 && (flags & CLONE_PARENT_SETTID)) {
		int32_t tid = (int32_t)pid;
		emu_copy_to_user(a[2], &tid, sizeof(tid));      /* Linux ignores a fault here */
	}
	return pid;
}

long emulator_fork_child(struct emulation_frame *f)
{
	struct emu_thread *t = emu_thread_of(f);

	t->reply_port = MK_PORT_NULL;
	emu_rpc_forget_ports();
	emu_clock_forget_ports();
	emu_fpu_restore(t->fork_fpu);
	t->clear_child_tid = 0;         /* Linux's child starts without these */
	t->robust_list = t->robust_list_len = 0;
	t->signal_ready = 0;
	t->frame_mask_set = 0;
	if (f->rax != LINUX_SYS_clone)
		return 0;
	uint64_t flags = f->rdi;
	if (f->rsi)
		f->rsp = f->rsi;                /* the child's stack */
	if (flags & CLONE_SETTLS) {
		t->fs_base = f->r8;
		mk_thread_set_fs_base(MK_PORT_NULL, f->r8);
	}
	if (flags & CLONE_CHILD_CLEARTID)
		t->clear_child_tid = f->r10;
	if (flags & CLONE_CHILD_SETTID) {
		const uint64_t none[6] = { 0 };
		int32_t tid = (int32_t)emu_rpc_syscall(t, LINUX_SYS_gettid, none);
		emu_copy_to_user(f->r10, &tid, sizeof(tid));
	}
	return 0;
}

long emu_local_wait4(struct emu_thread *t, const uint64_t a[6])
{
	const uint64_t arg[6] = { a[0], 1, a[2] };
	struct ux_wait_result w;

	long pid = emu_rpc_syscall_in_place(t, LINUX_SYS_wait4, arg, 0, sizeof(w));
	if (pid <= 0)
		return pid;
	memcpy(&w, t->msg.reply.data, sizeof(w));
	if (a[1] && emu_copy_to_user(a[1], &w.status, sizeof(w.status)) < 0)
		return -LINUX_EFAULT;
	if (a[3]) {
		struct linux_rusage ru;
		memset(&ru, 0, sizeof(ru));
		ru.utime_sec = (int64_t)(w.cpu_ns / 1000000000u);
		ru.utime_usec = (int64_t)(w.cpu_ns % 1000000000u / 1000u);
		if (emu_copy_to_user(a[3], &ru, sizeof(ru)) < 0)
			return -LINUX_EFAULT;
	}
	return pid;
}
