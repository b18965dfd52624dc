/*
 * trace_xlat.c: the named constants and flag sets of the Linux ABI, in the
 * order strace prints them, and the printers for each argument format made
 * of them. Values are Linux's x86-64 ones (man pages, include/uapi).
 */
#include "trace_xlat.h"

#define X_(name, val) { val, #name }

static const struct xlat open_access[] = {
	X_(O_RDONLY, 0), X_(O_WRONLY, 1), X_(O_RDWR, 2), X_(O_ACCMODE, 3),
};

/* O_SYNC includes O_DSYNC's bit, so it goes first; O_TMPFILE includes
 * O_DIRECTORY's, which out_open_flags drops when both are there. */
static const struct xlat open_flags[] = {
	X_(O_CREAT, 0100), X_(O_EXCL, 0200), X_(O_NOCTTY, 0400),
	X_(O_TRUNC, 01000), X_(O_APPEND, 02000), X_(O_NONBLOCK, 04000),
	X_(O_SYNC, 04010000), X_(O_DSYNC, 010000), X_(O_DIRECT, 040000),
	X_(O_LARGEFILE, 0100000), X_(O_DIRECTORY, 0200000),
	X_(O_NOFOLLOW, 0400000), X_(O_NOATIME, 01000000),
	X_(O_CLOEXEC, 02000000), X_(O_PATH, 010000000),
	X_(O_TMPFILE, 020000000), X_(FASYNC, 020000),
};

static const struct xlat fd_flags[] = { X_(FD_CLOEXEC, 1) };

static const struct xlat at_flags[] = {
	X_(AT_SYMLINK_NOFOLLOW, 0x100), X_(AT_REMOVEDIR, 0x200),
	X_(AT_SYMLINK_FOLLOW, 0x400), X_(AT_NO_AUTOMOUNT, 0x800),
	X_(AT_EMPTY_PATH, 0x1000), X_(AT_RECURSIVE, 0x8000),
};

static const struct xlat at_eaccess_flags[] = {
	X_(AT_SYMLINK_NOFOLLOW, 0x100), X_(AT_EACCESS, 0x200),
	X_(AT_EMPTY_PATH, 0x1000),
};

static const struct xlat statx_flags[] = {
	X_(AT_SYMLINK_NOFOLLOW, 0x100), X_(AT_NO_AUTOMOUNT, 0x800),
	X_(AT_EMPTY_PATH, 0x1000), X_(AT_STATX_FORCE_SYNC, 0x2000),
	X_(AT_STATX_DONT_SYNC, 0x4000),
};

static const struct xlat statx_mask[] = {
	X_(STATX_ALL, 0xfff), X_(STATX_BASIC_STATS, 0x7ff),
	X_(STATX_TYPE, 0x1), X_(STATX_MODE, 0x2), X_(STATX_NLINK, 0x4),
	X_(STATX_UID, 0x8), X_(STATX_GID, 0x10), X_(STATX_ATIME, 0x20),
	X_(STATX_MTIME, 0x40), X_(STATX_CTIME, 0x80), X_(STATX_INO, 0x100),
	X_(STATX_SIZE, 0x200), X_(STATX_BLOCKS, 0x400), X_(STATX_BTIME, 0x800),
	X_(STATX_MNT_ID, 0x1000), X_(STATX_DIOALIGN, 0x2000),
};

static const struct xlat access_modes[] = {
	X_(R_OK, 4), X_(W_OK, 2), X_(X_OK, 1),
};

static const struct xlat whences[] = {
	X_(SEEK_SET, 0), X_(SEEK_CUR, 1), X_(SEEK_END, 2),
	X_(SEEK_DATA, 3), X_(SEEK_HOLE, 4),
};

static const struct xlat prots[] = {
	X_(PROT_READ, 1), X_(PROT_WRITE, 2), X_(PROT_EXEC, 4), X_(PROT_SEM, 8),
	X_(PROT_GROWSDOWN, 0x01000000), X_(PROT_GROWSUP, 0x02000000),
};

static const struct xlat map_types[] = {
	X_(MAP_SHARED, 1), X_(MAP_PRIVATE, 2), X_(MAP_SHARED_VALIDATE, 3),
};

static const struct xlat map_flags[] = {
	X_(MAP_FIXED, 0x10), X_(MAP_ANONYMOUS, 0x20), X_(MAP_32BIT, 0x40),
	X_(MAP_NORESERVE, 0x4000), X_(MAP_POPULATE, 0x8000),
	X_(MAP_NONBLOCK, 0x10000), X_(MAP_GROWSDOWN, 0x100),
	X_(MAP_DENYWRITE, 0x800), X_(MAP_EXECUTABLE, 0x1000),
	X_(MAP_LOCKED, 0x2000), X_(MAP_STACK, 0x20000),
	X_(MAP_HUGETLB, 0x40000), X_(MAP_SYNC, 0x80000),
	X_(MAP_FIXED_NOREPLACE, 0x100000),
};

static const struct xlat mremap_flags[] = {
	X_(MREMAP_MAYMOVE, 1), X_(MREMAP_FIXED, 2), X_(MREMAP_DONTUNMAP, 4),
};

static const struct xlat madvices[] = {
	X_(MADV_NORMAL, 0), X_(MADV_RANDOM, 1), X_(MADV_SEQUENTIAL, 2),
	X_(MADV_WILLNEED, 3), X_(MADV_DONTNEED, 4), X_(MADV_FREE, 8),
	X_(MADV_REMOVE, 9), X_(MADV_DONTFORK, 10), X_(MADV_DOFORK, 11),
	X_(MADV_MERGEABLE, 12), X_(MADV_UNMERGEABLE, 13),
	X_(MADV_HUGEPAGE, 14), X_(MADV_NOHUGEPAGE, 15),
	X_(MADV_DONTDUMP, 16), X_(MADV_DODUMP, 17), X_(MADV_WIPEONFORK, 18),
	X_(MADV_KEEPONFORK, 19), X_(MADV_COLD, 20), X_(MADV_PAGEOUT, 21),
	X_(MADV_POPULATE_READ, 22), X_(MADV_POPULATE_WRITE, 23),
	X_(MADV_DONTNEED_LOCKED, 24), X_(MADV_HWPOISON, 100),
	X_(MADV_SOFT_OFFLINE, 101),
};

static const char *const signal_names[32] = {
	[1] = "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
	"SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2",
	"SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
	"SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
	"SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR",
	"SIGSYS",
};

static const struct xlat sighows[] = {
	X_(SIG_BLOCK, 0), X_(SIG_UNBLOCK, 1), X_(SIG_SETMASK, 2),
};

static const struct xlat clockids[] = {
	X_(CLOCK_REALTIME, 0), X_(CLOCK_MONOTONIC, 1),
	X_(CLOCK_PROCESS_CPUTIME_ID, 2), X_(CLOCK_THREAD_CPUTIME_ID, 3),
	X_(CLOCK_MONOTONIC_RAW, 4), X_(CLOCK_REALTIME_COARSE, 5),
	X_(CLOCK_MONOTONIC_COARSE, 6), X_(CLOCK_BOOTTIME, 7),
	X_(CLOCK_REALTIME_ALARM, 8), X_(CLOCK_BOOTTIME_ALARM, 9),
	X_(CLOCK_TAI, 11),
};

static const struct xlat fcntl_cmds[] = {
	X_(F_DUPFD, 0), X_(F_GETFD, 1), X_(F_SETFD, 2), X_(F_GETFL, 3),
	X_(F_SETFL, 4), X_(F_GETLK, 5), X_(F_SETLK, 6), X_(F_SETLKW, 7),
	X_(F_SETOWN, 8), X_(F_GETOWN, 9), X_(F_SETSIG, 10), X_(F_GETSIG, 11),
	X_(F_SETOWN_EX, 15), X_(F_GETOWN_EX, 16), X_(F_GETOWNER_UIDS, 17),
	X_(F_OFD_GETLK, 36), X_(F_OFD_SETLK, 37), X_(F_OFD_SETLKW, 38),
	X_(F_SETLEASE, 1024), X_(F_GETLEASE, 1025), X_(F_NOTIFY, 1026),
	X_(F_DUPFD_CLOEXEC, 1030), X_(F_SETPIPE_SZ, 1031),
	X_(F_GETPIPE_SZ, 1032), X_(F_ADD_SEALS, 1033), X_(F_GET_SEALS, 1034),
};

static const struct xlat ioctl_cmds[] = {
	X_(TCGETS, 0x5401), X_(TCSETS, 0x5402), X_(TCSETSW, 0x5403),
	X_(TCSETSF, 0x5404), X_(TCGETA, 0x5405), X_(TCSETA, 0x5406),
	X_(TCSETAW, 0x5407), X_(TCSETAF, 0x5408), X_(TCSBRK, 0x5409),
	X_(TCXONC, 0x540a), X_(TCFLSH, 0x540b), X_(TIOCEXCL, 0x540c),
	X_(TIOCNXCL, 0x540d), X_(TIOCSCTTY, 0x540e), X_(TIOCGPGRP, 0x540f),
	X_(TIOCSPGRP, 0x5410), X_(TIOCOUTQ, 0x5411), X_(TIOCSTI, 0x5412),
	X_(TIOCGWINSZ, 0x5413), X_(TIOCSWINSZ, 0x5414), X_(FIONREAD, 0x541b),
	X_(TIOCNOTTY, 0x5422), X_(TIOCGSID, 0x5429), X_(FIONBIO, 0x5421),
	X_(FIONCLEX, 0x5450), X_(FIOCLEX, 0x5451), X_(FIOASYNC, 0x5452),
	X_(TIOCGPTN, 0x80045430), X_(TIOCSPTLCK, 0x40045431),
};

static const struct xlat rlimits[] = {
	X_(RLIMIT_CPU, 0), X_(RLIMIT_FSIZE, 1), X_(RLIMIT_DATA, 2),
	X_(RLIMIT_STACK, 3), X_(RLIMIT_CORE, 4), X_(RLIMIT_RSS, 5),
	X_(RLIMIT_NPROC, 6), X_(RLIMIT_NOFILE, 7), X_(RLIMIT_MEMLOCK, 8),
	X_(RLIMIT_AS, 9), X_(RLIMIT_LOCKS, 10), X_(RLIMIT_SIGPENDING, 11),
	X_(RLIMIT_MSGQUEUE, 12), X_(RLIMIT_NICE, 13), X_(RLIMIT_RTPRIO, 14),
	X_(RLIMIT_RTTIME, 15),
};

static const struct xlat arch_prctl_codes[] = {
	X_(ARCH_SET_GS, 0x1001), X_(ARCH_SET_FS, 0x1002),
	X_(ARCH_GET_FS, 0x1003), X_(ARCH_GET_GS, 0x1004),
	X_(ARCH_GET_CPUID, 0x1011), X_(ARCH_SET_CPUID, 0x1012),
};

static const struct xlat rename_flags[] = {
	X_(RENAME_NOREPLACE, 1), X_(RENAME_EXCHANGE, 2), X_(RENAME_WHITEOUT, 4),
};

static const struct xlat grnd_flags[] = {
	X_(GRND_NONBLOCK, 1), X_(GRND_RANDOM, 2), X_(GRND_INSECURE, 4),
};

#define FLAGS(o, t, v, zero) out_flags(o, t, XLAT_COUNT(t), v, zero)
#define ENUM(o, t, v, prefix) out_enum(o, t, XLAT_COUNT(t), (uint32_t)(v), prefix)

void out_open_flags(struct trace_out *o, uint64_t v)
{
	uint32_t f = (uint32_t)v;

	out_str(o, open_access[f & 3].name);
	f &= ~3u;
	if ((f & LX_O_TMPFILE) == LX_O_TMPFILE)
		f &= ~0200000u;
	if (f) {
		out_char(o, '|');
		FLAGS(o, open_flags, f, "0");
	}
}

void out_fd_flags_result(struct trace_out *o, uint64_t v)
{
	FLAGS(o, fd_flags, v, "0");
}

/* Access mode, O_RDONLY included, only when some bit is set. */
static void out_fd_open_flags(struct trace_out *o, uint64_t v)
{
	FLAGS(o, open_flags, (uint32_t)v, "0");
}

static void out_map_flags(struct trace_out *o, uint64_t v)
{
	uint32_t f = (uint32_t)v, type = f & 0xf, huge = f >> 26;
	bool any = type != 0;

	if (any)
		ENUM(o, map_types, type, "MAP_");
	f &= 0x03fffff0;
	if (f) {
		if (any)
			out_char(o, '|');
		FLAGS(o, map_flags, f, "0");
		any = true;
	}
	if (huge) {
		if (any)
			out_char(o, '|');
		out_udec(o, huge);
		out_str(o, "<<MAP_HUGE_SHIFT");
		any = true;
	}
	if (!any)
		out_str(o, "MAP_FILE");
}

static void out_signum(struct trace_out *o, uint64_t v)
{
	uint32_t sig = (uint32_t)v;

	if (sig > 0 && sig < 32) {
		out_str(o, signal_names[sig]);
	} else if (sig == 32) {
		out_str(o, "SIGRTMIN");
	} else if (sig > 32 && sig <= 64) {
		out_str(o, "SIGRT_");
		out_udec(o, sig - 32);
	} else {
		out_dec(o, (int32_t)sig);
	}
}

bool ioctl_is_known(uint32_t cmd)
{
	for (size_t i = 0; i < XLAT_COUNT(ioctl_cmds); i++)
		if (ioctl_cmds[i].val == cmd)
			return true;
	return false;
}

static const struct xlat ioc_dirs[] = {
	X_(_IOC_NONE, 0), X_(_IOC_WRITE, 1), X_(_IOC_READ, 2),
	X_(_IOC_READ|_IOC_WRITE, 3),
};

/* A command with no name is shown by its fields: direction, type, number
 * and size, as the _IOC macro builds it. */
static void out_ioctl_cmd(struct trace_out *o, uint64_t v)
{
	uint32_t cmd = (uint32_t)v;

	if (ioctl_is_known(cmd)) {
		ENUM(o, ioctl_cmds, cmd, "");
		return;
	}
	out_str(o, "_IOC(");
	out_str(o, ioc_dirs[cmd >> 30].name);
	out_str(o, ", ");
	out_hex(o, (cmd >> 8) & 0xff);
	out_str(o, ", ");
	out_hex(o, cmd & 0xff);
	out_str(o, ", ");
	out_hex(o, (cmd >> 16) & 0x3fff);
	out_char(o, ')');
}

static void out_dirfd(struct trace_out *o, uint64_t v)
{
	if ((int32_t)v == LX_AT_FDCWD)
		out_str(o, "AT_FDCWD");
	else
		out_dec(o, (int32_t)v);
}

static void out_statx_flags(struct trace_out *o, uint64_t v)
{
	uint32_t f = (uint32_t)v;

	out_str(o, "AT_STATX_SYNC_AS_STAT");
	if (f) {
		out_char(o, '|');
		FLAGS(o, statx_flags, f, "0");
	}
}

bool out_named(struct trace_out *o, enum linux_arg fmt, uint64_t v)
{
	switch (fmt) {
	case A_DIRFD: out_dirfd(o, v); break;
	case A_OPEN_FLAGS: out_open_flags(o, v); break;
	case A_FD_FLAGS: out_fd_open_flags(o, v); break;
	case A_AT_FLAGS: FLAGS(o, at_flags, (uint32_t)v, "0"); break;
	case A_AT_EACCESS: FLAGS(o, at_eaccess_flags, (uint32_t)v, "0"); break;
	case A_STATX_FLAGS: out_statx_flags(o, v); break;
	case A_STATX_MASK: FLAGS(o, statx_mask, (uint32_t)v, "0"); break;
	case A_ACCESS_MODE: FLAGS(o, access_modes, (uint32_t)v, "F_OK"); break;
	case A_WHENCE: ENUM(o, whences, v, "SEEK_"); break;
	case A_PROT: FLAGS(o, prots, v, "PROT_NONE"); break;
	case A_MAP_FLAGS: out_map_flags(o, v); break;
	case A_MREMAP_FLAGS: FLAGS(o, mremap_flags, v, "0"); break;
	case A_MADVICE: ENUM(o, madvices, v, "MADV_"); break;
	case A_SIGNUM: out_signum(o, v); break;
	case A_SIGHOW: ENUM(o, sighows, v, "SIG_"); break;
	case A_CLOCKID: ENUM(o, clockids, v, "CLOCK_"); break;
	case A_FCNTL_CMD: ENUM(o, fcntl_cmds, v, "F_"); break;
	case A_IOCTL_CMD: out_ioctl_cmd(o, v); break;
	case A_RLIMIT: ENUM(o, rlimits, v, "RLIMIT_"); break;
	case A_ARCH_PRCTL: ENUM(o, arch_prctl_codes, v, "ARCH_"); break;
	case A_RENAME_FLAGS: FLAGS(o, rename_flags, (uint32_t)v, "0"); break;
	case A_GRND_FLAGS: FLAGS(o, grnd_flags, (uint32_t)v, "0"); break;
	default: return false;
	}
	return true;
}

bool fcntl_has_arg(uint32_t cmd)
{
	switch (cmd) {
	case 1: case 3: case 9: case 11: case 1025: case 1032: case 1034:
		return false;   /* the F_GET* that take nothing */
	default:
		return true;
	}
}

void out_fcntl_arg(struct trace_out *o, uint32_t cmd, uint64_t v)
{
	switch (cmd) {
	case 0: case 8: case 1024: case 1030: case 1031:
		out_dec(o, (int32_t)v);         /* F_DUPFD, F_SETOWN, ... */
		break;
	case 2:
		FLAGS(o, fd_flags, v, "0");     /* F_SETFD */
		break;
	case 4:
		out_open_flags(o, v);           /* F_SETFL */
		break;
	case 10:
		out_signum(o, v);               /* F_SETSIG */
		break;
	case 5: case 6: case 7: case 15: case 16: case 17: case 36: case 37: case 38:
		out_ptr(o, v);                  /* struct flock and friends */
		break;
	default:
		out_hex(o, v);
		break;
	}
}
