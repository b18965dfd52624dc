/*
 * mm.h: the memory system calls the emulator answers itself, on its own
 * task's map with microkernel traps (no server round trip): brk, mmap,
 * munmap, mprotect, mremap, madvise. Each takes the call's argument
 * registers and returns what Linux x86-64 returns in rax: the result, or
 * a negative errno (brk: the break, never an errno).
 *
 * The emulator's region [EMULATOR_BASE, EMULATOR_END) is to the app what
 * the kernel's half is to a Linux process: never mapped over, unmapped,
 * protected or moved, with the error Linux gives for addresses at or
 * above TASK_SIZE. Nothing is placed below MM_MIN_ADDR (Linux's
 * vm.mmap_min_addr, 65536; as for a process without CAP_SYS_RAWIO,
 * MAP_FIXED below it is EPERM).
 *
 * One thread per process for now: the calls share one state without a
 * lock (see mm_space.h for where it goes).
 */
#ifndef EMULATOR_MM_H
#define EMULATOR_MM_H

#include <stdint.h>

/* Before the first call: the break starts at brk_start (the header's
 * brk_start, the page-aligned end of the app's image). Records the
 * emulator's region as reserved. */
void emu_mm_init(uint64_t brk_start);

/* Tells the memory calls about a mapping exec made (an image segment,
 * the stack): prot LINUX_PROT_*, anonymous when it is zero-fill memory
 * (MADV_DONTNEED zeroes it) rather than file bytes. Without it, munmap
 * and mprotect still work there (they ask the kernel), but madvise sees
 * a hole (ENOMEM) and mremap an unmapped address (EFAULT). 0, -EINVAL
 * (unaligned, outside user space, in the emulator's region) or -ENOMEM
 * (table full). */
long emu_mm_note(uint64_t addr, uint64_t len, uint64_t prot, int anonymous);

long emu_brk(uint64_t addr);
long emu_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, uint64_t fd,
	      uint64_t off);
long emu_munmap(uint64_t addr, uint64_t len);
long emu_mprotect(uint64_t addr, uint64_t len, uint64_t prot);
long emu_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len, uint64_t flags,
		uint64_t new_addr);
long emu_madvise(uint64_t addr, uint64_t len, uint64_t advice);

/* Provided by the emulator's file calls (the host tests fake it): pread
 * of fd into buf, the number of bytes read (0 at end of file) or a
 * negative errno. mmap calls it once with len 0 first, to learn whether
 * fd can be mapped before anything changes, and maps its errors as
 * Linux's mmap reports them (mm_mmap.c): -EBADF stays EBADF, -EACCES
 * stays EACCES (Linux's pread says EBADF for a write-only fd where mmap
 * says EACCES: return -EACCES for that to match), -ESPIPE (pipes,
 * sockets, terminals), -EISDIR, -EINVAL and -ENODEV become ENODEV. */
long emu_file_pread(int fd, void *buf, uint64_t len, uint64_t off);
/* Also provided: 1 when fd is open for writing (O_WRONLY or O_RDWR), else
 * 0. A writable shared mapping of a file opened without write access is
 * EACCES, as on Linux; of one with it, not supported (ENODEV). */
int emu_file_writable(int fd);

#endif
