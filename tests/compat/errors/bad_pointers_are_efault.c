/* A bad pointer passed to a system call gives EFAULT, never a crash:
 * buffers, paths, and structures, in and out (raw calls, so that libc does
 * not touch the pointer first). */
#include "../compat.h"

#define BAD ((void *)16)
#define KERNEL ((void *)0xffff800000000000UL)

int main(void)
{
	int fd;

	scratch_enter();
	write_file("f", "data");
	fd = open("f", O_RDWR);
	show("read into bad buffer", syscall(SYS_read, fd, BAD, 4));
	show("write from bad buffer", syscall(SYS_write, fd, BAD, 4));
	show("write from kernel address", syscall(SYS_write, fd, KERNEL, 4));
	show("open bad path", syscall(SYS_open, BAD, O_RDONLY));
	show("openat bad path", syscall(SYS_openat, AT_FDCWD, BAD, O_RDONLY));
	show("stat bad path", syscall(SYS_stat, BAD, &(struct stat){ 0 }));
	show("stat bad buffer", syscall(SYS_stat, "f", BAD));
	show("fstat bad buffer", syscall(SYS_fstat, fd, BAD));
	show("mkdir bad path", syscall(SYS_mkdir, BAD, 0755));
	show("readlink bad path", syscall(SYS_readlink, BAD, (char[8]){ 0 }, 8));
	show("getcwd bad buffer", syscall(SYS_getcwd, BAD, 100));
	show("uname bad buffer", syscall(SYS_uname, BAD));
	show("clock_gettime bad buffer", syscall(SYS_clock_gettime, 0, BAD));
	show("pipe bad buffer", syscall(SYS_pipe, BAD));
	show("rt_sigaction bad act", syscall(SYS_rt_sigaction, 10, BAD, NULL, 8));
	show("rt_sigprocmask bad set", syscall(SYS_rt_sigprocmask, 0, BAD, NULL, 8));
	show("getrlimit bad buffer", syscall(SYS_getrlimit, 7, BAD));
	show("readv bad iovec", syscall(SYS_readv, fd, BAD, 1));
	show("writev bad iovec", syscall(SYS_writev, fd, BAD, 1));
	show("nanosleep bad request", syscall(SYS_nanosleep, BAD, NULL));
	show("still fine afterwards", syscall(SYS_pread64, fd, (char[8]){ 0 }, 4, 0));
	close(fd);
	return 0;
}
