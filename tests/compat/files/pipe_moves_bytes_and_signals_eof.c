/* A pipe carries bytes in order and read returns what is there; after the
 * last writer closes, read gives 0; with no reader, write is EPIPE (SIGPIPE
 * ignored). O_NONBLOCK makes an empty read and a full write EAGAIN, a full
 * pipe holds what Linux's does, ends are FIFOs that cannot seek, a dup keeps
 * an end open, O_DIRECT reads one packet at a time, pipe2 takes only its
 * three flags, and pipe(NULL) is EFAULT and leaves no fds behind. */
#include "../compat.h"
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>

static char big[100000];

static void show_text(const char *label, const char *buf, long n)
{
	printf("%s: \"%.*s\"\n", label, n > 0 ? (int)n : 0, buf);
}

static void show_poll(const char *label, int fd)
{
	struct pollfd pf = { fd, POLLIN | POLLOUT, 0 };

	show("poll", poll(&pf, 1, 0));
	printf("%s: %#x\n", label, pf.revents);
}

static void in_order_then_eof(void)
{
	int p[2], n = -1;
	char buf[100];
	long r;

	show("pipe", pipe(p));
	check("write end above read end", p[1] > p[0]);
	show("write hello", write(p[1], "hello", 5));
	show("write world", write(p[1], " world", 6));
	show("FIONREAD", ioctl(p[0], FIONREAD, &n));
	show("bytes waiting", n);
	show_poll("poll read end with data", p[0]);
	show_poll("poll write end", p[1]);
	r = show("read 3", read(p[0], buf, 3));
	show_text("got", buf, r);
	r = show("read up to 100", read(p[0], buf, 100));
	show_text("got", buf, r);
	show("read 0 bytes", read(p[0], buf, 0));
	show("read from write end", read(p[1], buf, 1));
	show("write to read end", write(p[0], "x", 1));
	show("write more", write(p[1], "tail", 4));
	show("close write end", close(p[1]));
	show_poll("poll read end, no writer", p[0]);
	r = show("read after writer closed", read(p[0], buf, 100));
	show_text("got", buf, r);
	show("read at end of file", read(p[0], buf, 100));
	show("read again", read(p[0], buf, 100));
	close(p[0]);
}

static void no_reader_is_epipe(void)
{
	int p[2];

	show("pipe", pipe(p));
	show("close read end", close(p[0]));
	show_poll("poll write end, no reader", p[1]);
	errno = 0;
	check("write without reader is EPIPE", write(p[1], "x", 1) == -1 && errno == EPIPE);
	show("write 0 bytes without reader", write(p[1], "x", 0));
	close(p[1]);
}

static void what_a_pipe_is(void)
{
	struct stat st;
	int p[2];
	char c;

	show("pipe", pipe(p));
	show("fstat read end", fstat(p[0], &st));
	check("S_ISFIFO", S_ISFIFO(st.st_mode));
	printf("mode %o size %lld nlink %ld\n", st.st_mode & 07777, (long long)st.st_size,
	       (long)st.st_nlink);
	show("fstat write end", fstat(p[1], &st));
	check("S_ISFIFO", S_ISFIFO(st.st_mode));
	show("F_GETFL read end", fcntl(p[0], F_GETFL));
	show("F_GETFL write end", fcntl(p[1], F_GETFL));
	show("F_GETFD", fcntl(p[0], F_GETFD));
	show("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
	show("lseek", lseek(p[0], 0, SEEK_CUR));
	show("lseek write end", lseek(p[1], 0, SEEK_SET));
	show("pread", pread(p[0], &c, 1, 0));
	show("pwrite", pwrite(p[1], "x", 1, 0));
	show("ftruncate", ftruncate(p[1], 0));
	show("fchdir", fchdir(p[0]));
	close(p[0]);
	close(p[1]);
}

/* 1000-byte writes share pages four at a time: a full pipe holds 64000. */
static void nonblocking_fill_and_drain(void)
{
	static char back[100000];
	long r, wrote = 0, got = 0;
	int p[2];

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7 + i / 1000);
	show("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK));
	show("read empty", read(p[0], back, 10));
	while ((r = write(p[1], big + wrote, 1000)) > 0)
		wrote += r;
	show("write to full pipe", r);
	show("bytes written until full", wrote);
	show_poll("poll write end, full", p[1]);
	r = show("1 byte still fits the last page", write(p[1], big + wrote, 1));
	wrote += r > 0 ? r : 0;
	while ((r = read(p[0], back + got, 3000)) > 0)
		got += r;
	show("read when drained", r);
	show("bytes read", got);
	check("same bytes in the same order", got == wrote && !memcmp(big, back, (size_t)got));
	show("5000 bytes into the empty pipe", write(p[1], big, 5000));
	close(p[0]);
	close(p[1]);
}

/* One write bigger than the pipe fills its 16 pages exactly: 65536. */
static void one_big_nonblocking_write(void)
{
	static char back[100000];
	long r, wrote, got = 0;
	int p[2];

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 13 + i / 4096);
	show("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK));
	wrote = show("100000 bytes in one write", write(p[1], big, sizeof(big)));
	show("one byte more", write(p[1], big, 1));
	while ((r = read(p[0], back + got, 50000)) > 0)
		got += r;
	show("bytes read", got);
	check("same bytes in the same order", got == wrote && !memcmp(big, back, (size_t)got));
	close(p[0]);
	close(p[1]);
}

static void copies_keep_ends_open(void)
{
	int p[2], w2;
	char buf[8];

	show("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK));
	w2 = dup(p[1]);
	check("dup of write end", w2 >= 0);
	show("close write end", close(p[1]));
	show("read with the dup still open", read(p[0], buf, 8));
	show("write via dup", write(w2, "ok", 2));
	show("read", read(p[0], buf, 8));
	show("close dup", close(w2));
	show("read now", read(p[0], buf, 8));
	close(p[0]);
}

static void packets(void)
{
	int p[2];
	char buf[100];
	long r;

	show("pipe2 O_DIRECT", pipe2(p, O_DIRECT | O_NONBLOCK));
	show("F_GETFL read end", fcntl(p[0], F_GETFL));
	show("F_GETFL write end", fcntl(p[1], F_GETFL));
	show("write packet abc", write(p[1], "abc", 3));
	show("write packet defgh", write(p[1], "defgh", 5));
	r = show("read 2 of a packet", read(p[0], buf, 2));
	show_text("got", buf, r);
	r = show("read 100", read(p[0], buf, 100));
	show_text("got", buf, r);
	show("read empty", read(p[0], buf, 100));
	close(p[0]);
	close(p[1]);
}

static void flags_and_faults(void)
{
	int p[2], before, after;

	show("pipe2 O_CLOEXEC", pipe2(p, O_CLOEXEC));
	show("F_GETFD read end", fcntl(p[0], F_GETFD));
	show("F_GETFD write end", fcntl(p[1], F_GETFD));
	close(p[0]);
	close(p[1]);
	show("pipe2 O_APPEND", syscall(SYS_pipe2, p, O_APPEND));
	show("pipe2 O_RDWR", syscall(SYS_pipe2, p, O_RDWR));
	before = dup(0);
	close(before);
	show("pipe NULL", syscall(SYS_pipe, NULL));
	show("pipe2 NULL", syscall(SYS_pipe2, NULL, O_CLOEXEC));
	show("pipe2 NULL bad flags", syscall(SYS_pipe2, NULL, O_APPEND));
	after = dup(0);
	close(after);
	check("no fd left behind", after == before);
}

int main(void)
{
	signal(SIGPIPE, SIG_IGN);
	in_order_then_eof();
	no_reader_is_epipe();
	what_a_pipe_is();
	nonblocking_fill_and_drain();
	one_big_nonblocking_write();
	copies_keep_ends_open();
	packets();
	flags_and_faults();
	return 0;
}
