/*
 * main.c: the UNIX server's start: the root file system from the
 * initramfs, the emulator image, the clock and the console, then init
 * (the kernel command line's words after "--", or init=PATH, or /bin/sh)
 * as process 1, then the workers. With ux.trace every process's calls
 * are logged (ux.trace=NAME,NAME: those of the programs so named); ux.hostile runs the hostile-request test (selftest/) as
 * process 1. Started by the kernel as the first
 * task, with the host and console rights and the other boot modules.
 */
#include "calls/files.h"
#include "clock.h"
#include "console.h"
#include "exec_program.h"
#include "exec_task.h"
#include "fs/initramfs.h"
#include "lib/cmdline.h"
#include "lib/tsc.h"
#include "mk/exit_code.h"
#include "process.h"
#include "serve.h"
#include "selftest/hostile.h"
#include "server.h"

#define INIT_ARGS_MAX 32

struct server server;

void limits_init(struct process *p);

static void *fs_alloc(void *ctx, size_t size)
{
	(void)ctx;
	return native_malloc(size);
}

static void fs_free(void *ctx, void *p, size_t size)
{
	(void)ctx, (void)size;
	native_free(p);
}

/* File times: the apps' CLOCK_REALTIME (the boot's wall clock plus
 * their monotonic clock), so a file touched now is as new as time() says. */
static void fs_now(void *ctx, struct tmpfs_time *t)
{
	uint64_t ns = server.emulator_template.realtime_at_boot_ns + ux_now_ns();

	(void)ctx;
	t->sec = (int64_t)(ns / 1000000000ull);
	t->nsec = (uint32_t)(ns % 1000000000ull);
}

/* The generator's seed: the TSC's low bits over many reads, which vary
 * with emulation and interrupt timing (no RDRAND on QEMU's default CPU).
 * Not a strong source; dev/dev.h says what that means. */
static void random_seed(void *ctx, uint8_t *out, size_t len)
{
	(void)ctx;
	for (size_t i = 0; i < len; i++) {
		uint8_t b = 0;
		for (int k = 0; k < 8; k++) {
			uint64_t t = rdtsc();
			b = (uint8_t)((b << 1 | b >> 7) ^ t ^ (t >> 7) ^ (t >> 32));
			mk_thread_yield();
		}
		out[i] = b;
	}
}

static void fail(const char *what, int err)
{
	const char *text = ux_strerror(err);

	if (text)
		ux_log("cannot start: %s: %s\n", what, text);
	else
		ux_log("cannot start: %s (error %d)\n", what, err);
	mk_host_poweroff(native_host_port(), MK_EXIT_PANIC);
	for (;;)
		mk_thread_exit();
}

/* Splits init's command line into argv (in place, in buf): the words
 * after "--", else init=PATH, else /bin/sh. */
static size_t init_argv(const char *cmdline, char *buf, size_t size, const char **argv)
{
	const char *words = cmdline_after_dashes(cmdline);
	size_t argc = 0;

	if (words) {
		size_t len = strlen(words);
		if (len >= size)
			len = size - 1;
		memcpy(buf, words, len);
		buf[len] = 0;
	} else if (!cmdline_get(cmdline, "init", buf, size) || !buf[0]) {
		memcpy(buf, "/bin/sh", sizeof("/bin/sh"));
	}
	for (char *s = buf; *s && argc < INIT_ARGS_MAX - 1;) {
		while (*s == ' ')
			*s++ = 0;
		if (!*s)
			break;
		argv[argc++] = s;
		while (*s && *s != ' ')
			s++;
	}
	argv[argc] = NULL;
	return argc;
}

static void start_init(const char *cmdline)
{
	static char buf[MK_BOOTINFO_CMDLINE_MAX];
	static const char *argv[INIT_ARGS_MAX];
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	size_t argc = init_argv(cmdline, buf, sizeof(buf), argv);
	struct exec_program prog = { 0 };

	if (argc == 0)
		fail("init's command line is empty", -UX_EINVAL);
	struct process *p = process_alloc();
	if (!p)
		fail("no process slot for init", -UX_ENOMEM);
	limits_init(p);
	/* Linux's init starts in group and session 0 and usually calls
	 * setsid; here it starts as that session's leader, so a program run
	 * as init sees what it would under a shell. */
	p->pgid = p->sid = p->pid;
	int r = files_init_console(p);
	if (r == 0)
		r = exec_program_find(p->files, argv[0], argv, argc, &prog);
	process_set_comm(p, argv[0]);
	if (r == 0) {
		struct exec_request req = { prog.file, argv[0], prog.argv, prog.argc, envp, 2 };
		r = exec_task_start(p, &req);
		exec_program_done(&prog);
	}
	if (r < 0) {
		ux_log("cannot run init %s\n", argv[0]);
		fail("init", r);
	}
}

bool server_traces(const char *comm)
{
	char key[PROCESS_COMM_MAX + 2];
	size_t n = strlen(comm);

	if (server.trace_all)
		return true;
	if (!server.trace_names[0] || n + 2 >= sizeof(key))
		return false;
	key[0] = ',';
	memcpy(key + 1, comm, n);
	key[n + 1] = ',';
	key[n + 2] = 0;
	for (const char *s = server.trace_names; *s; s++)
		if (!strncmp(s, key, n + 2))
			return true;
	return false;
}

/* ux.trace or ux.trace=NAME,NAME... */
static void trace_setup(const char *cmdline)
{
	char names[sizeof(server.trace_names) - 2];

	if (!cmdline_get(cmdline, "ux.trace", names, sizeof(names)))
		return;
	if (!names[0]) {
		server.trace_all = true;
		return;
	}
	size_t n = strlen(names);
	server.trace_names[0] = ',';
	memcpy(server.trace_names + 1, names, n);
	server.trace_names[n + 1] = ',';
	server.trace_names[n + 2] = 0;
}

/* ux.hostile: the hostile-request test runs as process 1 instead. */
static void start_hostile_test(void)
{
	struct process *p = process_alloc();

	if (!p)
		fail("no process slot for the hostile test", -UX_ENOMEM);
	limits_init(p);
	int r = hostile_start(p);
	if (r < 0)
		fail("the hostile test", r);
}

void native_main(const char *arg)
{
	const struct mk_bootinfo *bi = native_bootinfo();
	const struct mk_bootinfo_module *initramfs = native_boot_module("initramfs");
	const struct mk_bootinfo_module *emulator = native_boot_module("emulator");
	struct tmpfs_env env = { fs_alloc, fs_free, fs_now, NULL };
	struct initramfs_result res;
	struct mk_object_counts counts;

	(void)arg;
	if (!bi || !initramfs || !emulator)
		fail("no boot info, initramfs or emulator module", -UX_ENOENT);
	if (mk_host_object_counts(native_host_port(), &counts) == MK_SUCCESS)
		server.total_ram = counts.free_frames * 4096;
	trace_setup(bi->cmdline);
	int r = mk_port_allocate(MK_RIGHT_PORT_SET, &server.port_set) == MK_SUCCESS ? 0 : -UX_ENOMEM;
	if (r < 0)
		fail("port set", r);
	/* The clock goes into the emulator's header, and file times come from it. */
	if ((r = exec_init_emulator((const void *)emulator->address, emulator->size)) < 0)
		fail("emulator image", r);
	clock_measure(&server.emulator_template);
	if (server.emulator_template.tsc_ns_mult)
		ux_log("TSC: %lu MHz\n", (uint64_t)(1000ull << 32) / server.emulator_template.tsc_ns_mult);
	if ((r = vfs_init(&server.vfs, &env, 1)) < 0)
		fail("root file system", r);
	/* statfs's totals: Linux's tmpfs defaults, half of RAM in pages and
	 * as many inodes. */
	server.vfs.fs.max_blocks = server.total_ram / 2 / 4096;
	server.vfs.fs.max_inodes = server.vfs.fs.max_blocks;
	r = initramfs_load(&server.vfs.fs, (const void *)initramfs->address, initramfs->size,
			   INITRAMFS_BORROW, &res);
	if (r < 0)
		fail("initramfs", r);
	if ((r = dev_mem_register(&server.vfs)) < 0 ||
	    (r = dev_random_register(&server.vfs, &server.random, random_seed, NULL)) < 0 ||
	    (r = dev_make_nodes(&server.vfs)) < 0)
		fail("/dev", r);
	if ((r = console_init()) < 0)
		fail("console", r);
	ux_log("root file system: %u entries; starting init\n", res.entries);
	native_lock(&server.lock);
	char flag[2];
	if (cmdline_get(bi->cmdline, "ux.hostile", flag, sizeof(flag)))
		start_hostile_test();
	else
		start_init(bi->cmdline);
	native_unlock(&server.lock);
	if (native_thread_spawn(serve_timer, 0, 0, NULL) != MK_SUCCESS)
		ux_log("could not start the timer thread\n");
	for (int i = 1; i < SERVE_WORKERS; i++)
		if (native_thread_spawn(serve_worker, 0, 0, NULL) != MK_SUCCESS)
			ux_log("could not start worker %d\n", i);
	serve_worker(0);
}
