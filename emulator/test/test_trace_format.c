/*
 * test_trace_format.c: the tracer's lines against what strace 6.1 printed
 * for the same calls on the host (the expected strings were checked by
 * running each call under strace; addresses are those of the fake process
 * memory below).
 */
#include <errno.h>
#include "trace/trace_format.c"
#include "trace/trace_out.c"
#include "trace/trace_xlat.c"
#include "unit.h"

/* The traced process's memory: a few readable ranges; the rest faults. */
struct region {
	uint64_t addr;
	const char *data;
	size_t len;
};

static struct region regions[8];
static int nregions;
static int reads;

static void map(uint64_t addr, const char *data, size_t len)
{
	regions[nregions++] = (struct region){ addr, data, len };
}

static int fake_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	reads++;
	for (int i = 0; i < nregions; i++) {
		struct region *r = &regions[i];

		if (addr >= r->addr && addr + len <= r->addr + r->len) {
			memcpy(buf, r->data + (addr - r->addr), len);
			return 0;
		}
	}
	return -EFAULT;
}

static char line[512];

static const char *fmt(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		       uint64_t a3, uint64_t a4, uint64_t a5, int64_t ret)
{
	struct trace_call c = { nr, { a0, a1, a2, a3, a4, a5 }, ret };

	trace_format(line, sizeof(line), &c, fake_read, NULL);
	return line;
}

#define S1 0x10000   /* where strings live in the fake process */
#define S2 0x20000
#define BAD 0x8

static void reset(void)
{
	nregions = 0;
	reads = 0;
}

static void openat_path_and_flags(void)
{
	reset();
	map(S1, "/etc/passwd", 12);
	UNIT_CHECK_STR(fmt(257, -100, S1, 02000000, 0, 0, 0, 3),
		       "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
}

static void open_mode_shown_only_with_creat(void)
{
	reset();
	map(S1, "zz", 3);
	UNIT_CHECK_STR(fmt(2, S1, 0101, 0666, 0, 0, 0, 6),
		       "open(\"zz\", O_WRONLY|O_CREAT, 0666) = 6");
	UNIT_CHECK_STR(fmt(2, S1, 0200000, 0666, 0, 0, 0, 5),
		       "open(\"zz\", O_RDONLY|O_DIRECTORY) = 5");
}

static void open_flags_in_strace_order(void)
{
	reset();
	map(S1, "x", 2);
	map(S2, "/tmp", 5);
	UNIT_CHECK_STR(fmt(257, -100, S1, 2 | 0400 | 04010000 | 0400000 | 02000000, 0, 0, 0, -2),
		       "openat(AT_FDCWD, \"x\", O_RDWR|O_NOCTTY|O_SYNC|O_NOFOLLOW|O_CLOEXEC)"
		       " = -1 ENOENT (No such file or directory)");
	UNIT_CHECK_STR(fmt(257, -100, S2, 2 | 020200000, 0600, 0, 0, 3),
		       "openat(AT_FDCWD, \"/tmp\", O_RDWR|O_TMPFILE, 0600) = 3");
	UNIT_CHECK_STR(fmt(257, -100, S2, 3 | 010000 | 040000 | 01000000 | 010000000 | 020000, 0, 0, 0, 4),
		       "openat(AT_FDCWD, \"/tmp\", O_ACCMODE|O_DSYNC|O_DIRECT|O_NOATIME|O_PATH|FASYNC) = 4");
	UNIT_CHECK_STR(fmt(257, -100, S1, 1 | 0200 | 01000 | 040000 | 0400000 | 02000000 | 020200000 | 020000, 0, 0, 0, -2),
		       "openat(AT_FDCWD, \"x\", O_WRONLY|O_EXCL|O_TRUNC|O_DIRECT|O_NOFOLLOW|O_CLOEXEC|O_TMPFILE|FASYNC, 000)"
		       " = -1 ENOENT (No such file or directory)");
}

static void unknown_flag_bits_in_hex(void)
{
	reset();
	UNIT_CHECK_STR(fmt(257, -100, 0x10, 01 | 0100 | 0200 | 01000 | 02000 | 04000 | 0200000 | 0x40000000, 0644, 0, 0, -22),
		       "openat(AT_FDCWD, 0x10, O_WRONLY|O_CREAT|O_EXCL|O_TRUNC|O_APPEND|O_NONBLOCK|O_DIRECTORY|0x40000000, 0644)"
		       " = -1 EINVAL (Invalid argument)");
}

static void read_shows_what_was_read(void)
{
	reset();
	map(S1, "root:x:0:0", 10);
	UNIT_CHECK_STR(fmt(0, 3, S1, 4, 0, 0, 0, 4), "read(3, \"root\", 4) = 4");
	UNIT_CHECK_STR(fmt(0, 0, S1, 0, 0, 0, 0, 0), "read(0, \"\", 0) = 0");
}

static void long_buffer_cut_at_32_bytes(void)
{
	static const char text[] = ":x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin"
		":/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\n";

	reset();
	map(S1, text, sizeof(text));
	UNIT_CHECK_STR(fmt(0, 3, S1, 100, 0, 0, 0, 100),
		       "read(3, \":x:0:0:root:/root:/bin/bash\\ndaem\"..., 100) = 100");
}

static void failed_read_shows_address(void)
{
	reset();
	map(0x7ffc30977990, "0123456789", 10);
	UNIT_CHECK_STR(fmt(0, 99, 0x7ffc30977990, 10, 0, 0, 0, -9),
		       "read(99, 0x7ffc30977990, 10) = -1 EBADF (Bad file descriptor)");
}

static void write_escapes_like_strace(void)
{
	reset();
	map(S1, "hi\n\0\1\x7f" "9\t\"\\\0", 11);
	map(S2, "\0" "9\0" "7\1" "a\033[0m\r\v\f\a", 14);
	UNIT_CHECK_STR(fmt(1, 1, S1, 11, 0, 0, 0, 11),
		       "write(1, \"hi\\n\\0\\1\\1779\\t\\\"\\\\\\0\", 11) = 11");
	UNIT_CHECK_STR(fmt(1, 1, S2, 14, 0, 0, 0, 14),
		       "write(1, \"\\09\\0007\\1a\\33[0m\\r\\v\\f\\7\", 14) = 14");
}

static void high_bytes_in_octal(void)
{
	reset();
	map(S1, "\377\376\375\374\373abc", 8);
	UNIT_CHECK_STR(fmt(1, 1, S1, 8, 0, 0, 0, 8),
		       "write(1, \"\\377\\376\\375\\374\\373abc\", 8) = 8");
}

static void unreadable_buffer_shows_address(void)
{
	reset();
	UNIT_CHECK_STR(fmt(1, 1, BAD, 3, 0, 0, 0, 3), "write(1, 0x8, 3) = 3");
	UNIT_CHECK_STR(fmt(4, 0, 0, 0, 0, 0, 0, -14), "stat(NULL, NULL) = -1 EFAULT (Bad address)");
}

static void string_ending_before_unreadable_page_is_read(void)
{
	reset();
	map(0x30000 - 3, "/a", 3);
	UNIT_CHECK_STR(fmt(87, 0x30000 - 3, 0, 0, 0, 0, 0, 0), "unlink(\"/a\") = 0");
}

static void long_path_is_printed_in_full(void)
{
	static const char path[] = "/nonexistent/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

	reset();
	map(S1, path, sizeof(path));
	fmt(257, -100, S1, 2, 0, 0, 0, -2);
	UNIT_CHECK(strstr(line, path) != NULL);
	UNIT_CHECK(strstr(line, "\", O_RDWR) = -1 ENOENT") != NULL);
}

static void modes_and_umask_in_octal(void)
{
	reset();
	map(S1, "d", 2);
	UNIT_CHECK_STR(fmt(83, S1, 0, 0, 0, 0, 0, 0), "mkdir(\"d\", 000) = 0");
	UNIT_CHECK_STR(fmt(83, S1, 01777, 0, 0, 0, 0, -17), "mkdir(\"d\", 01777) = -1 EEXIST (File exists)");
	UNIT_CHECK_STR(fmt(95, 022, 0, 0, 0, 0, 0, 022), "umask(022) = 022");
	UNIT_CHECK_STR(fmt(95, 0, 0, 0, 0, 0, 0, 022), "umask(000) = 022");
}

static void unknown_number_named_by_hex(void)
{
	reset();
	UNIT_CHECK_STR(fmt(500, 1, 2, 3, 4, 5, 6, -38),
		       "syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)");
	UNIT_CHECK_STR(fmt(335, 0, 0, 0, 0, 0, 0, -38),
		       "syscall_0x14f(0, 0, 0, 0, 0, 0) = -1 ENOSYS (Function not implemented)");
}

static void signals_by_name(void)
{
	reset();
	UNIT_CHECK_STR(fmt(13, 37, 0, 0, 8, 0, 0, 0), "rt_sigaction(SIGRT_5, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(13, 32, 0, 0, 8, 0, 0, 0), "rt_sigaction(SIGRTMIN, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(13, 64, 0, 0, 8, 0, 0, 0), "rt_sigaction(SIGRT_32, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(13, 65, 0, 0, 8, 0, 0, -22), "rt_sigaction(65, NULL, NULL, 8) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(13, 16, 0, 0, 8, 0, 0, 0), "rt_sigaction(SIGSTKFLT, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(13, 31, 0, 0, 8, 0, 0, 0), "rt_sigaction(SIGSYS, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(14, 0, 0, 0, 8, 0, 0, 0), "rt_sigprocmask(SIG_BLOCK, NULL, NULL, 8) = 0");
	UNIT_CHECK_STR(fmt(14, 5, 0, 0, 8, 0, 0, 0), "rt_sigprocmask(0x5 /* SIG_??? */, NULL, NULL, 8) = 0");
}

static void stat_family_flags(void)
{
	reset();
	map(S1, "/etc", 5);
	map(S2, "", 1);
	UNIT_CHECK_STR(fmt(332, -100, S1, 0, 0x7ff, 0x5000, 0, 0),
		       "statx(AT_FDCWD, \"/etc\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, 0x5000) = 0");
	UNIT_CHECK_STR(fmt(332, -100, S1, 0x100, 0xfff, 0x5000, 0, 0),
		       "statx(AT_FDCWD, \"/etc\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_ALL, 0x5000) = 0");
	UNIT_CHECK_STR(fmt(332, -100, S1, 0x100, 1, 0x5000, 0, 0),
		       "statx(AT_FDCWD, \"/etc\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW, STATX_TYPE, 0x5000) = 0");
	UNIT_CHECK_STR(fmt(262, -100, S1, 0x5000, 0, 0, 0, 0),
		       "newfstatat(AT_FDCWD, \"/etc\", 0x5000, 0) = 0");
	UNIT_CHECK_STR(fmt(262, 3, S2, 0x5000, 0x1100 | 0x10000, 0, 0, 0),
		       "newfstatat(3, \"\", 0x5000, AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH|0x10000) = 0");
}

static void mmap_family(void)
{
	reset();
	UNIT_CHECK_STR(fmt(9, 0, 4096, 3, 0x22, -1, 0, 0x7ff5f13f0000),
		       "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ff5f13f0000");
	UNIT_CHECK_STR(fmt(9, 0, 4096, 1, 2, 99, 0x2000, -9),
		       "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0x2000) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(9, 0x10000, 4096, 7, 0x8031, -1, 0, 0x10000),
		       "mmap(0x10000, 4096, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_SHARED|MAP_FIXED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = 0x10000");
	UNIT_CHECK_STR(fmt(9, 0, 4096, 0x01000011, 0x1f7942, -1, 0, -9),
		       "mmap(NULL, 4096, PROT_READ|PROT_GROWSDOWN|0x10, MAP_PRIVATE|MAP_32BIT|MAP_NORESERVE|MAP_NONBLOCK"
		       "|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|MAP_STACK|MAP_HUGETLB|MAP_SYNC"
		       "|MAP_FIXED_NOREPLACE, -1, 0) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(9, 0, 4096, 0, 0x4000003, -1, 0, -9),
		       "mmap(NULL, 4096, PROT_NONE, MAP_SHARED_VALIDATE|1<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(9, 0, 4096, 1, 0, -1, 0, -9),
		       "mmap(NULL, 4096, PROT_READ, MAP_FILE, -1, 0) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(10, 0x7ff5f13f0000, 4096, 0, 0, 0, 0, 0), "mprotect(0x7ff5f13f0000, 4096, PROT_NONE) = 0");
	UNIT_CHECK_STR(fmt(11, 0x7ff5f13f0000, 4096, 0, 0, 0, 0, 0), "munmap(0x7ff5f13f0000, 4096) = 0");
	UNIT_CHECK_STR(fmt(12, 0, 0, 0, 0, 0, 0, 0x55ec8f042000), "brk(NULL) = 0x55ec8f042000");
	UNIT_CHECK_STR(fmt(25, 0x7ff5f13f0000, 4096, 8192, 1, 0, 0, -14),
		       "mremap(0x7ff5f13f0000, 4096, 8192, MREMAP_MAYMOVE) = -1 EFAULT (Bad address)");
	UNIT_CHECK_STR(fmt(28, 0x7ff5f13f0000, 4096, 4, 0, 0, 0, -12),
		       "madvise(0x7ff5f13f0000, 4096, MADV_DONTNEED) = -1 ENOMEM (Cannot allocate memory)");
	UNIT_CHECK_STR(fmt(28, 0, 0, 0x4d, 0, 0, 0, -22),
		       "madvise(NULL, 0, 0x4d /* MADV_??? */) = -1 EINVAL (Invalid argument)");
}

static void fcntl_by_command(void)
{
	reset();
	UNIT_CHECK_STR(fmt(72, 0, 1, 0, 0, 0, 0, 0), "fcntl(0, F_GETFD) = 0");
	UNIT_CHECK_STR(fmt(72, 7, 1, 0, 0, 0, 0, 1), "fcntl(7, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	UNIT_CHECK_STR(fmt(72, 0, 2, 1, 0, 0, 0, 0), "fcntl(0, F_SETFD, FD_CLOEXEC) = 0");
	UNIT_CHECK_STR(fmt(72, 0, 2, 0, 0, 0, 0, 0), "fcntl(0, F_SETFD, 0) = 0");
	UNIT_CHECK_STR(fmt(72, 0, 4, 06000, 0, 0, 0, 0), "fcntl(0, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0");
	UNIT_CHECK_STR(fmt(72, 0, 0, 10, 0, 0, 0, 11), "fcntl(0, F_DUPFD, 10) = 11");
	UNIT_CHECK_STR(fmt(72, 0, 1030, 10, 0, 0, 0, 12), "fcntl(0, F_DUPFD_CLOEXEC, 10) = 12");
	UNIT_CHECK_STR(fmt(72, 0, 3, 0, 0, 0, 0, 0x8c00),
		       "fcntl(0, F_GETFL) = 0x8c00 (flags O_RDONLY|O_APPEND|O_NONBLOCK|O_LARGEFILE)");
	UNIT_CHECK_STR(fmt(72, 0, 3, 0, 0, 0, 0, -9), "fcntl(0, F_GETFL) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(72, 7, 999, 5, 0, 0, 0, -22),
		       "fcntl(7, 0x3e7 /* F_??? */, 0x5) = -1 EINVAL (Invalid argument)");
}

static void ioctl_known_and_unknown(void)
{
	reset();
	UNIT_CHECK_STR(fmt(16, 0, 0x5401, 0x7ffc5877af70, 0, 0, 0, -25),
		       "ioctl(0, TCGETS, 0x7ffc5877af70) = -1 ENOTTY (Inappropriate ioctl for device)");
	UNIT_CHECK_STR(fmt(16, 0, 0x5413, 0x7ffc5877af70, 0, 0, 0, -25),
		       "ioctl(0, TIOCGWINSZ, 0x7ffc5877af70) = -1 ENOTTY (Inappropriate ioctl for device)");
	UNIT_CHECK_STR(fmt(16, 0, 0x1234, 5, 0, 0, 0, -25),
		       "ioctl(0, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x5) = -1 ENOTTY (Inappropriate ioctl for device)");
	UNIT_CHECK_STR(fmt(16, 0, 0xc0105599, 0, 0, 0, 0, -25),
		       "ioctl(0, _IOC(_IOC_READ|_IOC_WRITE, 0x55, 0x99, 0x10), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
}

static void seek_access_and_at_flags(void)
{
	reset();
	map(S1, "/etc", 5);
	map(S2, "nope", 5);
	UNIT_CHECK_STR(fmt(8, -1, -5, 0, 0, 0, 0, -9), "lseek(-1, -5, SEEK_SET) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(8, 0, 0, 7, 0, 0, 0, -22), "lseek(0, 0, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(21, S1, 5, 0, 0, 0, 0, 0), "access(\"/etc\", R_OK|X_OK) = 0");
	UNIT_CHECK_STR(fmt(21, S1, 0, 0, 0, 0, 0, 0), "access(\"/etc\", F_OK) = 0");
	UNIT_CHECK_STR(fmt(21, S1, 12, 0, 0, 0, 0, -22), "access(\"/etc\", R_OK|0x8) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(263, -100, S2, 0x200, 0, 0, 0, -2),
		       "unlinkat(AT_FDCWD, \"nope\", AT_REMOVEDIR) = -1 ENOENT (No such file or directory)");
	UNIT_CHECK_STR(fmt(439, -100, S1, 4, 0x200, 0, 0, 0), "faccessat2(AT_FDCWD, \"/etc\", R_OK, AT_EACCESS) = 0");
	UNIT_CHECK_STR(fmt(18, 1, S1, 1, -1, 0, 0, -22), "pwrite64(1, \"/\", 1, -1) = -1 EINVAL (Invalid argument)");
}

static void outputs_after_success(void)
{
	reset();
	map(S1, "/tmp/stx/b", 10);
	map(S2, "/tmp/stx\0", 9);
	map(0x40000, "\xe1\x2c\xd5\x4c\x02\xa2\x31\x1f", 8);
	map(0x50000, "/proc/self/exe", 15);
	UNIT_CHECK_STR(fmt(89, 0x50000, S1, 200, 0, 0, 0, 10),
		       "readlink(\"/proc/self/exe\", \"/tmp/stx/b\", 200) = 10");
	UNIT_CHECK_STR(fmt(79, S2, 200, 0, 0, 0, 0, 9), "getcwd(\"/tmp/stx\", 200) = 9");
	UNIT_CHECK_STR(fmt(79, 1, 10, 0, 0, 0, 0, -14), "getcwd(0x1, 10) = -1 EFAULT (Bad address)");
	UNIT_CHECK_STR(fmt(318, 0x40000, 8, 1, 0, 0, 0, 8),
		       "getrandom(\"\\xe1\\x2c\\xd5\\x4c\\x02\\xa2\\x31\\x1f\", 8, GRND_NONBLOCK) = 8");
	UNIT_CHECK_STR(fmt(318, 0x40000, 40, 10, 0, 0, 0, -22),
		       "getrandom(0x40000, 40, GRND_RANDOM|0x8) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(17, 0, S1, 3, 2, 0, 0, 0), "pread64(0, \"\", 3, 2) = 0");
}

static void misc_calls_as_strace_prints_them(void)
{
	reset();
	map(S1, "a", 2);
	map(S2, "b", 2);
	UNIT_CHECK_STR(fmt(316, -100, S1, -100, S2, 1, 0, 0),
		       "renameat2(AT_FDCWD, \"a\", AT_FDCWD, \"b\", RENAME_NOREPLACE) = 0");
	UNIT_CHECK_STR(fmt(292, 1, 5, 02000000, 0, 0, 0, 5), "dup3(1, 5, O_CLOEXEC) = 5");
	UNIT_CHECK_STR(fmt(3, -1000, 0, 0, 0, 0, 0, -9), "close(-1000) = -1 EBADF (Bad file descriptor)");
	UNIT_CHECK_STR(fmt(228, 99, 0, 0, 0, 0, 0, -22),
		       "clock_gettime(0x63 /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(228, (uint32_t)-5, 0, 0, 0, 0, 0, -22),
		       "clock_gettime(0xfffffffb /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(228, 11, 0, 0, 0, 0, 0, -14), "clock_gettime(CLOCK_TAI, NULL) = -1 EFAULT (Bad address)");
	UNIT_CHECK_STR(fmt(302, 0, 16, 0, 0, 0, 0, -22),
		       "prlimit64(0, 0x10 /* RLIMIT_??? */, NULL, NULL) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(158, 0x1002, 0x1234, 0, 0, 0, 0, 0), "arch_prctl(ARCH_SET_FS, 0x1234) = 0");
	UNIT_CHECK_STR(fmt(158, 0x1999, 0x1234, 0, 0, 0, 0, -22),
		       "arch_prctl(0x1999 /* ARCH_??? */, 0x1234) = -1 EINVAL (Invalid argument)");
	UNIT_CHECK_STR(fmt(273, 0x7ff5f1201a20, 24, 0, 0, 0, 0, 0), "set_robust_list(0x7ff5f1201a20, 24) = 0");
	UNIT_CHECK_STR(fmt(334, 0x7ff5f1202060, 0x20, 0, 0x53053053, 0, 0, 0),
		       "rseq(0x7ff5f1202060, 0x20, 0, 0x53053053) = 0");
	UNIT_CHECK_STR(fmt(231, 3, 0, 0, 0, 0, 0, 0), "exit_group(3) = ?");
	UNIT_CHECK_STR(fmt(39, 0, 0, 0, 0, 0, 0, 31659), "getpid() = 31659");
}

static void huge_count_prints_unsigned(void)
{
	reset();
	map(S1, "x\0\0\0\1\33\3;,\0\0\0\4\0\0\0\30\360\377\377x\0\0\0" "8\360\377\377\240\0\0\0\0\0\0", 40);
	UNIT_CHECK_STR(fmt(1, 1, S1, (uint64_t)-1, 0, 0, 0, -14),
		       "write(1, \"x\\0\\0\\0\\1\\33\\3;,\\0\\0\\0\\4\\0\\0\\0\\30\\360\\377\\377x\\0\\0\\0"
		       "8\\360\\377\\377\\240\\0\\0\\0\"..., 18446744073709551615) = -1 EFAULT (Bad address)");
}

static void unknown_errno_is_numbered(void)
{
	reset();
	UNIT_CHECK_STR(fmt(39, 0, 0, 0, 0, 0, 0, -555), "getpid() = -1 ERRNO_555 (Unknown error 555)");
	UNIT_CHECK_STR(fmt(39, 0, 0, 0, 0, 0, 0, -4096), "getpid() = -4096");
}

static void small_buffer_is_cut_and_terminated(void)
{
	char small[8];
	struct trace_call c = { 39, { 0 }, 31659 };

	UNIT_CHECK(trace_format(small, sizeof(small), &c, fake_read, NULL) == strlen("getpid() = 31659"));
	UNIT_CHECK_STR(small, "getpid(");
	UNIT_CHECK(trace_format(small, 0, &c, fake_read, NULL) == strlen("getpid() = 31659"));
}

static void names_from_the_list(void)
{
	UNIT_CHECK_STR(trace_syscall_name(0), "read");
	UNIT_CHECK_STR(trace_syscall_name(257), "openat");
	UNIT_CHECK_STR(trace_syscall_name(462), "mseal");
	UNIT_CHECK(trace_syscall_name(335) == NULL);
	UNIT_CHECK(trace_syscall_name(463) == NULL);
	UNIT_CHECK(trace_syscall_name((uint64_t)-1) == NULL);
	UNIT_CHECK_STR(trace_errno_name(2), "ENOENT");
	UNIT_CHECK(trace_errno_name(41) == NULL);
	UNIT_CHECK(trace_errno_name(0) == NULL);
	UNIT_CHECK(trace_errno_name(134) == NULL);
}

static const struct unit_case cases[] = {
	UNIT_CASE(openat_path_and_flags),
	UNIT_CASE(open_mode_shown_only_with_creat),
	UNIT_CASE(open_flags_in_strace_order),
	UNIT_CASE(unknown_flag_bits_in_hex),
	UNIT_CASE(read_shows_what_was_read),
	UNIT_CASE(long_buffer_cut_at_32_bytes),
	UNIT_CASE(failed_read_shows_address),
	UNIT_CASE(write_escapes_like_strace),
	UNIT_CASE(high_bytes_in_octal),
	UNIT_CASE(unreadable_buffer_shows_address),
	UNIT_CASE(string_ending_before_unreadable_page_is_read),
	UNIT_CASE(long_path_is_printed_in_full),
	UNIT_CASE(modes_and_umask_in_octal),
	UNIT_CASE(unknown_number_named_by_hex),
	UNIT_CASE(signals_by_name),
	UNIT_CASE(stat_family_flags),
	UNIT_CASE(mmap_family),
	UNIT_CASE(fcntl_by_command),
	UNIT_CASE(ioctl_known_and_unknown),
	UNIT_CASE(seek_access_and_at_flags),
	UNIT_CASE(outputs_after_success),
	UNIT_CASE(misc_calls_as_strace_prints_them),
	UNIT_CASE(huge_count_prints_unsigned),
	UNIT_CASE(unknown_errno_is_numbered),
	UNIT_CASE(small_buffer_is_cut_and_terminated),
	UNIT_CASE(names_from_the_list),
};
UNIT_MAIN("host/trace_format", cases)
