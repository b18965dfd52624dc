/*
 * rpc.h: the emulator <-> UNIX server interface, defined once.
 *
 * One request message carries one Linux system call: its number, its six
 * argument registers as the app passed them, and up to two input buffers
 * the emulator copied out of the app (paths, data to write, structures
 * the call reads). The reply carries the result and at most one output
 * buffer the emulator copies back into the app (data read, a struct stat).
 * UX_SERVER_CALLS below says, per call, which arguments are such buffers;
 * the emulator's marshalling and the server's dispatch table are both
 * expansions of it, so neither side writes a call's layout by hand.
 *
 * The server identifies the process by the port the request arrived on
 * (the task's bootstrap port), never by anything in the message, and
 * checks every field (DESIGN rules 3 and 4): the argument registers are
 * the app's and may be anything; in_len and out_cap are the emulator's and
 * are bounded by the message size.
 */
#ifndef UX_RPC_H
#define UX_RPC_H

#include <stdint.h>

#include "mk/message.h"

/* Message ids; a reply's is its request's + UX_REPLY_ID_OFFSET. */
#define UX_MSG_SYSCALL     0x75780001   /* struct ux_request -> struct ux_reply */
#define UX_MSG_LOG         0x75780002   /* struct ux_request: data is text for the
					 * system log (tracer lines); no reply */
#define UX_MSG_SIGNAL      0x75780003   /* struct ux_request (no arguments) ->
					 * struct ux_reply: result 1 with a
					 * struct ux_signal in data (a handler to
					 * run now, its mask already set), or 0 */
#define UX_REPLY_ID_OFFSET 100

/* Room for the buffers in one message (MK_MSG_SIZE_MAX in all). Larger
 * reads and writes are split by the emulator (UX_M_REPEAT) into chunks of
 * whole pages, so a pipe fills its pages as one Linux write would. */
#define UX_DATA_MAX        16384
#define UX_PATH_MAX        4096         /* Linux's PATH_MAX, NUL included */

struct ux_request {
	struct mk_msg_header header;
	uint32_t number;                /* the Linux system call */
	uint32_t in_len[2];             /* bytes of each input in data[], in order;
					 * 0 for an absent (NULL) one */
	uint32_t out_cap;               /* bytes the reply may carry back; 0: none */
	uint32_t flags;                 /* UX_RQ_* */
	uint32_t reserved;
	uint64_t arg[6];                /* the app's rdi, rsi, rdx, r10, r8, r9 */
	uint8_t data[UX_DATA_MAX];
};

/* A later chunk of a repeated read (UX_REPEAT), or readv's next vector:
 * the call has already moved bytes, so where it would wait it answers 0
 * instead, and the emulator returns what the earlier parts moved (Linux's
 * short read). Writes never send it: a blocking write waits until all of
 * it is written, as on Linux. */
#define UX_RQ_CONTINUATION 1

struct ux_reply {
	struct mk_msg_header header;
	int64_t result;                 /* >= 0, or -errno */
	uint32_t out_len;               /* bytes of data[] for the output buffer */
	uint32_t flags;                 /* UX_REPLY_* */
	uint8_t data[UX_DATA_MAX];
};

/* A signal with a handler is ready for the process: the emulator asks for
 * it (UX_MSG_SIGNAL) before returning to the app. */
#define UX_REPLY_SIGNAL 1u
/* The result of a waiting call a signal broke (Linux's ERESTARTSYS): the
 * emulator makes it restart after the handler if SA_RESTART, else EINTR.
 * Never seen by the app. */
#define UX_ERESTARTSYS 512

/* What the emulator needs to run a handler (UX_MSG_SIGNAL's answer). */
struct ux_signal {
	int32_t signo;
	uint32_t reserved;
	uint64_t handler, flags, restorer;      /* the sigaction as it was */
	uint64_t saved_mask;                    /* for the frame: sigreturn's mask */
	uint8_t info[128];                      /* Linux's siginfo_t */
};

_Static_assert(sizeof(struct ux_request) <= MK_MSG_SIZE_MAX, "one message");
_Static_assert(sizeof(struct ux_reply) <= MK_MSG_SIZE_MAX, "one message");
#define UX_REQUEST_HEAD ((uint32_t)(sizeof(struct ux_request) - UX_DATA_MAX))
#define UX_REPLY_HEAD   ((uint32_t)(sizeof(struct ux_reply) - UX_DATA_MAX))

/*
 * How one argument buffer travels. kind:
 *   UX_M_NONE   nothing
 *   UX_M_PATH   a NUL-terminated string at arg[ptr] (at most UX_PATH_MAX
 *               bytes with the NUL, else -ENAMETOOLONG from the emulator)
 *   UX_M_PATH_OR_NULL  the same, or absent when arg[ptr] is NULL (utimensat's
 *               "the descriptor itself"); the handler decides what NULL means
 *   UX_M_BUF    arg[len] * size bytes at arg[ptr] (input: all of them;
 *               output: the reply's out_len of them)
 *   UX_M_FIXED  size bytes at arg[ptr]; absent when arg[ptr] is NULL
 *   UX_M_IOCTL  ioctl's argument: sizes from the command (ux/ioctl.h)
 *   UX_M_ARGV   execve's two string vectors, arg[ptr] (argv) and arg[len]
 *               (envp), each NULL-terminated (a NULL vector is empty), as
 *               one struct ux_argv_block: the counts, then every string
 *               with its NUL, argv's first. More than fits: -E2BIG.
 * A NULL pointer for a BUF or PATH is copied as usual, so it gives -EFAULT
 * just as on Linux.
 */
enum ux_marshal_kind {
	UX_M_NONE, UX_M_PATH, UX_M_BUF, UX_M_FIXED, UX_M_IOCTL, UX_M_ARGV, UX_M_PATH_OR_NULL
};

struct ux_argv_block {
	uint32_t argc, envc;
	char strings[];
};

struct ux_marshal {
	uint8_t kind;
	uint8_t ptr;                    /* index of the pointer argument */
	uint8_t len;                    /* UX_M_BUF: index of the count argument */
	uint16_t size;                  /* FIXED: bytes; BUF: bytes per count */
};

#define UX_NONE          { UX_M_NONE, 0, 0, 0 }
#define UX_PATH(p)       { UX_M_PATH, p, 0, 0 }
#define UX_PATH_OR_NULL(p) { UX_M_PATH_OR_NULL, p, 0, 0 }
#define UX_BUF(p, l)     { UX_M_BUF, p, l, 1 }
#define UX_ARRAY(p, l, s) { UX_M_BUF, p, l, s }
#define UX_FIXED(p, s)   { UX_M_FIXED, p, 0, s }
#define UX_IOCTL         { UX_M_IOCTL, 2, 0, 0 }
#define UX_ARGV(a, e)    { UX_M_ARGV, a, e, 0 }

/* A read or write bigger than UX_DATA_MAX is repeated, chunk by chunk,
 * while each chunk moves all its bytes; UX_REPEAT_AT(n) also advances
 * argument n (the file offset of pread64/pwrite64) by each chunk. */
#define UX_ONCE          0
#define UX_REPEAT        1
#define UX_REPEAT_AT(n)  (2 + (n))

/* Sizes of the Linux structures that travel (x86-64). */
#define UX_SIZEOF_STAT      144
#define UX_SIZEOF_STATX     256
#define UX_SIZEOF_UTSNAME   390
#define UX_SIZEOF_SYSINFO   112
#define UX_SIZEOF_RLIMIT    16
#define UX_SIZEOF_SIGACTION 32          /* the kernel's struct sigaction */
#define UX_SIZEOF_SIGSET    8
#define UX_SIZEOF_CPUMASK   8           /* one CPU: the kernel's mask is a long */
#define UX_SIZEOF_COMM      16          /* TASK_COMM_LEN */
#define UX_SIZEOF_RESID     12          /* ux_resid */
#define UX_SIZEOF_TIMES     32          /* timespec[2] and timeval[2] */
#define UX_SIZEOF_UTIMBUF   16
#define UX_SIZEOF_STATFS    120
#define UX_SIZEOF_ITIMERVAL 32          /* two struct timeval */

/* getresuid / getresgid: the three ids at once; the emulator writes each
 * to its own pointer. */
struct ux_resid {
	uint32_t real, effective, saved;
};
_Static_assert(sizeof(struct ux_resid) == UX_SIZEOF_RESID, "three ids");

/* wait4: what the emulator writes to the app's status and rusage
 * (ru_utime: the child's CPU time; the kernel does not split it into user
 * and system time). */
struct ux_wait_result {
	int32_t status;
	uint32_t reserved;
	uint64_t cpu_ns;
};
#define UX_SIZEOF_WAIT_RESULT 16
_Static_assert(sizeof(struct ux_wait_result) == UX_SIZEOF_WAIT_RESULT, "status, time");

/*
 * The calls the server answers: X(name, input 0, input 1, output, repeat).
 * `name` is the Linux call (linux_syscalls.h gives its number).
 *
 * getresuid, getresgid, prctl and wait4 are sent only by the emulator's
 * own handlers (emulator/local/proc.c, fork.c), whose buffers these rows
 * describe, not the app's: the app's call has two or three output
 * pointers, or a pointer that only some prctl options have. fork and
 * vfork come from there too (clone is one of them to the server).
 */
#define UX_SERVER_CALLS(X)                                                     \
	X(read,        UX_NONE, UX_NONE, UX_BUF(1, 2), UX_REPEAT)             \
	X(write,       UX_BUF(1, 2), UX_NONE, UX_NONE, UX_REPEAT)             \
	X(pread64,     UX_NONE, UX_NONE, UX_BUF(1, 2), UX_REPEAT_AT(3))       \
	X(pwrite64,    UX_BUF(1, 2), UX_NONE, UX_NONE, UX_REPEAT_AT(3))       \
	X(open,        UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(openat,      UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(close,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(lseek,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(stat,        UX_PATH(0), UX_NONE, UX_FIXED(1, UX_SIZEOF_STAT), UX_ONCE) \
	X(lstat,       UX_PATH(0), UX_NONE, UX_FIXED(1, UX_SIZEOF_STAT), UX_ONCE) \
	X(fstat,       UX_NONE, UX_NONE, UX_FIXED(1, UX_SIZEOF_STAT), UX_ONCE) \
	X(newfstatat,  UX_PATH(1), UX_NONE, UX_FIXED(2, UX_SIZEOF_STAT), UX_ONCE) \
	X(statx,       UX_PATH(1), UX_NONE, UX_FIXED(4, UX_SIZEOF_STATX), UX_ONCE) \
	X(getdents64,  UX_NONE, UX_NONE, UX_BUF(1, 2), UX_ONCE)               \
	X(ioctl,       UX_IOCTL, UX_NONE, UX_IOCTL, UX_ONCE)                   \
	X(poll,        UX_ARRAY(0, 1, 8), UX_NONE, UX_ARRAY(0, 1, 8), UX_ONCE) \
	X(fcntl,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(dup,         UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(dup2,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(dup3,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(pipe,        UX_NONE, UX_NONE, UX_FIXED(0, 8), UX_ONCE)              \
	X(pipe2,       UX_NONE, UX_NONE, UX_FIXED(0, 8), UX_ONCE)              \
	X(access,      UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(faccessat,   UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(faccessat2,  UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(getcwd,      UX_NONE, UX_NONE, UX_BUF(0, 1), UX_ONCE)               \
	X(chdir,       UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(fchdir,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(mkdir,       UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(mkdirat,     UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(unlink,      UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(unlinkat,    UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(rmdir,       UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(rename,      UX_PATH(0), UX_PATH(1), UX_NONE, UX_ONCE)               \
	X(renameat,    UX_PATH(1), UX_PATH(3), UX_NONE, UX_ONCE)               \
	X(renameat2,   UX_PATH(1), UX_PATH(3), UX_NONE, UX_ONCE)               \
	X(link,        UX_PATH(0), UX_PATH(1), UX_NONE, UX_ONCE)               \
	X(linkat,      UX_PATH(1), UX_PATH(3), UX_NONE, UX_ONCE)               \
	X(symlink,     UX_PATH(0), UX_PATH(1), UX_NONE, UX_ONCE)               \
	X(symlinkat,   UX_PATH(0), UX_PATH(2), UX_NONE, UX_ONCE)               \
	X(readlink,    UX_PATH(0), UX_NONE, UX_BUF(1, 2), UX_ONCE)            \
	X(readlinkat,  UX_PATH(1), UX_NONE, UX_BUF(2, 3), UX_ONCE)            \
	X(truncate,    UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(ftruncate,   UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(chmod,       UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(fchmod,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(fchmodat,    UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(utimensat,   UX_FIXED(2, UX_SIZEOF_TIMES), UX_PATH_OR_NULL(1), UX_NONE, UX_ONCE) \
	X(futimesat,   UX_FIXED(2, UX_SIZEOF_TIMES), UX_PATH_OR_NULL(1), UX_NONE, UX_ONCE) \
	X(utimes,      UX_FIXED(1, UX_SIZEOF_TIMES), UX_PATH(0), UX_NONE, UX_ONCE) \
	X(utime,       UX_FIXED(1, UX_SIZEOF_UTIMBUF), UX_PATH(0), UX_NONE, UX_ONCE) \
	X(chown,       UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(fchown,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(lchown,      UX_PATH(0), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(fchownat,    UX_PATH(1), UX_NONE, UX_NONE, UX_ONCE)                  \
	X(statfs,      UX_PATH(0), UX_NONE, UX_FIXED(1, UX_SIZEOF_STATFS), UX_ONCE) \
	X(fstatfs,     UX_NONE, UX_NONE, UX_FIXED(1, UX_SIZEOF_STATFS), UX_ONCE) \
	X(fsync,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(fdatasync,   UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(syncfs,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(sync,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(fadvise64,   UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(fallocate,   UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(umask,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getpid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getppid,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(gettid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getuid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(geteuid,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getgid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getegid,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getpgid,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getpgrp,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getsid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(setpgid,     UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(setsid,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(getgroups,   UX_NONE, UX_NONE, UX_ARRAY(1, 0, 4), UX_ONCE)          \
	X(getresuid,   UX_NONE, UX_NONE, UX_FIXED(0, UX_SIZEOF_RESID), UX_ONCE) \
	X(getresgid,   UX_NONE, UX_NONE, UX_FIXED(0, UX_SIZEOF_RESID), UX_ONCE) \
	X(prctl,       UX_FIXED(1, UX_SIZEOF_COMM), UX_NONE,                   \
	  UX_FIXED(1, UX_SIZEOF_COMM), UX_ONCE)                                \
	X(sched_getaffinity, UX_NONE, UX_NONE, UX_BUF(2, 1), UX_ONCE)          \
	X(sched_setaffinity, UX_FIXED(2, UX_SIZEOF_CPUMASK), UX_NONE, UX_NONE, UX_ONCE) \
	X(uname,       UX_NONE, UX_NONE, UX_FIXED(0, UX_SIZEOF_UTSNAME), UX_ONCE) \
	X(sysinfo,     UX_NONE, UX_NONE, UX_FIXED(0, UX_SIZEOF_SYSINFO), UX_ONCE) \
	X(getrandom,   UX_NONE, UX_NONE, UX_BUF(0, 1), UX_REPEAT)            \
	X(prlimit64,   UX_FIXED(2, UX_SIZEOF_RLIMIT), UX_NONE,                 \
	  UX_FIXED(3, UX_SIZEOF_RLIMIT), UX_ONCE)                              \
	X(getrlimit,   UX_NONE, UX_NONE, UX_FIXED(1, UX_SIZEOF_RLIMIT), UX_ONCE) \
	X(setrlimit,   UX_FIXED(1, UX_SIZEOF_RLIMIT), UX_NONE, UX_NONE, UX_ONCE) \
	X(rt_sigaction, UX_FIXED(1, UX_SIZEOF_SIGACTION), UX_NONE,             \
	  UX_FIXED(2, UX_SIZEOF_SIGACTION), UX_ONCE)                           \
	X(rt_sigprocmask, UX_FIXED(1, UX_SIZEOF_SIGSET), UX_NONE,              \
	  UX_FIXED(2, UX_SIZEOF_SIGSET), UX_ONCE)                              \
	X(fork,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(vfork,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(wait4,       UX_NONE, UX_NONE, UX_FIXED(1, UX_SIZEOF_WAIT_RESULT), UX_ONCE) \
	X(kill,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(alarm,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(setitimer,   UX_FIXED(1, UX_SIZEOF_ITIMERVAL), UX_NONE,              \
	  UX_FIXED(2, UX_SIZEOF_ITIMERVAL), UX_ONCE)                           \
	X(getitimer,   UX_NONE, UX_NONE, UX_FIXED(1, UX_SIZEOF_ITIMERVAL), UX_ONCE) \
	X(tkill,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(tgkill,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(rt_sigsuspend, UX_FIXED(0, UX_SIZEOF_SIGSET), UX_NONE, UX_NONE, UX_ONCE) \
	X(pause,       UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(rt_sigpending, UX_NONE, UX_NONE, UX_FIXED(0, UX_SIZEOF_SIGSET), UX_ONCE) \
	X(execve,      UX_PATH(0), UX_ARGV(1, 2), UX_NONE, UX_ONCE)            \
	X(exit,        UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(exit_group,  UX_NONE, UX_NONE, UX_NONE, UX_ONCE)                     \
	X(reboot,      UX_NONE, UX_NONE, UX_NONE, UX_ONCE)

struct ux_call_marshal {
	struct ux_marshal in[2], out;
	uint8_t repeat;
};

#endif
