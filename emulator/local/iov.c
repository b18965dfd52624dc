/*
 * iov.c: readv and writev as one read or write per iovec, in order,
 * stopping at the first short one as Linux's result would (a regular
 * file or terminal moves whole vectors; atomicity across vectors for
 * pipes comes with pipes).
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

static long transfer(struct emu_thread *t, uint32_t number, const uint64_t a[6])
{
	uint64_t fd = a[0], vec = a[1], count = a[2], total = 0;
	struct linux_iovec iov;

	if (count > IOV_MAX)
		return -LINUX_EINVAL;
	/* Linux checks every vector before moving a byte. */
	for (uint64_t i = 0; i < count; i++) {
		long r = emu_copy_from_user(&iov, vec + i * sizeof(iov), sizeof(iov));
		if (r < 0)
			return r;
		if (iov.len > SSIZE_MAX - total)
			return -LINUX_EINVAL;
		total += iov.len;
	}
	if (count == 0 || total == 0) {
		const uint64_t probe[6] = { fd, 0, 0 };    /* fd and mode checks */
		return emu_rpc_syscall(t, number, probe);
	}
	total = 0;
	for (uint64_t i = 0; i < count; i++) {
		emu_copy_from_user(&iov, vec + i * sizeof(iov), sizeof(iov));
		if (iov.len == 0)
			continue;
		const uint64_t arg[6] = { fd, iov.base, iov.len };
		long r = emu_rpc_syscall(t, number, arg);
		if (r < 0)
			return total ? (long)total : r;
		total += (uint64_t)r;
		if ((uint64_t)r < iov.len)
			break;
	}
	return (long)total;
}

long emu_local_readv(struct emu_thread *t, const uint64_t a[6])
{
	return transfer(t, LINUX_SYS_read, a);
}

long emu_local_writev(struct emu_thread *t, const uint64_t a[6])
{
	return transfer(t, LINUX_SYS_write, a);
}
