/*
 * linux_syscalls.h: the x86-64 Linux system-call table, defined once.
 *
 * LINUX_SYSCALLS(X) expands X(number, name, result, args...) for every
 * x86-64 system call, 0..334 and 424..462, in number order. `result` says
 * how a tracer prints the return value and `args` how it prints each
 * argument (at most six; the list ends early for calls that take fewer).
 * The emulator's dispatch table, the -ENOSYS report and the tracer's names
 * are all expansions of this one list; nothing here says which calls are
 * implemented. Facts from the Linux ABI (arch/x86/entry/syscalls, the man
 * pages); emulator/test/test_syscall_numbers.c checks every number against
 * the host's <sys/syscall.h>.
 *
 * Freestanding: no includes, so the emulator, the server and host tests can
 * all use it.
 */
#ifndef EMULATOR_LINUX_SYSCALLS_H
#define EMULATOR_LINUX_SYSCALLS_H

/* How a tracer prints one argument (after the call, knowing its result). */
enum linux_arg {
	A_END,          /* no more arguments (the zero that ends a row) */
	A_INT,          /* int, decimal */
	A_UINT,         /* unsigned int, decimal */
	A_LONG,         /* long, decimal */
	A_SIZE,         /* size_t, unsigned decimal */
	A_OFF,          /* off_t (loff_t), signed decimal */
	A_HEX,          /* flags or a number nobody decodes: 0 or 0x... */
	A_PTR,          /* address: NULL or 0x... */
	A_FD,           /* file descriptor */
	A_DIRFD,        /* file descriptor or AT_FDCWD */
	A_PATH,         /* NUL-terminated string in app memory, in full */
	A_IBUF,         /* buffer the call reads; length is the next argument */
	A_OBUF,         /* buffer the call fills; length is the result */
	A_OBUF_HEX,     /* the same, every byte as \xNN (getrandom) */
	A_OPATH,        /* string the call fills (getcwd) */
	A_OPEN_FLAGS,   /* O_RDONLY|O_CREAT|... */
	A_OPEN_MODE,    /* mode, printed only after O_CREAT or O_TMPFILE */
	A_FD_FLAGS,     /* O_CLOEXEC|O_NONBLOCK... with no access mode, or 0 */
	A_MODE,         /* permission bits, octal */
	A_AT_FLAGS,     /* AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_EMPTY_PATH|... */
	A_AT_EACCESS,   /* faccessat2 flags: AT_EACCESS|AT_SYMLINK_NOFOLLOW|... */
	A_STATX_FLAGS,  /* AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|... */
	A_STATX_MASK,   /* STATX_BASIC_STATS, STATX_TYPE|STATX_SIZE, ... */
	A_ACCESS_MODE,  /* F_OK or R_OK|W_OK|X_OK */
	A_WHENCE,       /* SEEK_SET... */
	A_PROT,         /* PROT_NONE or PROT_READ|PROT_WRITE|PROT_EXEC */
	A_MAP_FLAGS,    /* MAP_PRIVATE|MAP_ANONYMOUS|... */
	A_MREMAP_FLAGS, /* MREMAP_MAYMOVE|MREMAP_FIXED|MREMAP_DONTUNMAP */
	A_MREMAP_ADDR,  /* mremap's new address, printed only with MREMAP_FIXED */
	A_MADVICE,      /* MADV_DONTNEED... */
	A_SIGNUM,       /* SIGINT, SIGRTMIN, SIGRT_3 */
	A_SIGHOW,       /* SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK */
	A_CLOCKID,      /* CLOCK_REALTIME... */
	A_FCNTL_CMD,    /* F_GETFD... */
	A_FCNTL_ARG,    /* fcntl's third argument, as its command wants */
	A_IOCTL_CMD,    /* TCGETS, TIOCGWINSZ... */
	A_IOCTL_ARG,    /* ioctl's third argument: an address for a known command */
	A_RLIMIT,       /* RLIMIT_NOFILE... */
	A_ARCH_PRCTL,   /* ARCH_SET_FS... */
	A_RENAME_FLAGS, /* RENAME_NOREPLACE|RENAME_EXCHANGE|RENAME_WHITEOUT */
	A_GRND_FLAGS,   /* GRND_NONBLOCK|GRND_RANDOM|GRND_INSECURE */
	A_SKIP,         /* a register Linux ignores on x86-64: not printed */
};

/* How a tracer prints the result (errors are always -1 ENAME (message)). */
enum linux_ret {
	R_INT,          /* signed decimal */
	R_HEX,          /* an address: mmap, brk, mremap */
	R_OCT,          /* umask's old mask */
	R_FCNTL,        /* decimal, or the flags F_GETFD and F_GETFL return */
	R_NONE,         /* does not return: "= ?" */
};

#define LINUX_SYSCALLS(X)                                                     \
	X(0, read, R_INT, A_FD, A_OBUF, A_SIZE)                               \
	X(1, write, R_INT, A_FD, A_IBUF, A_SIZE)                              \
	X(2, open, R_INT, A_PATH, A_OPEN_FLAGS, A_OPEN_MODE)                  \
	X(3, close, R_INT, A_FD)                                              \
	X(4, stat, R_INT, A_PATH, A_PTR)                                      \
	X(5, fstat, R_INT, A_FD, A_PTR)                                       \
	X(6, lstat, R_INT, A_PATH, A_PTR)                                     \
	X(7, poll, R_INT, A_PTR, A_UINT, A_INT)                               \
	X(8, lseek, R_INT, A_FD, A_OFF, A_WHENCE)                             \
	X(9, mmap, R_HEX, A_PTR, A_SIZE, A_PROT, A_MAP_FLAGS, A_FD, A_HEX)    \
	X(10, mprotect, R_INT, A_PTR, A_SIZE, A_PROT)                         \
	X(11, munmap, R_INT, A_PTR, A_SIZE)                                   \
	X(12, brk, R_HEX, A_PTR)                                              \
	X(13, rt_sigaction, R_INT, A_SIGNUM, A_PTR, A_PTR, A_SIZE)            \
	X(14, rt_sigprocmask, R_INT, A_SIGHOW, A_PTR, A_PTR, A_SIZE)          \
	X(15, rt_sigreturn, R_INT)                                            \
	X(16, ioctl, R_INT, A_FD, A_IOCTL_CMD, A_IOCTL_ARG)                   \
	X(17, pread64, R_INT, A_FD, A_OBUF, A_SIZE, A_OFF)                    \
	X(18, pwrite64, R_INT, A_FD, A_IBUF, A_SIZE, A_OFF)                   \
	X(19, readv, R_INT, A_FD, A_PTR, A_INT)                               \
	X(20, writev, R_INT, A_FD, A_PTR, A_INT)                              \
	X(21, access, R_INT, A_PATH, A_ACCESS_MODE)                           \
	X(22, pipe, R_INT, A_PTR)                                             \
	X(23, select, R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR)               \
	X(24, sched_yield, R_INT)                                             \
	X(25, mremap, R_HEX, A_PTR, A_SIZE, A_SIZE, A_MREMAP_FLAGS, A_MREMAP_ADDR) \
	X(26, msync, R_INT, A_PTR, A_SIZE, A_HEX)                             \
	X(27, mincore, R_INT, A_PTR, A_SIZE, A_PTR)                           \
	X(28, madvise, R_INT, A_PTR, A_SIZE, A_MADVICE)                       \
	X(29, shmget, R_INT, A_HEX, A_SIZE, A_HEX)                            \
	X(30, shmat, R_HEX, A_INT, A_PTR, A_HEX)                              \
	X(31, shmctl, R_INT, A_INT, A_INT, A_PTR)                             \
	X(32, dup, R_INT, A_FD)                                               \
	X(33, dup2, R_INT, A_FD, A_FD)                                        \
	X(34, pause, R_INT)                                                   \
	X(35, nanosleep, R_INT, A_PTR, A_PTR)                                 \
	X(36, getitimer, R_INT, A_INT, A_PTR)                                 \
	X(37, alarm, R_INT, A_UINT)                                           \
	X(38, setitimer, R_INT, A_INT, A_PTR, A_PTR)                          \
	X(39, getpid, R_INT)                                                  \
	X(40, sendfile, R_INT, A_FD, A_FD, A_PTR, A_SIZE)                     \
	X(41, socket, R_INT, A_INT, A_HEX, A_INT)                             \
	X(42, connect, R_INT, A_FD, A_PTR, A_INT)                             \
	X(43, accept, R_INT, A_FD, A_PTR, A_PTR)                              \
	X(44, sendto, R_INT, A_FD, A_IBUF, A_SIZE, A_HEX, A_PTR, A_INT)       \
	X(45, recvfrom, R_INT, A_FD, A_OBUF, A_SIZE, A_HEX, A_PTR, A_PTR)     \
	X(46, sendmsg, R_INT, A_FD, A_PTR, A_HEX)                             \
	X(47, recvmsg, R_INT, A_FD, A_PTR, A_HEX)                             \
	X(48, shutdown, R_INT, A_FD, A_INT)                                   \
	X(49, bind, R_INT, A_FD, A_PTR, A_INT)                                \
	X(50, listen, R_INT, A_FD, A_INT)                                     \
	X(51, getsockname, R_INT, A_FD, A_PTR, A_PTR)                         \
	X(52, getpeername, R_INT, A_FD, A_PTR, A_PTR)                         \
	X(53, socketpair, R_INT, A_INT, A_HEX, A_INT, A_PTR)                  \
	X(54, setsockopt, R_INT, A_FD, A_INT, A_INT, A_PTR, A_INT)            \
	X(55, getsockopt, R_INT, A_FD, A_INT, A_INT, A_PTR, A_PTR)            \
	X(56, clone, R_INT, A_HEX, A_PTR, A_PTR, A_PTR, A_HEX)                \
	X(57, fork, R_INT)                                                    \
	X(58, vfork, R_INT)                                                   \
	X(59, execve, R_INT, A_PATH, A_PTR, A_PTR)                            \
	X(60, exit, R_NONE, A_INT)                                            \
	X(61, wait4, R_INT, A_INT, A_PTR, A_HEX, A_PTR)                       \
	X(62, kill, R_INT, A_INT, A_SIGNUM)                                   \
	X(63, uname, R_INT, A_PTR)                                            \
	X(64, semget, R_INT, A_HEX, A_INT, A_HEX)                             \
	X(65, semop, R_INT, A_INT, A_PTR, A_SIZE)                             \
	X(66, semctl, R_INT, A_INT, A_INT, A_INT, A_HEX)                      \
	X(67, shmdt, R_INT, A_PTR)                                            \
	X(68, msgget, R_INT, A_HEX, A_HEX)                                    \
	X(69, msgsnd, R_INT, A_INT, A_PTR, A_SIZE, A_HEX)                     \
	X(70, msgrcv, R_INT, A_INT, A_PTR, A_SIZE, A_LONG, A_HEX)             \
	X(71, msgctl, R_INT, A_INT, A_INT, A_PTR)                             \
	X(72, fcntl, R_FCNTL, A_FD, A_FCNTL_CMD, A_FCNTL_ARG)                 \
	X(73, flock, R_INT, A_FD, A_INT)                                      \
	X(74, fsync, R_INT, A_FD)                                             \
	X(75, fdatasync, R_INT, A_FD)                                         \
	X(76, truncate, R_INT, A_PATH, A_OFF)                                 \
	X(77, ftruncate, R_INT, A_FD, A_OFF)                                  \
	X(78, getdents, R_INT, A_FD, A_PTR, A_UINT)                           \
	X(79, getcwd, R_INT, A_OPATH, A_SIZE)                                 \
	X(80, chdir, R_INT, A_PATH)                                           \
	X(81, fchdir, R_INT, A_FD)                                            \
	X(82, rename, R_INT, A_PATH, A_PATH)                                  \
	X(83, mkdir, R_INT, A_PATH, A_MODE)                                   \
	X(84, rmdir, R_INT, A_PATH)                                           \
	X(85, creat, R_INT, A_PATH, A_MODE)                                   \
	X(86, link, R_INT, A_PATH, A_PATH)                                    \
	X(87, unlink, R_INT, A_PATH)                                          \
	X(88, symlink, R_INT, A_PATH, A_PATH)                                 \
	X(89, readlink, R_INT, A_PATH, A_OBUF, A_SIZE)                        \
	X(90, chmod, R_INT, A_PATH, A_MODE)                                   \
	X(91, fchmod, R_INT, A_FD, A_MODE)                                    \
	X(92, chown, R_INT, A_PATH, A_INT, A_INT)                             \
	X(93, fchown, R_INT, A_FD, A_INT, A_INT)                              \
	X(94, lchown, R_INT, A_PATH, A_INT, A_INT)                            \
	X(95, umask, R_OCT, A_MODE)                                           \
	X(96, gettimeofday, R_INT, A_PTR, A_PTR)                              \
	X(97, getrlimit, R_INT, A_RLIMIT, A_PTR)                              \
	X(98, getrusage, R_INT, A_INT, A_PTR)                                 \
	X(99, sysinfo, R_INT, A_PTR)                                          \
	X(100, times, R_INT, A_PTR)                                           \
	X(101, ptrace, R_INT, A_LONG, A_INT, A_PTR, A_PTR)                    \
	X(102, getuid, R_INT)                                                 \
	X(103, syslog, R_INT, A_INT, A_PTR, A_INT)                            \
	X(104, getgid, R_INT)                                                 \
	X(105, setuid, R_INT, A_INT)                                          \
	X(106, setgid, R_INT, A_INT)                                          \
	X(107, geteuid, R_INT)                                                \
	X(108, getegid, R_INT)                                                \
	X(109, setpgid, R_INT, A_INT, A_INT)                                  \
	X(110, getppid, R_INT)                                                \
	X(111, getpgrp, R_INT)                                                \
	X(112, setsid, R_INT)                                                 \
	X(113, setreuid, R_INT, A_INT, A_INT)                                 \
	X(114, setregid, R_INT, A_INT, A_INT)                                 \
	X(115, getgroups, R_INT, A_INT, A_PTR)                                \
	X(116, setgroups, R_INT, A_INT, A_PTR)                                \
	X(117, setresuid, R_INT, A_INT, A_INT, A_INT)                         \
	X(118, getresuid, R_INT, A_PTR, A_PTR, A_PTR)                         \
	X(119, setresgid, R_INT, A_INT, A_INT, A_INT)                         \
	X(120, getresgid, R_INT, A_PTR, A_PTR, A_PTR)                         \
	X(121, getpgid, R_INT, A_INT)                                         \
	X(122, setfsuid, R_INT, A_INT)                                        \
	X(123, setfsgid, R_INT, A_INT)                                        \
	X(124, getsid, R_INT, A_INT)                                          \
	X(125, capget, R_INT, A_PTR, A_PTR)                                   \
	X(126, capset, R_INT, A_PTR, A_PTR)                                   \
	X(127, rt_sigpending, R_INT, A_PTR, A_SIZE)                           \
	X(128, rt_sigtimedwait, R_INT, A_PTR, A_PTR, A_PTR, A_SIZE)           \
	X(129, rt_sigqueueinfo, R_INT, A_INT, A_SIGNUM, A_PTR)                \
	X(130, rt_sigsuspend, R_INT, A_PTR, A_SIZE)                           \
	X(131, sigaltstack, R_INT, A_PTR, A_PTR)                              \
	X(132, utime, R_INT, A_PATH, A_PTR)                                   \
	X(133, mknod, R_INT, A_PATH, A_MODE, A_HEX)                           \
	X(134, uselib, R_INT, A_PATH)                                         \
	X(135, personality, R_HEX, A_HEX)                                     \
	X(136, ustat, R_INT, A_HEX, A_PTR)                                    \
	X(137, statfs, R_INT, A_PATH, A_PTR)                                  \
	X(138, fstatfs, R_INT, A_FD, A_PTR)                                   \
	X(139, sysfs, R_INT, A_INT, A_HEX, A_HEX)                             \
	X(140, getpriority, R_INT, A_INT, A_INT)                              \
	X(141, setpriority, R_INT, A_INT, A_INT, A_INT)                       \
	X(142, sched_setparam, R_INT, A_INT, A_PTR)                           \
	X(143, sched_getparam, R_INT, A_INT, A_PTR)                           \
	X(144, sched_setscheduler, R_INT, A_INT, A_INT, A_PTR)                \
	X(145, sched_getscheduler, R_INT, A_INT)                              \
	X(146, sched_get_priority_max, R_INT, A_INT)                          \
	X(147, sched_get_priority_min, R_INT, A_INT)                          \
	X(148, sched_rr_get_interval, R_INT, A_INT, A_PTR)                    \
	X(149, mlock, R_INT, A_PTR, A_SIZE)                                   \
	X(150, munlock, R_INT, A_PTR, A_SIZE)                                 \
	X(151, mlockall, R_INT, A_HEX)                                        \
	X(152, munlockall, R_INT)                                             \
	X(153, vhangup, R_INT)                                                \
	X(154, modify_ldt, R_INT, A_INT, A_PTR, A_SIZE)                       \
	X(155, pivot_root, R_INT, A_PATH, A_PATH)                             \
	X(156, _sysctl, R_INT, A_PTR)                                         \
	X(157, prctl, R_INT, A_INT, A_HEX, A_HEX, A_HEX, A_HEX)               \
	X(158, arch_prctl, R_INT, A_ARCH_PRCTL, A_HEX)                        \
	X(159, adjtimex, R_INT, A_PTR)                                        \
	X(160, setrlimit, R_INT, A_RLIMIT, A_PTR)                             \
	X(161, chroot, R_INT, A_PATH)                                         \
	X(162, sync, R_INT)                                                   \
	X(163, acct, R_INT, A_PATH)                                           \
	X(164, settimeofday, R_INT, A_PTR, A_PTR)                             \
	X(165, mount, R_INT, A_PATH, A_PATH, A_PATH, A_HEX, A_PTR)            \
	X(166, umount2, R_INT, A_PATH, A_HEX)                                 \
	X(167, swapon, R_INT, A_PATH, A_HEX)                                  \
	X(168, swapoff, R_INT, A_PATH)                                        \
	X(169, reboot, R_INT, A_HEX, A_HEX, A_HEX, A_PTR)                     \
	X(170, sethostname, R_INT, A_IBUF, A_SIZE)                            \
	X(171, setdomainname, R_INT, A_IBUF, A_SIZE)                          \
	X(172, iopl, R_INT, A_INT)                                            \
	X(173, ioperm, R_INT, A_HEX, A_HEX, A_INT)                            \
	X(174, create_module, R_INT)                                          \
	X(175, init_module, R_INT, A_PTR, A_SIZE, A_PATH)                     \
	X(176, delete_module, R_INT, A_PATH, A_HEX)                           \
	X(177, get_kernel_syms, R_INT)                                        \
	X(178, query_module, R_INT)                                           \
	X(179, quotactl, R_INT, A_HEX, A_PATH, A_INT, A_PTR)                  \
	X(180, nfsservctl, R_INT)                                             \
	X(181, getpmsg, R_INT)                                                \
	X(182, putpmsg, R_INT)                                                \
	X(183, afs_syscall, R_INT)                                            \
	X(184, tuxcall, R_INT)                                                \
	X(185, security, R_INT)                                               \
	X(186, gettid, R_INT)                                                 \
	X(187, readahead, R_INT, A_FD, A_OFF, A_SIZE)                         \
	X(188, setxattr, R_INT, A_PATH, A_PATH, A_IBUF, A_SIZE, A_HEX)        \
	X(189, lsetxattr, R_INT, A_PATH, A_PATH, A_IBUF, A_SIZE, A_HEX)       \
	X(190, fsetxattr, R_INT, A_FD, A_PATH, A_IBUF, A_SIZE, A_HEX)         \
	X(191, getxattr, R_INT, A_PATH, A_PATH, A_OBUF, A_SIZE)               \
	X(192, lgetxattr, R_INT, A_PATH, A_PATH, A_OBUF, A_SIZE)              \
	X(193, fgetxattr, R_INT, A_FD, A_PATH, A_OBUF, A_SIZE)                \
	X(194, listxattr, R_INT, A_PATH, A_PTR, A_SIZE)                       \
	X(195, llistxattr, R_INT, A_PATH, A_PTR, A_SIZE)                      \
	X(196, flistxattr, R_INT, A_FD, A_PTR, A_SIZE)                        \
	X(197, removexattr, R_INT, A_PATH, A_PATH)                            \
	X(198, lremovexattr, R_INT, A_PATH, A_PATH)                           \
	X(199, fremovexattr, R_INT, A_FD, A_PATH)                             \
	X(200, tkill, R_INT, A_INT, A_SIGNUM)                                 \
	X(201, time, R_INT, A_PTR)                                            \
	X(202, futex, R_INT, A_PTR, A_INT, A_INT, A_PTR, A_PTR, A_INT)        \
	X(203, sched_setaffinity, R_INT, A_INT, A_SIZE, A_PTR)                \
	X(204, sched_getaffinity, R_INT, A_INT, A_SIZE, A_PTR)                \
	X(205, set_thread_area, R_INT, A_PTR)                                 \
	X(206, io_setup, R_INT, A_UINT, A_PTR)                                \
	X(207, io_destroy, R_INT, A_HEX)                                      \
	X(208, io_getevents, R_INT, A_HEX, A_LONG, A_LONG, A_PTR, A_PTR)      \
	X(209, io_submit, R_INT, A_HEX, A_LONG, A_PTR)                        \
	X(210, io_cancel, R_INT, A_HEX, A_PTR, A_PTR)                         \
	X(211, get_thread_area, R_INT, A_PTR)                                 \
	X(212, lookup_dcookie, R_INT, A_HEX, A_PTR, A_SIZE)                   \
	X(213, epoll_create, R_INT, A_INT)                                    \
	X(214, epoll_ctl_old, R_INT)                                          \
	X(215, epoll_wait_old, R_INT)                                         \
	X(216, remap_file_pages, R_INT, A_PTR, A_SIZE, A_PROT, A_SIZE, A_MAP_FLAGS) \
	X(217, getdents64, R_INT, A_FD, A_PTR, A_UINT)                        \
	X(218, set_tid_address, R_INT, A_PTR)                                 \
	X(219, restart_syscall, R_INT)                                        \
	X(220, semtimedop, R_INT, A_INT, A_PTR, A_SIZE, A_PTR)                \
	X(221, fadvise64, R_INT, A_FD, A_OFF, A_SIZE, A_INT)                  \
	X(222, timer_create, R_INT, A_CLOCKID, A_PTR, A_PTR)                  \
	X(223, timer_settime, R_INT, A_INT, A_INT, A_PTR, A_PTR)              \
	X(224, timer_gettime, R_INT, A_INT, A_PTR)                            \
	X(225, timer_getoverrun, R_INT, A_INT)                                \
	X(226, timer_delete, R_INT, A_INT)                                    \
	X(227, clock_settime, R_INT, A_CLOCKID, A_PTR)                        \
	X(228, clock_gettime, R_INT, A_CLOCKID, A_PTR)                        \
	X(229, clock_getres, R_INT, A_CLOCKID, A_PTR)                         \
	X(230, clock_nanosleep, R_INT, A_CLOCKID, A_INT, A_PTR, A_PTR)        \
	X(231, exit_group, R_NONE, A_INT)                                     \
	X(232, epoll_wait, R_INT, A_FD, A_PTR, A_INT, A_INT)                  \
	X(233, epoll_ctl, R_INT, A_FD, A_INT, A_FD, A_PTR)                    \
	X(234, tgkill, R_INT, A_INT, A_INT, A_SIGNUM)                         \
	X(235, utimes, R_INT, A_PATH, A_PTR)                                  \
	X(236, vserver, R_INT)                                                \
	X(237, mbind, R_INT, A_PTR, A_SIZE, A_INT, A_PTR, A_SIZE, A_HEX)      \
	X(238, set_mempolicy, R_INT, A_INT, A_PTR, A_SIZE)                    \
	X(239, get_mempolicy, R_INT, A_PTR, A_PTR, A_SIZE, A_PTR, A_HEX)      \
	X(240, mq_open, R_INT, A_PATH, A_OPEN_FLAGS, A_OPEN_MODE, A_PTR)      \
	X(241, mq_unlink, R_INT, A_PATH)                                      \
	X(242, mq_timedsend, R_INT, A_FD, A_IBUF, A_SIZE, A_UINT, A_PTR)      \
	X(243, mq_timedreceive, R_INT, A_FD, A_OBUF, A_SIZE, A_PTR, A_PTR)    \
	X(244, mq_notify, R_INT, A_FD, A_PTR)                                 \
	X(245, mq_getsetattr, R_INT, A_FD, A_PTR, A_PTR)                      \
	X(246, kexec_load, R_INT, A_HEX, A_SIZE, A_PTR, A_HEX)                \
	X(247, waitid, R_INT, A_INT, A_INT, A_PTR, A_HEX, A_PTR)              \
	X(248, add_key, R_INT, A_PATH, A_PATH, A_IBUF, A_SIZE, A_INT)         \
	X(249, request_key, R_INT, A_PATH, A_PATH, A_PATH, A_INT)             \
	X(250, keyctl, R_INT, A_INT, A_HEX, A_HEX, A_HEX, A_HEX)              \
	X(251, ioprio_set, R_INT, A_INT, A_INT, A_INT)                        \
	X(252, ioprio_get, R_INT, A_INT, A_INT)                               \
	X(253, inotify_init, R_INT)                                           \
	X(254, inotify_add_watch, R_INT, A_FD, A_PATH, A_HEX)                 \
	X(255, inotify_rm_watch, R_INT, A_FD, A_INT)                          \
	X(256, migrate_pages, R_INT, A_INT, A_SIZE, A_PTR, A_PTR)             \
	X(257, openat, R_INT, A_DIRFD, A_PATH, A_OPEN_FLAGS, A_OPEN_MODE)     \
	X(258, mkdirat, R_INT, A_DIRFD, A_PATH, A_MODE)                       \
	X(259, mknodat, R_INT, A_DIRFD, A_PATH, A_MODE, A_HEX)                \
	X(260, fchownat, R_INT, A_DIRFD, A_PATH, A_INT, A_INT, A_AT_FLAGS)    \
	X(261, futimesat, R_INT, A_DIRFD, A_PATH, A_PTR)                      \
	X(262, newfstatat, R_INT, A_DIRFD, A_PATH, A_PTR, A_AT_FLAGS)         \
	X(263, unlinkat, R_INT, A_DIRFD, A_PATH, A_AT_FLAGS)                  \
	X(264, renameat, R_INT, A_DIRFD, A_PATH, A_DIRFD, A_PATH)             \
	X(265, linkat, R_INT, A_DIRFD, A_PATH, A_DIRFD, A_PATH, A_AT_FLAGS)   \
	X(266, symlinkat, R_INT, A_PATH, A_DIRFD, A_PATH)                     \
	X(267, readlinkat, R_INT, A_DIRFD, A_PATH, A_OBUF, A_SIZE)            \
	X(268, fchmodat, R_INT, A_DIRFD, A_PATH, A_MODE)                      \
	X(269, faccessat, R_INT, A_DIRFD, A_PATH, A_ACCESS_MODE)              \
	X(270, pselect6, R_INT, A_INT, A_PTR, A_PTR, A_PTR, A_PTR, A_PTR)     \
	X(271, ppoll, R_INT, A_PTR, A_UINT, A_PTR, A_PTR, A_SIZE)             \
	X(272, unshare, R_INT, A_HEX)                                         \
	X(273, set_robust_list, R_INT, A_PTR, A_SIZE)                         \
	X(274, get_robust_list, R_INT, A_INT, A_PTR, A_PTR)                   \
	X(275, splice, R_INT, A_FD, A_PTR, A_FD, A_PTR, A_SIZE, A_HEX)        \
	X(276, tee, R_INT, A_FD, A_FD, A_SIZE, A_HEX)                         \
	X(277, sync_file_range, R_INT, A_FD, A_OFF, A_OFF, A_HEX)             \
	X(278, vmsplice, R_INT, A_FD, A_PTR, A_SIZE, A_HEX)                   \
	X(279, move_pages, R_INT, A_INT, A_SIZE, A_PTR, A_PTR, A_PTR, A_HEX)  \
	X(280, utimensat, R_INT, A_DIRFD, A_PATH, A_PTR, A_AT_FLAGS)          \
	X(281, epoll_pwait, R_INT, A_FD, A_PTR, A_INT, A_INT, A_PTR, A_SIZE)  \
	X(282, signalfd, R_INT, A_FD, A_PTR, A_SIZE)                          \
	X(283, timerfd_create, R_INT, A_CLOCKID, A_HEX)                       \
	X(284, eventfd, R_INT, A_UINT)                                        \
	X(285, fallocate, R_INT, A_FD, A_INT, A_OFF, A_OFF)                   \
	X(286, timerfd_settime, R_INT, A_FD, A_HEX, A_PTR, A_PTR)             \
	X(287, timerfd_gettime, R_INT, A_FD, A_PTR)                           \
	X(288, accept4, R_INT, A_FD, A_PTR, A_PTR, A_HEX)                     \
	X(289, signalfd4, R_INT, A_FD, A_PTR, A_SIZE, A_FD_FLAGS)             \
	X(290, eventfd2, R_INT, A_UINT, A_HEX)                                \
	X(291, epoll_create1, R_INT, A_FD_FLAGS)                              \
	X(292, dup3, R_INT, A_FD, A_FD, A_FD_FLAGS)                           \
	X(293, pipe2, R_INT, A_PTR, A_FD_FLAGS)                               \
	X(294, inotify_init1, R_INT, A_FD_FLAGS)                              \
	X(295, preadv, R_INT, A_FD, A_PTR, A_INT, A_OFF, A_SKIP)              \
	X(296, pwritev, R_INT, A_FD, A_PTR, A_INT, A_OFF, A_SKIP)             \
	X(297, rt_tgsigqueueinfo, R_INT, A_INT, A_INT, A_SIGNUM, A_PTR)       \
	X(298, perf_event_open, R_INT, A_PTR, A_INT, A_INT, A_INT, A_HEX)     \
	X(299, recvmmsg, R_INT, A_FD, A_PTR, A_UINT, A_HEX, A_PTR)            \
	X(300, fanotify_init, R_INT, A_HEX, A_HEX)                            \
	X(301, fanotify_mark, R_INT, A_FD, A_HEX, A_HEX, A_DIRFD, A_PATH)     \
	X(302, prlimit64, R_INT, A_INT, A_RLIMIT, A_PTR, A_PTR)               \
	X(303, name_to_handle_at, R_INT, A_DIRFD, A_PATH, A_PTR, A_PTR, A_AT_FLAGS) \
	X(304, open_by_handle_at, R_INT, A_FD, A_PTR, A_OPEN_FLAGS)           \
	X(305, clock_adjtime, R_INT, A_CLOCKID, A_PTR)                        \
	X(306, syncfs, R_INT, A_FD)                                           \
	X(307, sendmmsg, R_INT, A_FD, A_PTR, A_UINT, A_HEX)                   \
	X(308, setns, R_INT, A_FD, A_HEX)                                     \
	X(309, getcpu, R_INT, A_PTR, A_PTR, A_PTR)                            \
	X(310, process_vm_readv, R_INT, A_INT, A_PTR, A_SIZE, A_PTR, A_SIZE, A_HEX) \
	X(311, process_vm_writev, R_INT, A_INT, A_PTR, A_SIZE, A_PTR, A_SIZE, A_HEX) \
	X(312, kcmp, R_INT, A_INT, A_INT, A_INT, A_HEX, A_HEX)                \
	X(313, finit_module, R_INT, A_FD, A_PATH, A_HEX)                      \
	X(314, sched_setattr, R_INT, A_INT, A_PTR, A_HEX)                     \
	X(315, sched_getattr, R_INT, A_INT, A_PTR, A_UINT, A_HEX)             \
	X(316, renameat2, R_INT, A_DIRFD, A_PATH, A_DIRFD, A_PATH, A_RENAME_FLAGS) \
	X(317, seccomp, R_INT, A_UINT, A_HEX, A_PTR)                          \
	X(318, getrandom, R_INT, A_OBUF_HEX, A_SIZE, A_GRND_FLAGS)            \
	X(319, memfd_create, R_INT, A_PATH, A_HEX)                            \
	X(320, kexec_file_load, R_INT, A_FD, A_FD, A_SIZE, A_PATH, A_HEX)     \
	X(321, bpf, R_INT, A_INT, A_PTR, A_UINT)                              \
	X(322, execveat, R_INT, A_DIRFD, A_PATH, A_PTR, A_PTR, A_AT_FLAGS)    \
	X(323, userfaultfd, R_INT, A_HEX)                                     \
	X(324, membarrier, R_INT, A_INT, A_HEX, A_INT)                        \
	X(325, mlock2, R_INT, A_PTR, A_SIZE, A_HEX)                           \
	X(326, copy_file_range, R_INT, A_FD, A_PTR, A_FD, A_PTR, A_SIZE, A_HEX) \
	X(327, preadv2, R_INT, A_FD, A_PTR, A_INT, A_OFF, A_SKIP, A_HEX)      \
	X(328, pwritev2, R_INT, A_FD, A_PTR, A_INT, A_OFF, A_SKIP, A_HEX)     \
	X(329, pkey_mprotect, R_INT, A_PTR, A_SIZE, A_PROT, A_INT)            \
	X(330, pkey_alloc, R_INT, A_HEX, A_HEX)                               \
	X(331, pkey_free, R_INT, A_INT)                                       \
	X(332, statx, R_INT, A_DIRFD, A_PATH, A_STATX_FLAGS, A_STATX_MASK, A_PTR) \
	X(333, io_pgetevents, R_INT, A_HEX, A_LONG, A_LONG, A_PTR, A_PTR, A_PTR) \
	X(334, rseq, R_INT, A_PTR, A_HEX, A_HEX, A_HEX)                       \
	X(424, pidfd_send_signal, R_INT, A_FD, A_SIGNUM, A_PTR, A_HEX)        \
	X(425, io_uring_setup, R_INT, A_UINT, A_PTR)                          \
	X(426, io_uring_enter, R_INT, A_FD, A_UINT, A_UINT, A_HEX, A_PTR, A_SIZE) \
	X(427, io_uring_register, R_INT, A_FD, A_UINT, A_PTR, A_UINT)         \
	X(428, open_tree, R_INT, A_DIRFD, A_PATH, A_HEX)                      \
	X(429, move_mount, R_INT, A_DIRFD, A_PATH, A_DIRFD, A_PATH, A_HEX)    \
	X(430, fsopen, R_INT, A_PATH, A_HEX)                                  \
	X(431, fsconfig, R_INT, A_FD, A_UINT, A_PATH, A_PTR, A_INT)           \
	X(432, fsmount, R_INT, A_FD, A_HEX, A_HEX)                            \
	X(433, fspick, R_INT, A_DIRFD, A_PATH, A_HEX)                         \
	X(434, pidfd_open, R_INT, A_INT, A_HEX)                               \
	X(435, clone3, R_INT, A_PTR, A_SIZE)                                  \
	X(436, close_range, R_INT, A_UINT, A_UINT, A_HEX)                     \
	X(437, openat2, R_INT, A_DIRFD, A_PATH, A_PTR, A_SIZE)                \
	X(438, pidfd_getfd, R_INT, A_FD, A_FD, A_HEX)                         \
	X(439, faccessat2, R_INT, A_DIRFD, A_PATH, A_ACCESS_MODE, A_AT_EACCESS) \
	X(440, process_madvise, R_INT, A_FD, A_PTR, A_SIZE, A_MADVICE, A_HEX) \
	X(441, epoll_pwait2, R_INT, A_FD, A_PTR, A_INT, A_PTR, A_PTR, A_SIZE) \
	X(442, mount_setattr, R_INT, A_DIRFD, A_PATH, A_AT_FLAGS, A_PTR, A_SIZE) \
	X(443, quotactl_fd, R_INT, A_FD, A_HEX, A_INT, A_PTR)                 \
	X(444, landlock_create_ruleset, R_INT, A_PTR, A_SIZE, A_HEX)          \
	X(445, landlock_add_rule, R_INT, A_FD, A_INT, A_PTR, A_HEX)           \
	X(446, landlock_restrict_self, R_INT, A_FD, A_HEX)                    \
	X(447, memfd_secret, R_INT, A_HEX)                                    \
	X(448, process_mrelease, R_INT, A_FD, A_HEX)                          \
	X(449, futex_waitv, R_INT, A_PTR, A_UINT, A_HEX, A_PTR, A_CLOCKID)    \
	X(450, set_mempolicy_home_node, R_INT, A_PTR, A_SIZE, A_HEX, A_HEX)   \
	X(451, cachestat, R_INT, A_FD, A_PTR, A_PTR, A_HEX)                   \
	X(452, fchmodat2, R_INT, A_DIRFD, A_PATH, A_MODE, A_AT_FLAGS)         \
	X(453, map_shadow_stack, R_HEX, A_PTR, A_SIZE, A_HEX)                 \
	X(454, futex_wake, R_INT, A_PTR, A_HEX, A_INT, A_HEX)                 \
	X(455, futex_wait, R_INT, A_PTR, A_HEX, A_HEX, A_HEX, A_PTR, A_CLOCKID) \
	X(456, futex_requeue, R_INT, A_PTR, A_HEX, A_INT, A_INT)              \
	X(457, statmount, R_INT, A_PTR, A_PTR, A_SIZE, A_HEX)                 \
	X(458, listmount, R_INT, A_PTR, A_PTR, A_SIZE, A_HEX)                 \
	X(459, lsm_get_self_attr, R_INT, A_UINT, A_PTR, A_PTR, A_HEX)         \
	X(460, lsm_set_self_attr, R_INT, A_UINT, A_PTR, A_SIZE, A_HEX)        \
	X(461, lsm_list_modules, R_INT, A_PTR, A_PTR, A_HEX)                  \
	X(462, mseal, R_INT, A_PTR, A_SIZE, A_HEX)

/* Enough for every number in the list (the highest plus one). */
#define LINUX_SYSCALL_LIMIT 463

/* LINUX_SYS_read = 0, ...: the numbers as constants. */
enum linux_syscall_number {
#define LINUX_SYSCALL_ENUM(nr, name, ...) LINUX_SYS_##name = nr,
	LINUX_SYSCALLS(LINUX_SYSCALL_ENUM)
#undef LINUX_SYSCALL_ENUM
};

#endif
