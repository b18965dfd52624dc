/*
 * test_vfs_fd.c: descriptors: close, dup, dup2, dup3, fcntl, the lowest
 * free fd, RLIMIT_NOFILE (EMFILE), FD_CLOEXEC and exec, sharing of the
 * open file description (offset, flags) across dup and fork, and
 * allocation failures. Expected values are what the host's Linux gives
 * for the same calls.
 */
#include "vfs_test_util.h"

static void close_frees_the_fd_and_rejects_bad_ones(void)
{
	vsetup();
	vmkfile("/f", "x");
	UNIT_CHECK(vopen("/f", O_RDONLY) == 0);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 1);
	UNIT_CHECK(vfs_close(&P, 0) == 0);
	UNIT_CHECK(vfs_close(&P, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_close(&P, -1) == -UX_EBADF);
	UNIT_CHECK(vfs_close(&P, 1000) == -UX_EBADF);
	UNIT_CHECK(vfs_close(&P, 1 << 30) == -UX_EBADF);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 0);
	vteardown();
}

static void dup_shares_the_offset(void)
{
	char buf[8] = { 0 };
	int a, b;

	vsetup();
	vmkfile("/f", "abcdef");
	a = vopen("/f", O_RDONLY);
	b = vfs_dup(&P, a);
	UNIT_CHECK(a == 0 && b == 1);
	UNIT_CHECK(vfs_read(&P, a, buf, 2) == 2);
	UNIT_CHECK(vfs_read(&P, b, buf, 2) == 2 && !memcmp(buf, "cd", 2));
	UNIT_CHECK(vfs_lseek(&P, b, 0, SEEK_CUR) == 4);
	UNIT_CHECK(vfs_lseek(&P, a, 0, SEEK_CUR) == 4);
	UNIT_CHECK(vfs_close(&P, a) == 0);
	UNIT_CHECK(vfs_read(&P, b, buf, 8) == 2 && !memcmp(buf, "ef", 2));
	UNIT_CHECK(vfs_dup(&P, 7) == -UX_EBADF);
	UNIT_CHECK(vfs_dup(&P, -1) == -UX_EBADF);
	vteardown();
}

static void separate_opens_have_separate_offsets(void)
{
	char buf[4];
	int a, b;

	vsetup();
	vmkfile("/f", "abcdef");
	a = vopen("/f", O_RDONLY);
	b = vopen("/f", O_RDONLY);
	UNIT_CHECK(vfs_read(&P, a, buf, 3) == 3);
	UNIT_CHECK(vfs_read(&P, b, buf, 1) == 1 && buf[0] == 'a');
	vteardown();
}

static void dup2_replaces_and_keeps_same_fd(void)
{
	char buf[4];
	int a, b;

	vsetup();
	vmkfile("/a", "A");
	vmkfile("/b", "B");
	a = vopen("/a", O_RDONLY);
	b = vopen("/b", O_RDONLY);
	UNIT_CHECK(vfs_fcntl(&P, b, F_SETFD, FD_CLOEXEC) == 0);
	UNIT_CHECK(vfs_dup2(&P, a, b) == b);
	UNIT_CHECK(vfs_fcntl(&P, b, F_GETFD, 0) == 0);
	UNIT_CHECK(vfs_read(&P, b, buf, 4) == 1 && buf[0] == 'A');
	UNIT_CHECK(vfs_dup2(&P, a, a) == a);
	UNIT_CHECK(vfs_dup2(&P, 77, 77) == -UX_EBADF);
	UNIT_CHECK(vfs_dup2(&P, 77, 5) == -UX_EBADF);
	UNIT_CHECK(vfs_dup2(&P, a, -1) == -UX_EBADF);
	UNIT_CHECK(vfs_dup2(&P, a, 1024) == -UX_EBADF);
	UNIT_CHECK(vfs_dup2(&P, a, 1023) == 1023);
	UNIT_CHECK(vfs_fcntl(&P, 1023, F_GETFL, 0) == (O_RDONLY | LINUX_O_LARGEFILE));
	vteardown();
}

static void dup3_flags_and_errors(void)
{
	int a;

	vsetup();
	vmkfile("/a", "A");
	a = vopen("/a", O_RDONLY);
	UNIT_CHECK(vfs_dup3(&P, a, a, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_dup3(&P, a, 5, O_NONBLOCK) == -UX_EINVAL);
	UNIT_CHECK(vfs_dup3(&P, a, 1024, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_dup3(&P, 9, 5, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_dup3(&P, 9, 9, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_dup3(&P, a, 5, O_CLOEXEC) == 5);
	UNIT_CHECK(vfs_fcntl(&P, 5, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_dup3(&P, a, 5, 0) == 5);
	UNIT_CHECK(vfs_fcntl(&P, 5, F_GETFD, 0) == 0);
	vteardown();
}

static void lowest_free_fd_is_taken(void)
{
	vsetup();
	vmkfile("/f", NULL);
	for (int i = 0; i < 5; i++)
		UNIT_CHECK(vopen("/f", O_RDONLY) == i);
	UNIT_CHECK(vfs_close(&P, 3) == 0);
	UNIT_CHECK(vfs_close(&P, 1) == 0);
	UNIT_CHECK(vfs_dup(&P, 0) == 1);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 3);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 5);
	vteardown();
}

static void fcntl_dupfd_from_a_minimum(void)
{
	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 10) == 10);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 10) == 11);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD_CLOEXEC, 3) == 3);
	UNIT_CHECK(vfs_fcntl(&P, 3, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_fcntl(&P, 10, F_GETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 1024) == -UX_EINVAL);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, (uint64_t)-1) == -UX_EINVAL);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 1023) == 1023);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 1023) == -UX_EMFILE);
	UNIT_CHECK(vfs_fcntl(&P, 0, 999, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETOWN, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 55, F_GETOWN, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fcntl(&P, 55, F_GETFD, 0) == -UX_EBADF);
	vteardown();
}

static void fcntl_setfd_keeps_only_cloexec(void)
{
	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vopen("/f", O_RDONLY | O_CLOEXEC) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_SETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_SETFD, 3) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == FD_CLOEXEC);
	vteardown();
}

/* As the host (glibc names O_LARGEFILE 0 on x86-64; the kernel adds 0100000). */
static void fcntl_getfl_and_setfl(void)
{
	int fd, d;

	vsetup();
	fd = vopen("/f", O_RDWR | O_CREAT | O_CLOEXEC | O_EXCL | O_TRUNC | O_NOCTTY);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFL, 0) == (O_RDWR | LINUX_O_LARGEFILE));
	UNIT_CHECK(vfs_fcntl(&P, fd, F_SETFL, O_APPEND | O_NONBLOCK | O_RDONLY | O_TRUNC |
				 O_CLOEXEC | O_DIRECT) == 0);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFL, 0) ==
		   (O_RDWR | LINUX_O_LARGEFILE | O_APPEND | O_NONBLOCK | O_DIRECT));
	d = vfs_dup(&P, fd);
	UNIT_CHECK(vfs_fcntl(&P, d, F_SETFL, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFL, 0) == (O_RDWR | LINUX_O_LARGEFILE));
	UNIT_CHECK(vfs_fcntl(&P, vopen("/f", O_WRONLY | O_NOFOLLOW | O_APPEND), F_GETFL, 0) ==
		   (O_WRONLY | LINUX_O_LARGEFILE | O_NOFOLLOW | O_APPEND));
	UNIT_CHECK(vfs_fcntl(&P, vopen("/", O_RDONLY | O_DIRECTORY), F_GETFL, 0) ==
		   (O_DIRECTORY | LINUX_O_LARGEFILE));
	UNIT_CHECK(vfs_fcntl(&P, vopen("/f", 3), F_GETFL, 0) == (3 | LINUX_O_LARGEFILE));
	vteardown();
}

static void o_path_fds_allow_only_some_fcntls(void)
{
	int p;

	vsetup();
	p = vopen("/", O_PATH | O_CLOEXEC | O_NOFOLLOW | O_RDWR | O_APPEND);
	UNIT_CHECK(p >= 0);
	UNIT_CHECK(vfs_fcntl(&P, p, F_GETFL, 0) == (O_PATH | O_NOFOLLOW));
	UNIT_CHECK(vfs_fcntl(&P, p, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_fcntl(&P, p, F_SETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, p, F_DUPFD, 0) >= 0);
	UNIT_CHECK(vfs_fcntl(&P, p, F_SETFL, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fcntl(&P, p, 999, 0) == -UX_EBADF);
	vteardown();
}

static void emfile_at_the_limit(void)
{
	vsetup();
	vmkfile("/f", NULL);
	P.nofile = 4;
	for (int i = 0; i < 4; i++)
		UNIT_CHECK(vopen("/f", O_RDONLY) == i);
	UNIT_CHECK(vopen("/f", O_RDONLY) == -UX_EMFILE);
	UNIT_CHECK(vopen("/missing", O_RDONLY) == -UX_EMFILE);
	UNIT_CHECK(vopen("/new", O_CREAT | O_RDONLY) == -UX_EMFILE);
	UNIT_CHECK(vnode("/new") == NULL);
	UNIT_CHECK(vfs_dup(&P, 0) == -UX_EMFILE);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD, 0) == -UX_EMFILE);
	UNIT_CHECK(vfs_dup2(&P, 0, 4) == -UX_EBADF);
	UNIT_CHECK(vfs_dup2(&P, 0, 3) == 3);
	vteardown();
}

static void table_grows_to_1024_descriptors(void)
{
	vsetup();
	vmkfile("/f", NULL);
	for (int i = 0; i < 1024; i++)
		UNIT_CHECK(vfs_openat(&P, AT_FDCWD, "/f", O_RDONLY, 0) == i);
	UNIT_CHECK(vopen("/f", O_RDONLY) == -UX_EMFILE);
	UNIT_CHECK(vfs_close(&P, 700) == 0);
	UNIT_CHECK(vfs_dup(&P, 3) == 700);
	UNIT_CHECK(v.files == 1023);
	vteardown();
}

static void exec_closes_cloexec_descriptors(void)
{
	vsetup();
	vmkfile("/f", NULL);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 0);
	UNIT_CHECK(vopen("/f", O_RDONLY | O_CLOEXEC) == 1);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_DUPFD_CLOEXEC, 0) == 2);
	UNIT_CHECK(vfs_dup(&P, 1) == 3);
	vfs_proc_exec(&P);
	UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == 0);
	UNIT_CHECK(vfs_fcntl(&P, 1, F_GETFD, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fcntl(&P, 2, F_GETFD, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fcntl(&P, 3, F_GETFD, 0) == 0);
	UNIT_CHECK(v.files == 2);
	vteardown();
}

static void fork_shares_files_but_not_the_table(void)
{
	struct vfs_proc child;
	char buf[4];

	vsetup();
	vmkfile("/f", "abcd");
	UNIT_CHECK(vopen("/f", O_RDONLY | O_CLOEXEC) == 0);
	vmkdir("/d");
	UNIT_CHECK(vfs_chdir(&P, "/d") == 0);
	vfs_umask(&P, 077);
	UNIT_CHECK(vfs_proc_fork(&child, &P) == 0);
	UNIT_CHECK(vfs_fcntl(&child, 0, F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_read(&child, 0, buf, 1) == 1);
	UNIT_CHECK(vfs_lseek(&P, 0, 0, SEEK_CUR) == 1);
	UNIT_CHECK(vfs_close(&child, 0) == 0);
	UNIT_CHECK(vfs_read(&P, 0, buf, 1) == 1 && buf[0] == 'b');
	UNIT_CHECK(vfs_dup(&child, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_umask(&child, 0) == 077);
	UNIT_CHECK(vfs_getcwd(&child, buf, 3) == 3 && !strcmp(buf, "/d"));
	UNIT_CHECK(vfs_chdir(&child, "/") == 0);
	UNIT_CHECK(vfs_getcwd(&P, buf, 3) == 3);
	vfs_proc_release(&child);
	UNIT_CHECK(v.fdtables == 1);
	vteardown();
}

static void allocation_failures_leave_nothing_behind(void)
{
	struct vfs_proc child;

	vsetup();
	test_fail_in = 0;
	UNIT_CHECK(vopen("/f", O_RDONLY | O_CREAT) == -UX_ENOMEM);    /* the table's first block */
	UNIT_CHECK(vnode("/f") == NULL);
	test_fail_in = -1;
	vmkfile("/f", NULL);
	UNIT_CHECK(vopen("/f", O_RDONLY) == 0);
	test_fail_in = 0;
	UNIT_CHECK(vopen("/f", O_RDONLY) == -UX_ENOMEM);              /* the file */
	UNIT_CHECK(vopen("/g", O_RDONLY | O_CREAT) == -UX_ENOMEM);
	UNIT_CHECK(vnode("/g") == NULL);
	UNIT_CHECK(vfs_dup2(&P, 0, 500) == -UX_ENOMEM);        /* growing the table */
	UNIT_CHECK(vfs_proc_fork(&child, &P) == -UX_ENOMEM);
	test_fail_in = 1;
	UNIT_CHECK(vfs_proc_fork(&child, &P) == -UX_ENOMEM);
	test_fail_in = 1;
	UNIT_CHECK(vopen("/g", O_RDONLY | O_CREAT) == -UX_ENOSPC);
	test_fail_in = -1;
	UNIT_CHECK(vfs_dup2(&P, 0, 500) == 500);
	UNIT_CHECK(v.files == 1 && v.fdtables == 1);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(close_frees_the_fd_and_rejects_bad_ones),
	UNIT_CASE(dup_shares_the_offset),
	UNIT_CASE(separate_opens_have_separate_offsets),
	UNIT_CASE(dup2_replaces_and_keeps_same_fd),
	UNIT_CASE(dup3_flags_and_errors),
	UNIT_CASE(lowest_free_fd_is_taken),
	UNIT_CASE(fcntl_dupfd_from_a_minimum),
	UNIT_CASE(fcntl_setfd_keeps_only_cloexec),
	UNIT_CASE(fcntl_getfl_and_setfl),
	UNIT_CASE(o_path_fds_allow_only_some_fcntls),
	UNIT_CASE(emfile_at_the_limit),
	UNIT_CASE(table_grows_to_1024_descriptors),
	UNIT_CASE(exec_closes_cloexec_descriptors),
	UNIT_CASE(fork_shares_files_but_not_the_table),
	UNIT_CASE(allocation_failures_leave_nothing_behind),
};

UNIT_MAIN("vfs_fd", cases)
