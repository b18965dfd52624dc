/*
 * memory.c: the memory calls (emulator/mm) as local handlers, and the
 * file reads mmap fills private file mappings with (a pread64 through the
 * server).
 */
#include "core/rpc_client.h"
#include "core/thread.h"
#include "emulator/header.h"
#include "linux_errno.h"
#include "linux_syscalls.h"
#include "local_calls.h"
#include "mm/mm.h"

static struct emu_thread *calling_thread;       /* one thread per process for now */

void emu_memory_init(struct emu_thread *t, const struct emulator_header *h)
{
	calling_thread = t;
	emu_mm_init(h->brk_start);
	emu_mm_note(EMULATOR_APP_STACK_TOP - EMULATOR_APP_STACK_SIZE, EMULATOR_APP_STACK_SIZE,
		    3 /* PROT_READ | PROT_WRITE */, 1);
}

#define F_GETFL 3
#define O_ACCMODE 3
#define O_WRONLY 1

/* fd's status flags (F_GETFL), or -errno. */
static long file_flags(int fd)
{
	const uint64_t getfl[6] = { (uint64_t)fd, F_GETFL };
	return emu_rpc_syscall(calling_thread, LINUX_SYS_fcntl, getfl);
}

int emu_file_writable(int fd)
{
	long flags = file_flags(fd);
	return flags >= 0 && (flags & O_ACCMODE) != 0;
}

/* mm's probe (len 0) first learns whether fd may be mapped: a write-only
 * file is EACCES for mmap, where pread would say EBADF. */
long emu_file_pread(int fd, void *buf, uint64_t len, uint64_t off)
{
	if (len == 0) {
		long flags = file_flags(fd);
		if (flags >= 0 && (flags & O_ACCMODE) == O_WRONLY)
			return -LINUX_EACCES;
	}
	const uint64_t arg[6] = { (uint64_t)fd, (uint64_t)buf, len, off };
	return emu_rpc_syscall(calling_thread, LINUX_SYS_pread64, arg);
}

long emu_local_brk(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_brk(a[0]);
}

long emu_local_mmap(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_mmap(a[0], a[1], a[2], a[3], a[4], a[5]);
}

long emu_local_munmap(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_munmap(a[0], a[1]);
}

long emu_local_mprotect(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_mprotect(a[0], a[1], a[2]);
}

long emu_local_mremap(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_mremap(a[0], a[1], a[2], a[3], a[4]);
}

long emu_local_madvise(struct emu_thread *t, const uint64_t a[6])
{
	(void)t;
	return emu_madvise(a[0], a[1], a[2]);
}
