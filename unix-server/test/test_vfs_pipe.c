/*
 * test_vfs_pipe.c: pipes (vfs/pipe.c): data order, EOF and EPIPE when
 * one end goes, -UX_EPARK and -EAGAIN for empty and full pipes having
 * moved nothing, PIPE_BUF atomicity, packet mode, ESPIPE, fstat, poll,
 * FIONREAD, F_GETFL, F_GETPIPE_SZ/F_SETPIPE_SZ, dup and fork keeping
 * ends open, close-on-exec, EMFILE and allocation failures leaving
 * nothing behind, and the wake-up flag the server retries parked calls
 * on. Where Linux's answer is not obvious the same steps run on a host
 * pipe and the results must match.
 */
#include "vfs_test_util.h"
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>

_Static_assert(LINUX_F_SETPIPE_SZ == F_SETPIPE_SZ && LINUX_F_GETPIPE_SZ == F_GETPIPE_SZ, "ABI");
_Static_assert(LINUX_PIPE_BUF == PIPE_BUF, "ABI");

static char big[70000];         /* what is written: big[i] = i % 251 */
static char sink[70000];        /* where it is read into */

static void setup(void)
{
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i % 251);
	vsetup();
}

/* A pipe in P: r and w. */
static void vpipe(int fds[2], uint32_t flags)
{
	fds[0] = fds[1] = -1;
	UNIT_CHECK(vfs_pipe2(&P, fds, flags) == 0);
}

static int vfionread(int fd)
{
	int n = -1;

	UNIT_CHECK(vfs_ioctl(&P, fd, FIONREAD, 0, &n, sizeof(n)) == 0);
	return n;
}

/* The host's pipe has Linux's default size (it may not, past the
 * per-user soft limit of pipe pages): else the comparison is skipped. */
static bool host_pipe(int fds[2], int flags)
{
	if (pipe2(fds, flags))
		return false;
	if (fcntl(fds[0], F_GETPIPE_SZ) == 65536)
		return true;
	printf("note: host pipes are not 64 KiB; comparison skipped\n");
	close(fds[0]);
	close(fds[1]);
	return false;
}

static int64_t host_result(ssize_t r)
{
	return r < 0 ? -(int64_t)errno : (int64_t)r;
}

static void moves_bytes_in_order(void)
{
	int p[2];
	char buf[32] = { 0 };

	setup();
	vpipe(p, 0);
	UNIT_CHECK(p[0] == 0 && p[1] == 1);
	UNIT_CHECK(vfs_write(&P, p[1], "hello ", 6) == 6);
	UNIT_CHECK(vfs_write(&P, p[1], "world", 5) == 5);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 3) == 3);
	UNIT_CHECK(memcmp(buf, "hel", 3) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, sizeof(buf)) == 8);
	UNIT_CHECK(memcmp(buf, "lo world", 8) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 0) == 0);
	vteardown();
}

static void large_transfer_keeps_every_byte(void)
{
	static char out[200000], in[200000];
	size_t wrote = 0, got = 0;
	int p[2];

	setup();
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 31 + i / 4096);
	vpipe(p, 0);
	while (got < sizeof(in)) {
		size_t chunk = wrote < sizeof(out) ? 1 + (wrote * 7) % 9000 : 0;
		int64_t r;

		if (chunk > sizeof(out) - wrote)
			chunk = sizeof(out) - wrote;
		r = chunk ? vfs_write(&P, p[1], out + wrote, chunk) : -UX_EPARK;
		if (r > 0)
			wrote += (size_t)r;
		r = vfs_read(&P, p[0], in + got, 1 + (got * 13) % 12000);
		UNIT_CHECK(r > 0 || r == -UX_EPARK);
		if (r > 0)
			got += (size_t)r;
		if (r <= 0 && !chunk)
			break;
	}
	UNIT_CHECK(got == sizeof(in) && memcmp(in, out, sizeof(in)) == 0);
	vteardown();
}

static void eof_after_the_last_writer_closes(void)
{
	int p[2], w2;
	char buf[8];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == -UX_EPARK);
	w2 = vfs_dup(&P, p[1]);
	UNIT_CHECK(vfs_write(&P, p[1], "ab", 2) == 2);
	UNIT_CHECK(vfs_close(&P, p[1]) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 2);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == -UX_EPARK);    /* the dup still writes */
	UNIT_CHECK(vfs_write(&P, w2, "c", 1) == 1);
	UNIT_CHECK(vfs_close(&P, w2) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 1);             /* data first, then EOF */
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 0);
	vteardown();
}

static void write_without_a_reader_is_epipe(void)
{
	int p[2];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_write(&P, p[1], "abc", 3) == 3);
	UNIT_CHECK(vfs_close(&P, p[0]) == 0);
	UNIT_CHECK(vfs_write(&P, p[1], "x", 1) == -UX_EPIPE);
	UNIT_CHECK(vfs_write(&P, p[1], "x", 0) == 0);            /* a null write succeeds */
	vpipe(p, O_NONBLOCK);
	UNIT_CHECK(vfs_close(&P, p[0]) == 0);
	UNIT_CHECK(vfs_write(&P, p[1], big, 70000) == -UX_EPIPE);
	vteardown();
}

static void wrong_end_is_ebadf(void)
{
	int p[2];
	char c;

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_read(&P, p[1], &c, 1) == -UX_EBADF);
	UNIT_CHECK(vfs_write(&P, p[0], "x", 1) == -UX_EBADF);
	vteardown();
}

static void empty_read_parks_or_eagain(void)
{
	int p[2];
	char c;

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == -UX_EPARK);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_SETFL, O_NONBLOCK) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == -UX_EAGAIN);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 0) == 0);
	UNIT_CHECK(vfs_ioctl(&P, p[0], FIONBIO, 0, &(int){ 0 }, sizeof(int)) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == -UX_EPARK);
	vteardown();
}

/* A full pipe: a blocking write parks, a non-blocking one is EAGAIN,
 * and neither put a byte in. */
static void full_write_parks_or_eagain(void)
{
	int p[2];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_write(&P, p[1], big, 65536) == 65536);
	UNIT_CHECK(vfs_write(&P, p[1], "x", 1) == -UX_EPARK);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == -UX_EPARK);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETFL, O_NONBLOCK) == 0);
	UNIT_CHECK(vfs_write(&P, p[1], "x", 1) == -UX_EAGAIN);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == -UX_EAGAIN);
	UNIT_CHECK(vfionread(p[0]) == 65536);
	vteardown();
}

/* Up to PIPE_BUF bytes go in whole or not at all, blocking or not. */
static void pipe_buf_writes_are_atomic(void)
{
	int p[2], q[2];
	char buf[4096];

	setup();
	vpipe(p, 0);
	vpipe(q, O_NONBLOCK);
	for (int i = 0; i < 15; i++) {
		UNIT_CHECK(vfs_write(&P, p[1], big, 4096) == 4096);
		UNIT_CHECK(vfs_write(&P, q[1], big, 4096) == 4096);
	}
	UNIT_CHECK(vfs_write(&P, p[1], big, 100) == 100);
	UNIT_CHECK(vfs_write(&P, q[1], big, 100) == 100);
	/* 3996 bytes free in the last page: 4000 do not fit there, no page is free */
	UNIT_CHECK(vfs_write(&P, p[1], big, 4000) == -UX_EPARK);
	UNIT_CHECK(vfs_write(&P, q[1], big, 4000) == -UX_EAGAIN);
	UNIT_CHECK(vfs_write(&P, p[1], big, 4096) == -UX_EPARK);
	UNIT_CHECK(vfs_write(&P, q[1], big, 4096) == -UX_EAGAIN);
	UNIT_CHECK(vfionread(p[0]) == 15 * 4096 + 100 && vfionread(q[0]) == 15 * 4096 + 100);
	UNIT_CHECK(vfs_write(&P, p[1], big, 3996) == 3996);     /* fits the last page */
	UNIT_CHECK(vfs_read(&P, p[0], buf, sizeof(buf)) == 4096);
	UNIT_CHECK(vfs_write(&P, p[1], big, 4096) == 4096);     /* a page came free */
	vteardown();
}

/* A blocking write bigger than PIPE_BUF also goes in whole (the server
 * retries parked calls from scratch), unless it is bigger than the
 * whole pipe: then what fits, a short write. */
static void blocking_large_write_is_whole_or_parks(void)
{
	int p[2];
	char buf[8192];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_write(&P, p[1], big, 60000) == 60000);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == -UX_EPARK);
	UNIT_CHECK(vfionread(p[0]) == 60000);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8192) == 8192);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == 8000);
	UNIT_CHECK(vfs_read(&P, p[0], sink, 70000) == 60000 - 8192 + 8000);
	UNIT_CHECK(vfs_write(&P, p[1], big, 70000) == 65536);
	UNIT_CHECK(vfs_write(&P, p[1], big, 70000) == -UX_EPARK);
	vteardown();
}

/* Fills with writes of one size until EAGAIN, on our pipe and the host's:
 * totals, FIONREAD, poll and what one more byte does after reading one. */
static void capacity_matches_the_host(void)
{
	static const size_t sizes[] = { 1, 100, 3000, 4096, 5000, 8000, 70000 };
	char c;

	setup();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		int p[2], h[2], hn = 0;
		int64_t ours = 0, theirs = 0, r;
		struct pollfd pf;

		if (!host_pipe(h, O_NONBLOCK))
			break;
		vpipe(p, O_NONBLOCK);
		while ((r = vfs_write(&P, p[1], big, sizes[i])) > 0)
			ours += r;
		UNIT_CHECK(r == -UX_EAGAIN);
		while ((r = write(h[1], big, sizes[i])) > 0)
			theirs += r;
		UNIT_CHECK(ours == theirs);
		ioctl(h[0], FIONREAD, &hn);
		UNIT_CHECK(vfionread(p[0]) == hn && vfionread(p[1]) == hn);
		pf = (struct pollfd){ h[1], POLLOUT, 0 };
		poll(&pf, 1, 0);
		UNIT_CHECK(vfs_poll(&P, p[1], POLLOUT) == (unsigned)pf.revents);
		UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == 1 && read(h[0], &c, 1) == 1);
		poll(&pf, 1, 0);
		UNIT_CHECK(vfs_poll(&P, p[1], POLLOUT) == (unsigned)pf.revents);
		UNIT_CHECK(vfs_write(&P, p[1], "x", 1) == host_result(write(h[1], "x", 1)));
		UNIT_CHECK(vfs_close(&P, p[0]) == 0 && vfs_close(&P, p[1]) == 0);
		close(h[0]);
		close(h[1]);
	}
	vteardown();
}

/* O_DIRECT: each page written is a packet; a read takes one and drops
 * what did not fit. The same reads on a host pipe. */
static void packet_mode_matches_the_host(void)
{
	static const size_t writes[] = { 3, 5, 5000, 1, 4096 };
	static const size_t reads[] = { 2, 100, 10000, 10000, 1, 5000, 5000 };
	char ours[10000], theirs[10000];
	int p[2], h[2];

	setup();
	if (host_pipe(h, O_DIRECT | O_NONBLOCK)) {
		vpipe(p, O_DIRECT | O_NONBLOCK);
		for (size_t i = 0; i < sizeof(writes) / sizeof(writes[0]); i++)
			UNIT_CHECK(vfs_write(&P, p[1], big, writes[i]) ==
				   host_result(write(h[1], big, writes[i])));
		for (size_t i = 0; i < sizeof(reads) / sizeof(reads[0]); i++) {
			int64_t r = vfs_read(&P, p[0], ours, reads[i]);

			UNIT_CHECK(r == host_result(read(h[0], theirs, reads[i])));
			UNIT_CHECK(r <= 0 || memcmp(ours, theirs, (size_t)r) == 0);
		}
		int64_t total = 0, r;
		while ((r = vfs_write(&P, p[1], "z", 1)) > 0)
			total += r;
		UNIT_CHECK(total == 16 && vfionread(p[0]) == 16);
		close(h[0]);
		close(h[1]);
	}
	vteardown();
}

static void seeking_is_espipe(void)
{
	int p[2];
	char c;

	setup();
	vpipe(p, 0);
	for (int i = 0; i < 2; i++) {
		UNIT_CHECK(vfs_lseek(&P, p[i], 0, SEEK_CUR) == -UX_ESPIPE);
		UNIT_CHECK(vfs_lseek(&P, p[i], 0, SEEK_SET) == -UX_ESPIPE);
		UNIT_CHECK(vfs_pread64(&P, p[i], &c, 1, 0) == -UX_ESPIPE);
		UNIT_CHECK(vfs_pwrite64(&P, p[i], "x", 1, 0) == -UX_ESPIPE);
		UNIT_CHECK(vfs_pread64(&P, p[i], &c, 1, -1) == -UX_EINVAL);
	}
	vteardown();
}

/* Field by field against a host pipe; both ends are one inode. */
static void fstat_matches_the_host(void)
{
	struct linux_stat st, st1, st2;
	struct linux_statx stx;
	struct stat hs;
	int p[2], q[2], h[2];

	setup();
	vpipe(p, 0);
	vpipe(q, 0);
	UNIT_CHECK(pipe(h) == 0 && fstat(h[0], &hs) == 0);
	UNIT_CHECK(write(h[1], "abc", 3) == 3 && fstat(h[0], &hs) == 0);
	UNIT_CHECK(vfs_write(&P, p[1], "abc", 3) == 3);
	UNIT_CHECK(vfs_fstat(&P, p[0], &st) == 0);
	UNIT_CHECK(st.st_mode == hs.st_mode && st.st_mode == (S_IFIFO | 0600));
	UNIT_CHECK(st.st_nlink == hs.st_nlink && st.st_size == hs.st_size);
	UNIT_CHECK(st.st_blksize == hs.st_blksize && st.st_blocks == hs.st_blocks);
	UNIT_CHECK(st.st_rdev == hs.st_rdev && st.st_uid == 0 && st.st_gid == 0);
	UNIT_CHECK(st.st_dev == linux_makedev(0, 15) && st.st_ino > 0);
	UNIT_CHECK(vfs_fstat(&P, p[1], &st1) == 0 && st1.st_ino == st.st_ino);
	UNIT_CHECK(vfs_fstat(&P, q[0], &st2) == 0 && st2.st_ino != st.st_ino);
	UNIT_CHECK(vfs_newfstatat(&P, p[1], "", &st1, AT_EMPTY_PATH) == 0);
	UNIT_CHECK(memcmp(&st, &st1, sizeof(st)) == 0);
	UNIT_CHECK(vfs_newfstatat(&P, p[1], "x", &st1, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_statx(&P, p[0], "", AT_EMPTY_PATH, 0, &stx) == 0);
	UNIT_CHECK(stx.stx_mode == (S_IFIFO | 0600) && stx.stx_ino == st.st_ino);
	UNIT_CHECK(stx.stx_mask == (STATX_BASIC_STATS | STATX_MNT_ID) && stx.stx_blksize == 4096);
	UNIT_CHECK(stx.stx_dev_major == 0 && stx.stx_dev_minor == 15 && stx.stx_attributes == 0);
	UNIT_CHECK(vfs_fchmod(&P, p[1], 0644) == 0);
	UNIT_CHECK(vfs_fstat(&P, p[0], &st) == 0 && st.st_mode == (S_IFIFO | 0644));
	close(h[0]);
	close(h[1]);
	vteardown();
}

static void what_a_pipe_is_not(void)
{
	int p[2], fd;
	char buf[64];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_fchdir(&P, p[0]) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_ftruncate(&P, p[1], 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_getdents64(&P, p[0], buf, sizeof(buf)) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_openat(&P, p[0], "x", O_RDONLY, 0) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_ioctl(&P, p[0], TCGETS, 0, buf, 60) == -UX_ENOTTY);
	fd = vopen("/dev/null", O_RDONLY);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETPIPE_SZ, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_SETPIPE_SZ, 4096) == -UX_EBADF);
	vteardown();
}

/* The same states on our pipe and a host pipe, polled for everything:
 * empty, data, data without writers, empty without writers, no readers. */
static void poll_matches_the_host(void)
{
	const unsigned all = POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM | POLLPRI;
	int p[2], h[2];
	struct pollfd pf[2];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(pipe(h) == 0);
	for (int step = 0; step < 5; step++) {
		if (step == 1) {
			UNIT_CHECK(vfs_write(&P, p[1], "a", 1) == 1 && write(h[1], "a", 1) == 1);
		} else if (step == 2) {
			UNIT_CHECK(vfs_close(&P, p[1]) == 0 && close(h[1]) == 0);
			p[1] = vfs_dup(&P, p[0]);
			h[1] = dup(h[0]);
		} else if (step == 3) {
			char c;

			UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == 1 && read(h[0], &c, 1) == 1);
		} else if (step == 4) {
			vfs_close(&P, p[0]);
			vfs_close(&P, p[1]);
			close(h[0]);
			close(h[1]);
			vpipe(p, 0);
			UNIT_CHECK(pipe(h) == 0);
			UNIT_CHECK(vfs_close(&P, p[0]) == 0 && close(h[0]) == 0);
			p[0] = vfs_dup(&P, p[1]);
			h[0] = dup(h[1]);
		}
		for (int i = 0; i < 2; i++)
			pf[i] = (struct pollfd){ h[i], (short)all, 0 };
		UNIT_CHECK(poll(pf, 2, 0) >= 0);
		for (int i = 0; i < 2; i++)
			UNIT_CHECK(vfs_poll(&P, p[i], all) == (unsigned)pf[i].revents);
	}
	close(h[0]);
	close(h[1]);
	vteardown();
}

static void fionread_counts_on_both_ends(void)
{
	int p[2];
	char buf[8];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfionread(p[0]) == 0);
	UNIT_CHECK(vfs_write(&P, p[1], "hello", 5) == 5);
	UNIT_CHECK(vfionread(p[0]) == 5 && vfionread(p[1]) == 5);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 2) == 2);
	UNIT_CHECK(vfionread(p[0]) == 3);
	UNIT_CHECK(vfs_ioctl(&P, p[0], FIONREAD, 0, buf, 2) == -UX_EFAULT);
	vteardown();
}

/* F_GETFL as Linux: O_DIRECT only on the write end. */
static void flags_show_each_end(void)
{
	int p[2], h[2];

	setup();
	vpipe(p, O_NONBLOCK | O_DIRECT | O_CLOEXEC);
	UNIT_CHECK(pipe2(h, O_NONBLOCK | O_DIRECT | O_CLOEXEC) == 0);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETFL, 0) == fcntl(h[0], F_GETFL));
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_GETFL, 0) == fcntl(h[1], F_GETFL));
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETFL, 0) == O_NONBLOCK);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_GETFL, 0) == (O_WRONLY | O_NONBLOCK | O_DIRECT));
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETFD, 0) == FD_CLOEXEC);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_GETFD, 0) == FD_CLOEXEC);
	close(h[0]);
	close(h[1]);
	vpipe(p, 0);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETFL, 0) == O_RDONLY);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_GETFL, 0) == O_WRONLY);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETFD, 0) == 0);
	vteardown();
}

/* O_NOTIFICATION_PIPE (O_EXCL) is ENOPKG without watch queues, as on
 * a kernel built without them. */
static void bad_flags_are_einval(void)
{
	int p[2] = { -7, -7 };
	uint64_t files;

	setup();
	files = v.files;
	for (int bit = 0; bit < 32; bit++) {
		uint32_t flag = 1u << bit;

		if (flag == O_CLOEXEC || flag == O_NONBLOCK || flag == O_DIRECT)
			continue;
		UNIT_CHECK(vfs_pipe2(&P, p, flag) == (flag == O_EXCL ? -UX_ENOPKG : -UX_EINVAL));
		UNIT_CHECK(host_result(pipe2((int[2]){ 0 }, (int)flag)) == vfs_pipe2(&P, p, flag));
	}
	UNIT_CHECK(p[0] == -7 && v.files == files);
	vteardown();
}

/* The ends live as long as any fd (dup, fork) holds them. */
static void copies_keep_the_ends_open(void)
{
	struct vfs_proc child;
	int p[2];
	char buf[8];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_proc_fork(&child, &P) == 0);
	UNIT_CHECK(vfs_close(&P, p[1]) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == -UX_EPARK);
	UNIT_CHECK(vfs_write(&child, p[1], "hi", 2) == 2);
	UNIT_CHECK(vfs_close(&child, p[0]) == 0);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 2);
	vfs_proc_release(&child);
	UNIT_CHECK(vfs_read(&P, p[0], buf, 8) == 0);
	UNIT_CHECK(vfs_dup2(&P, p[0], 10) == 10);
	UNIT_CHECK(vfs_close(&P, p[0]) == 0);
	UNIT_CHECK(vfs_read(&P, 10, buf, 8) == 0);
	vteardown();
}

/* exec closes the O_CLOEXEC ends: a reader left sees EOF. */
static void exec_closes_cloexec_ends(void)
{
	int p[2], q[2];
	char c;

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETFD, FD_CLOEXEC) == 0);
	vpipe(q, O_CLOEXEC);
	UNIT_CHECK(vfs_dup2(&P, q[1], 20) == 20);
	UNIT_CHECK(vfs_fcntl(&P, 20, F_GETFD, 0) == 0);
	vfs_proc_exec(&P);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == 0);
	UNIT_CHECK(vfs_fcntl(&P, q[0], F_GETFD, 0) == -UX_EBADF);
	UNIT_CHECK(vfs_write(&P, 20, "x", 1) == -UX_EPIPE);
	UNIT_CHECK(v.files == 2);
	vteardown();
}

/* EMFILE unless two fds are free, with nothing made and no fd taken. */
static void emfile_leaves_nothing(void)
{
	int p[2], fd;
	uint64_t files;

	setup();
	P.nofile = 5;
	for (int i = 0; i < 4; i++)
		UNIT_CHECK(vopen("/dev/null", O_RDONLY) == i);
	files = v.files;
	UNIT_CHECK(vfs_pipe2(&P, p, 0) == -UX_EMFILE);
	UNIT_CHECK(v.files == files);
	UNIT_CHECK(vfs_close(&P, 1) == 0);
	vpipe(p, 0);
	UNIT_CHECK(p[0] == 1 && p[1] == 4);
	UNIT_CHECK(vfs_close(&P, 1) == 0 && vfs_close(&P, 4) == 0);
	fd = vopen("/dev/null", O_RDONLY);
	UNIT_CHECK(fd == 1);
	vteardown();
}

/* Every allocation of pipe2 failing in turn: -ENOMEM, nothing left. */
static void allocation_failure_leaves_nothing(void)
{
	int p[2];
	int err = -UX_ENOMEM;

	setup();
	UNIT_CHECK(vfs_close(&P, vopen("/dev/null", O_RDONLY)) == 0);  /* the table exists */
	for (long n = 0; err == -UX_ENOMEM; n++) {
		uint64_t files = v.files;
		long bytes = test_live_bytes;

		test_fail_in = n;
		err = vfs_pipe2(&P, p, 0);
		test_fail_in = -1;
		if (err == -UX_ENOMEM) {
			UNIT_CHECK(v.files == files && test_live_bytes == bytes);
			UNIT_CHECK(vfs_fcntl(&P, 0, F_GETFD, 0) == -UX_EBADF);
		}
	}
	UNIT_CHECK(err == 0);
	test_fail_in = 0;
	UNIT_CHECK(vfs_write(&P, p[1], "x", 1) == -UX_ENOMEM);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_SETPIPE_SZ, 8192) == -UX_ENOMEM);
	test_fail_in = 1;
	UNIT_CHECK(vfs_write(&P, p[1], big, 9000) == 4096);
	test_fail_in = -1;
	UNIT_CHECK(vfionread(p[0]) == 4096);
	vteardown();
}

static void pipe_size_as_linux(void)
{
	int p[2];

	setup();
	vpipe(p, 0);
	UNIT_CHECK(vfs_fcntl(&P, p[0], F_GETPIPE_SZ, 0) == 65536);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 0) == 4096);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 1) == 4096);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 5000) == 8192);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 1 << 20) == 1 << 20);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 1 << 21) == -UX_EPERM);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 1u << 31) == -UX_EPERM);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 0xffffffffu) == -UX_EINVAL);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, (1ull << 32) + 4096) == 4096);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 65536) == 65536);
	for (int i = 0; i < 5; i++)
		UNIT_CHECK(vfs_write(&P, p[1], big, 4096) == 4096);
	UNIT_CHECK(vfs_read(&P, p[0], sink, 10) == 10);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 16384) == -UX_EBUSY);
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 20480) == 32768);
	UNIT_CHECK(vfionread(p[0]) == 5 * 4096 - 10);
	UNIT_CHECK(vfs_read(&P, p[0], sink, 70000) == 5 * 4096 - 10);
	for (int i = 0; i < 5 * 4096 - 10; i++)
		UNIT_CHECK(sink[i] == (char)((i + 10) % 4096 % 251));
	/* One page: a blocking write bigger than the pipe writes what fits. */
	UNIT_CHECK(vfs_fcntl(&P, p[1], F_SETPIPE_SZ, 4096) == 4096);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == 4096);
	UNIT_CHECK(vfs_write(&P, p[1], big, 8000) == -UX_EPARK);
	vteardown();
}

/* Set by every change a parked call may wait for, and only by those. */
static void wakeup_follows_changes(void)
{
	int p[2];
	char c;

	setup();
	vpipe(p, 0);
	vfs_take_wakeup(&v);
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == -UX_EPARK && !vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_write(&P, p[1], "a", 1) == 1 && vfs_take_wakeup(&v));
	UNIT_CHECK(!vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_read(&P, p[0], &c, 1) == 1 && vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_write(&P, p[1], big, 65536) == 65536 && vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_write(&P, p[1], "a", 1) == -UX_EPARK && !vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_poll(&P, p[1], POLLOUT) == 0 && !vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_dup(&P, p[0]) >= 0 && !vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_close(&P, p[0]) == 0 && !vfs_take_wakeup(&v));  /* the dup reads on */
	UNIT_CHECK(vfs_close(&P, p[1]) == 0 && vfs_take_wakeup(&v));
	UNIT_CHECK(vfs_fcntl(&P, 2, F_SETPIPE_SZ, 4096) == -UX_EBUSY && !vfs_take_wakeup(&v));
	vteardown();
	UNIT_CHECK(vfs_take_wakeup(&v));        /* the last end went */
}

static const struct unit_case cases[] = {
	UNIT_CASE(moves_bytes_in_order),
	UNIT_CASE(large_transfer_keeps_every_byte),
	UNIT_CASE(eof_after_the_last_writer_closes),
	UNIT_CASE(write_without_a_reader_is_epipe),
	UNIT_CASE(wrong_end_is_ebadf),
	UNIT_CASE(empty_read_parks_or_eagain),
	UNIT_CASE(full_write_parks_or_eagain),
	UNIT_CASE(pipe_buf_writes_are_atomic),
	UNIT_CASE(blocking_large_write_is_whole_or_parks),
	UNIT_CASE(capacity_matches_the_host),
	UNIT_CASE(packet_mode_matches_the_host),
	UNIT_CASE(seeking_is_espipe),
	UNIT_CASE(fstat_matches_the_host),
	UNIT_CASE(what_a_pipe_is_not),
	UNIT_CASE(poll_matches_the_host),
	UNIT_CASE(fionread_counts_on_both_ends),
	UNIT_CASE(flags_show_each_end),
	UNIT_CASE(bad_flags_are_einval),
	UNIT_CASE(copies_keep_the_ends_open),
	UNIT_CASE(exec_closes_cloexec_ends),
	UNIT_CASE(emfile_leaves_nothing),
	UNIT_CASE(allocation_failure_leaves_nothing),
	UNIT_CASE(pipe_size_as_linux),
	UNIT_CASE(wakeup_follows_changes),
};

UNIT_MAIN("vfs_pipe", cases)
