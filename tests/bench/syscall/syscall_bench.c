/* syscall_bench.c: the cost of a few common system calls, the same static
 * binary on Linux and on our system, for scripts/bench.sh to compare.
 *
 * Each figure is timed with clock_gettime(CLOCK_MONOTONIC) over batches of
 * calls; the batch size doubles until one batch takes BATCH_NS, then
 * BATCHES batches are timed and the median is printed as
 * "name ns_per_call ns". Booted as pid 1 (rdinit= or init=) it makes
 * /dev/null if there is none and powers the machine off at the end;
 * otherwise it just exits. Any failing call ends the run with a message
 * and status 1, and no figure is printed for it. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BATCHES 9
#define BATCH_NS 20000000LL
#define MAX_BATCH (1L << 24)

/* A file every image of ours has (rootfs/etc) and Linux's too. */
static const char bench_file[] = "/etc/passwd";

static int null_fd;
static char payload[64];

static void die(const char *what)
{
	fprintf(stderr, "syscall_bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int64_t now_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		die("clock_gettime");
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void do_getppid(void)
{
	getppid();
}

static void do_write(void)
{
	if (write(null_fd, payload, sizeof(payload)) != sizeof(payload))
		die("write /dev/null");
}

static void do_open_close(void)
{
	int fd = open(bench_file, O_RDONLY);

	if (fd < 0)
		die("open");
	if (close(fd))
		die("close");
}

static void do_stat(void)
{
	struct stat st;

	if (stat(bench_file, &st))
		die("stat");
}

/* A process made and reaped: fork, the child's _exit, the parent's wait. */
static void do_fork_exit_wait(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(0);
	if (pid < 0)
		die("fork");
	if (waitpid(pid, &status, 0) != pid)
		die("waitpid");
}

static int64_t time_batch(void (*call)(void), long n)
{
	int64_t start = now_ns();

	for (long i = 0; i < n; i++)
		call();
	return now_ns() - start;
}

static long batch_size(void (*call)(void))
{
	long n = 1;

	while (n < MAX_BATCH && time_batch(call, n) < BATCH_NS)
		n *= 2;
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void run(const char *name, void (*call)(void))
{
	double per_call[BATCHES];
	long n = batch_size(call);

	for (int i = 0; i < BATCHES; i++)
		per_call[i] = (double)time_batch(call, n) / n;
	qsort(per_call, BATCHES, sizeof(per_call[0]), cmp_double);
	printf("%s %.1f ns\n", name, per_call[BATCHES / 2]);
	fflush(stdout);
}

/* Under Linux's rdinit= the initramfs has no devtmpfs, so /dev/null may
 * be missing; pid 1 makes it (1:3 is Linux's null device). */
static void open_null(void)
{
	null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0 && errno == ENOENT && getpid() == 1 &&
	    mknod("/dev/null", S_IFCHR | 0666, makedev(1, 3)) == 0)
		null_fd = open("/dev/null", O_WRONLY);
	if (null_fd < 0)
		die("open /dev/null");
}

int main(void)
{
	memset(payload, 'x', sizeof(payload));
	open_null();
	printf("syscall_bench: median of %d batches of >= %lld ms\n", BATCHES, BATCH_NS / 1000000);
	run("getppid", do_getppid);
	run("write_null_64", do_write);
	run("open_close", do_open_close);
	run("stat", do_stat);
	run("fork_exit_wait", do_fork_exit_wait);
	printf("syscall_bench: done\n");
	fflush(stdout);
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
		die("reboot");
	}
	return 0;
}
