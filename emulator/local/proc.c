/*
 * proc.c: process calls whose app buffers the server's rows cannot
 * describe, so the emulator moves them and the server sees its own
 * copies: prctl (its arg2 is a pointer only for some options; here
 * PR_SET_NAME and PR_GET_NAME, the others are EINVAL) and getresuid /
 * getresgid (three output pointers, written one by one as Linux does:
 * an EFAULT on the second leaves the first written).
 */
#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "lib/string.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"

#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define COMM_LEN    16                  /* Linux's TASK_COMM_LEN */

/* strncpy_from_user of at most COMM_LEN - 1 bytes, NUL-padded. */
static long read_name(uint64_t from, char name[COMM_LEN])
{
	memset(name, 0, COMM_LEN);
	for (int i = 0; i < COMM_LEN - 1; i++) {
		if (emu_copy_from_user(&name[i], from + (uint64_t)i, 1) < 0)
			return -LINUX_EFAULT;
		if (!name[i])
			break;
	}
	return 0;
}

long emu_local_prctl(struct emu_thread *t, const uint64_t a[6])
{
	const uint64_t arg[6] = { a[0], 1 };
	char name[COMM_LEN];
	long r;

	switch (a[0]) {
	case PR_SET_NAME:
		if ((r = read_name(a[1], name)) < 0)
			return r;
		memcpy(t->msg.request.data, name, COMM_LEN);
		return emu_rpc_syscall_in_place(t, LINUX_SYS_prctl, arg, COMM_LEN, 0);
	case PR_GET_NAME:
		r = emu_rpc_syscall_in_place(t, LINUX_SYS_prctl, arg, 0, COMM_LEN);
		if (r < 0)
			return r;
		memcpy(name, t->msg.reply.data, COMM_LEN);
		return emu_copy_to_user(a[1], name, COMM_LEN) < 0 ? -LINUX_EFAULT : 0;
	default:
		return -LINUX_EINVAL;
	}
}

/* The server's {real, effective, saved} ids, then put_user of each. */
static long get_three(struct emu_thread *t, uint32_t number, const uint64_t a[6])
{
	const uint64_t arg[6] = { 1 };
	uint32_t ids[3];

	long r = emu_rpc_syscall_in_place(t, number, arg, 0, sizeof(ids));
	if (r < 0)
		return r;
	memcpy(ids, t->msg.reply.data, sizeof(ids));
	for (int i = 0; i < 3; i++)
		if (emu_copy_to_user(a[i], &ids[i], sizeof(ids[i])) < 0)
			return -LINUX_EFAULT;
	return 0;
}

long emu_local_getresuid(struct emu_thread *t, const uint64_t a[6])
{
	return get_three(t, LINUX_SYS_getresuid, a);
}

long emu_local_getresgid(struct emu_thread *t, const uint64_t a[6])
{
	return get_three(t, LINUX_SYS_getresgid, a);
}
