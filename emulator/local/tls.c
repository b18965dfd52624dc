/*
 * tls.c: thread-local storage and thread bookkeeping calls: arch_prctl
 * (the FS base, set through the kernel; the emulator itself never uses
 * FS), set_tid_address and set_robust_list (recorded for when threads
 * and futexes exist; set_tid_address returns the tid, the server's).
 */
#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"
#include "mk/return.h"
#include "mk/traps.h"

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

#define ROBUST_LIST_HEAD_SIZE 24        /* struct robust_list_head */

long emu_local_arch_prctl(struct emu_thread *t, const uint64_t a[6])
{
	switch (a[0]) {
	case ARCH_SET_FS:
		if (mk_thread_set_fs_base(MK_PORT_NULL, a[1]) != MK_SUCCESS)
			return -LINUX_EPERM;    /* Linux: a non-canonical address */
		t->fs_base = a[1];
		return 0;
	case ARCH_GET_FS:
		return emu_copy_to_user(a[1], &t->fs_base, sizeof(t->fs_base));
	case ARCH_SET_GS:
	case ARCH_GET_GS:
		return -LINUX_ENOSYS;   /* GS is not the app's here (yet) */
	default:
		return -LINUX_EINVAL;
	}
}

long emu_local_set_tid_address(struct emu_thread *t, const uint64_t a[6])
{
	static const uint64_t none[6];

	t->clear_child_tid = a[0];
	return emu_rpc_syscall(t, LINUX_SYS_gettid, none);
}

long emu_local_set_robust_list(struct emu_thread *t, const uint64_t a[6])
{
	if (a[1] != ROBUST_LIST_HEAD_SIZE)
		return -LINUX_EINVAL;
	t->robust_list = a[0];
	t->robust_list_len = a[1];
	return 0;
}
