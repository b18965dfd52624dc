/*
 * iov.c: readv and writev as one read or write per iovec, in order,
 * stopping at the first short one as Linux's result would. Once readv
 * has bytes, its later vectors do not wait (emu_rpc_read_more): Linux's
 * one read of a pipe or terminal returns what there is. A regular file
 * or terminal moves whole vectors; atomicity across a writev's vectors
 * for pipes is not kept.
 */
#include "core/rpc_client.h"
#include "core/thread.h"
#include "core/uaccess.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"

#define IOV_MAX 1024
#define SSIZE_MAX 0x7fffffffffffffffull

struct linux_iovec {
	uint64_t base, len;
};

/* Linux checks every vector before moving a byte: 0, -EINVAL or -EFAULT. */
static long check_vectors(uint64_t vec, uint64_t count)
{
	struct linux_iovec iov;
	uint64_t total = 0;

	if (count > IOV_MAX)
		return -LINUX_EINVAL;
	for (uint64_t i = 0; i < count; i++) {
		long r = emu_copy_from_user(&iov, vec + i * sizeof(iov), sizeof(iov));
		if (r < 0)
			return r;
		if (iov.len > SSIZE_MAX - total)
			return -LINUX_EINVAL;
		total += iov.len;
	}
	return 0;
}

static long transfer(struct emu_thread *t, uint32_t number, const uint64_t a[6])
{
	uint64_t fd = a[0], vec = a[1], count = a[2], total = 0;
	/* A zero-length call makes the server check the descriptor and its
	 * mode, which Linux does before it looks at the vectors. */
	const uint64_t probe[6] = { fd, 0, 0 };
	struct linux_iovec iov;

	long bad = check_vectors(vec, count);
	if (bad < 0) {
		long r = emu_rpc_syscall(t, number, probe);
		return r < 0 ? r : bad;
	}
	for (uint64_t i = 0; i < count; i++) {
		emu_copy_from_user(&iov, vec + i * sizeof(iov), sizeof(iov));
		if (iov.len == 0)
			continue;
		const uint64_t arg[6] = { fd, iov.base, iov.len };
		long r = total && number == LINUX_SYS_read ? emu_rpc_read_more(t, number, arg)
							   : emu_rpc_syscall(t, number, arg);
		if (r < 0)
			return total ? (long)total : r;
		total += (uint64_t)r;
		if ((uint64_t)r < iov.len)
			return (long)total;
	}
	return total ? (long)total : emu_rpc_syscall(t, number, probe);
}

long emu_local_readv(struct emu_thread *t, const uint64_t a[6])
{
	return transfer(t, LINUX_SYS_read, a);
}

long emu_local_writev(struct emu_thread *t, const uint64_t a[6])
{
	return transfer(t, LINUX_SYS_write, a);
}
