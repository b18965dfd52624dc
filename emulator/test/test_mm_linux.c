/*
 * test_mm_linux.c: the memory calls against the host's Linux. Each case
 * is a short script of calls run twice: with real system calls in a
 * window of the host test's own address space, and with emu_* over the
 * simulated kernel map (test_mm_fake.h) at the same addresses. Every
 * result must match (an errno exactly; an address exactly when it lies
 * in the window, else both must succeed), and after the script so must
 * the window: each page's protection (or unmapped) and a few bytes of
 * it, and the pages of the last mapping a call returned. The emulator's
 * table must agree with the simulated kernel map throughout.
 *
 * Known, documented differences are not scripted here (test_mm_calls.c
 * has them): a shared writable file mapping, MADV_WIPEONFORK, contents
 * of a private file mapping after MADV_DONTNEED, MAP_FIXED below 64 KiB
 * (the host's test runs as root with vm.mmap_min_addr 4096).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "test_mm_fake.h"
#include "unit.h"

#define W 0x200000000000ull             /* the window, free on both sides */
#define WPAGES 40
#define TASK_SIZE 0x7ffffffff000ull
#define RES 0xa000000000000000ull       /* R(k): the last mapping's address + k */
#define R(k) (RES + (k))

enum op { END, MMAP, MUNMAP, MPROTECT, MREMAP, MADVISE, POKE };
/* Symbolic fds (mmap's fifth argument), a real and a fake one each. */
enum { FD_FILE = 1000, FD_WRONLY, FD_PIPE, FD_DIR, FD_BAD };

struct step {
	enum op op;
	uint64_t a[6];
};

#define MAXSTEPS 10
struct scenario {
	const char *name;
	struct step s[MAXSTEPS];
};

#define A_PRIV (MAP_PRIVATE | MAP_ANONYMOUS)
#define FIX (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define RW (PROT_READ | PROT_WRITE)
#define MAP4 { MMAP, { W, 8 * P, RW, FIX, -1ull, 0 } }
#define MAPF(prot, flags, off, len) { MMAP, { 0, len, prot, flags, FD_FILE, off } }

static const struct scenario scenarios[] = {
	{ "mmap_len_0", { { MMAP, { 0, 0, RW, A_PRIV, -1ull, 0 } } } },
	{ "mmap_len_huge", { { MMAP, { 0, -P, RW, A_PRIV, -1ull, 0 } },
			     { MMAP, { 0, 1ull << 47, RW, A_PRIV, -1ull, 0 } },
			     { MMAP, { W, 1ull << 47, RW, FIX, -1ull, 0 } } } },
	{ "mmap_offset_unaligned", { { MMAP, { 0, P, RW, A_PRIV, -1ull, 1 } },
				     { MMAP, { 0, P, RW, MAP_PRIVATE, FD_BAD, 1 } } } },
	{ "mmap_anon_ignores_fd_and_offset", { { MMAP, { W, P, RW, FIX, FD_BAD, 1ull << 62 } } } },
	{ "mmap_bad_types", { { MMAP, { 0, P, RW, MAP_ANONYMOUS, -1ull, 0 } },
			      { MMAP, { 0, P, RW, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1ull, 0 } },
			      { MMAP, { 0, P, RW, 0xf | MAP_ANONYMOUS, -1ull, 0 } },
			      { MMAP, { 0, P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_GROWSDOWN, -1ull, 0 } } } },
	{ "mmap_accepted_flags", { { MMAP, { W, P, RW, FIX | MAP_NORESERVE | MAP_POPULATE | MAP_STACK, -1ull, 0 } },
				   { MMAP, { W + P, P, RW, FIX | MAP_GROWSDOWN | 0x80000000ull, -1ull, 0 } },
				   { MMAP, { W + 2 * P, P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1ull, 0 } },
				   { MMAP, { W + 3 * P, P, 0xff, FIX, -1ull, 0 } } } },
	{ "mmap_hugetlb", { { MMAP, { 0, 2 << 20, RW, A_PRIV | MAP_HUGETLB, -1ull, 0 } } } },
	{ "mmap_fixed_unaligned", { { MMAP, { W + 1, P, RW, FIX, -1ull, 0 } },
				    { MMAP, { W + 1, P, RW, MAP_PRIVATE | MAP_FIXED, FD_BAD, 0 } } } },
	{ "mmap_fixed_past_task_size", { { MMAP, { TASK_SIZE, P, RW, FIX, -1ull, 0 } },
					 { MMAP, { TASK_SIZE - P, 2 * P, RW, FIX, -1ull, 0 } },
					 { MMAP, { TASK_SIZE, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0 } } } },
	{ "mmap_fixed_replaces_and_splits", { MAP4, { POKE, { W + 3 * P + 5, 9 } }, { POKE, { W + 4 * P, 8 } },
					      { MMAP, { W + 3 * P, P, PROT_READ, FIX, -1ull, 0 } } } },
	{ "mmap_noreplace", { MAP4, { MMAP, { W + P, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0 } },
			      { MMAP, { W + 9 * P, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0 } },
			      { MMAP, { W + 7 * P, 4 * P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0 } },
			      { MMAP, { W + 20 * P + 1, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0 } } } },
	{ "mmap_hints", { MAP4, { MMAP, { W + 10 * P, P, RW, A_PRIV, -1ull, 0 } },
			  { MMAP, { W + 12 * P + 5, P, RW, A_PRIV, -1ull, 0 } },
			  { MMAP, { W + 2 * P, P, RW, A_PRIV, -1ull, 0 } },
			  { MMAP, { W + 7 * P, 2 * P, RW, A_PRIV, -1ull, 0 } } } },
	{ "mmap_private_file", { MAPF(PROT_READ, MAP_PRIVATE, 0, 3 * P), { POKE, { R(5), 1 } },
				 MAPF(RW, MAP_PRIVATE, P, 2 * P), { POKE, { R(5), 1 } } } },
	{ "mmap_private_file_fixed", { MAP4, { MMAP, { W + 2 * P, 2 * P, PROT_READ | PROT_EXEC,
						       MAP_PRIVATE | MAP_FIXED, FD_FILE, P } } } },
	{ "mmap_shared_readonly_file", { MAPF(PROT_READ, MAP_SHARED, 0, 2 * P),
					 { MPROTECT, { R(0), P, RW } }, { MPROTECT, { R(0), P, PROT_EXEC } } } },
	{ "mmap_file_errors", { { MMAP, { 0, P, PROT_READ, MAP_PRIVATE, FD_WRONLY, 0 } },
				{ MMAP, { 0, P, PROT_READ, MAP_PRIVATE, FD_PIPE, 0 } },
				{ MMAP, { 0, P, PROT_READ, MAP_PRIVATE, FD_DIR, 0 } },
				{ MMAP, { 0, P, PROT_READ, MAP_PRIVATE, FD_BAD, 0 } },
				{ MMAP, { 0, 0, PROT_READ, MAP_PRIVATE, FD_BAD, 0 } },
				{ MMAP, { 0, P, PROT_READ, 0, FD_BAD, 0 } },
				{ MMAP, { 0, P, PROT_READ, 0, FD_FILE, 0 } },
				{ MMAP, { 0, 0, PROT_READ, MAP_PRIVATE, FD_FILE, 0 } },
				{ MMAP, { 0, P, PROT_READ, MAP_PRIVATE | MAP_HUGETLB, FD_FILE, 0 } } } },
	{ "mmap_file_flag_errors", { { MMAP, { 0, P, PROT_READ, MAP_PRIVATE, FD_FILE, 0x7ffffffffffff000ull } },
				     { MMAP, { 0, 2 * P, PROT_READ, MAP_PRIVATE, FD_FILE, -P } },
				     { MMAP, { 0, P, PROT_READ, MAP_SHARED_VALIDATE | 0x80000000ull, FD_FILE, 0 } },
				     { MMAP, { 0, P, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, FD_FILE, 0 } },
				     { MMAP, { 0, P, PROT_READ, MAP_PRIVATE | MAP_SYNC, FD_FILE, 0 } },
				     { MMAP, { 0, P, PROT_READ, MAP_PRIVATE | 0x80000000ull, FD_FILE, 0 } },
				     { MMAP, { 0, P, PROT_READ, MAP_SHARED | MAP_SYNC, FD_FILE, 0 } },
				     { MMAP, { W, P, PROT_READ, MAP_SHARED_VALIDATE | MAP_FIXED_NOREPLACE, FD_FILE, 0 } },
				     { MMAP, { 0, P, PROT_READ, MAP_SHARED | 0x80000000ull, FD_FILE, 0 } } } },
	{ "mmap_anonymous_sync", { { MMAP, { 0, P, RW, A_PRIV | MAP_SYNC, -1ull, 0 } },
				   { MMAP, { 0, P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_SYNC, -1ull, 0 } } } },
	{ "munmap_errors", { MAP4, { MUNMAP, { W + 1, P } }, { MUNMAP, { W, 0 } }, { MUNMAP, { W, -P } },
			     { MUNMAP, { TASK_SIZE, P } }, { MUNMAP, { TASK_SIZE - P, 2 * P } } } },
	{ "munmap_holes_and_splits", { MAP4, { MUNMAP, { W + 30 * P, P } }, { MUNMAP, { W + 2 * P, 1 } },
				       { MUNMAP, { W + 6 * P, 20 * P } }, { POKE, { W + 5 * P, 3 } },
				       { MUNMAP, { 0, P } } } },
	{ "mprotect_errors", { MAP4, { MPROTECT, { W + 1, P, 1 } }, { MPROTECT, { W, 0, 0x10 } },
			       { MPROTECT, { W + 30 * P, 0, 1 } }, { MPROTECT, { W, P, 0x10 } },
			       { MPROTECT, { W + 30 * P, P, 0x10 } }, { MPROTECT, { W + 30 * P, P, 1 } },
			       { MPROTECT, { W, -P, 1 } }, { MPROTECT, { W, -W, 1 } },
			       { MPROTECT, { TASK_SIZE, P, 1 } } } },
	{ "mprotect_grows", { MAP4, { MPROTECT, { W, P, 1 | PROT_GROWSDOWN } },
			      { MPROTECT, { W, P, 1 | PROT_GROWSUP } },
			      { MPROTECT, { W, P, 1 | PROT_GROWSUP | PROT_GROWSDOWN } },
			      { MPROTECT, { W + 30 * P, P, 1 | PROT_GROWSDOWN } } } },
	{ "mprotect_splits_and_merges", { MAP4, { MPROTECT, { W + 2 * P, 2 * P, PROT_READ | 8 } },
					  { MPROTECT, { W + 5 * P, P, PROT_NONE } }, { POKE, { W + 2 * P, 1 } },
					  { MPROTECT, { W + 3 * P, P, RW } }, { POKE, { W + 3 * P, 1 } } } },
	{ "mprotect_stops_at_a_hole", { MAP4, { MUNMAP, { W + 6 * P, P } },
					{ MPROTECT, { W + 4 * P, 4 * P, PROT_READ } },
					{ MPROTECT, { W + 6 * P, 2 * P, PROT_NONE } } } },
	{ "madvise_errors", { MAP4, { MADVISE, { W, P, 999 } }, { MADVISE, { W + 1, P, 999 } },
			      { MADVISE, { W + 1, P, 0 } }, { MADVISE, { W, 0, 0 } },
			      { MADVISE, { W + 30 * P, 0, 0 } }, { MADVISE, { W + 30 * P, P, 0 } },
			      { MADVISE, { W, -P, 0 } }, { MADVISE, { W, -1ull, 0 } },
			      { MADVISE, { TASK_SIZE, P, 0 } } } },
	{ "madvise_advice_values", { MAP4, { MADVISE, { W, P, 5 } }, { MADVISE, { W, P, 9 } },
				     { MADVISE, { W, P, 25 } }, { MADVISE, { W, P, 100 } },
				     { MADVISE, { W, P, 0x100000000ull } }, { MADVISE, { W, P, -1ull } } } },
	{ "madvise_dontneed_zeroes_private_anonymous", { MAP4, { POKE, { W + 10, 5 } },
							 { POKE, { W + 2 * P + 100, 6 } },
							 { MPROTECT, { W + P, P, PROT_READ } },
							 { MADVISE, { W, 4 * P, MADV_DONTNEED } } } },
	{ "madvise_across_a_hole", { MAP4, { POKE, { W + 10, 5 } }, { POKE, { W + 7 * P, 6 } },
				     { MUNMAP, { W + 3 * P, P } },
				     { MADVISE, { W, 8 * P, MADV_DONTNEED } },
				     { MADVISE, { W + 3 * P, 3 * P, MADV_NORMAL } } } },
	{ "madvise_shared_keeps_its_bytes", { { MMAP, { W, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1ull, 0 } },
					      { POKE, { W, 7 } }, { MADVISE, { W, 2 * P, MADV_DONTNEED } },
					      { MADVISE, { W, P, MADV_FREE } }, { MADVISE, { W, P, MADV_REMOVE } } } },
	{ "madvise_free_and_file", { MAP4, { POKE, { W, 7 } }, { MADVISE, { W, P, MADV_FREE } },
				     { MADVISE, { W, P, MADV_REMOVE } },
				     MAPF(PROT_READ, MAP_PRIVATE, 0, P), { MADVISE, { R(0), P, MADV_FREE } },
				     { MADVISE, { R(0), P, MADV_DONTNEED } } } },
	{ "mremap_errors", { MAP4, { MREMAP, { W, P, P, 8, 0 } },
			     { MREMAP, { W, P, P, MREMAP_FIXED, W + 20 * P } },
			     { MREMAP, { W + 1, P, P, 0, 0 } }, { MREMAP, { W, P, 0, 0, 0 } },
			     { MREMAP, { W, P, -P, MREMAP_MAYMOVE, 0 } },
			     { MREMAP, { W, P, 1ull << 47, MREMAP_MAYMOVE, 0 } },
			     { MREMAP, { W, 0, P, MREMAP_MAYMOVE, 0 } },
			     { MREMAP, { W, -P, P, 0, 0 } } } },
	{ "mremap_unmapped_is_efault", { MAP4, { MREMAP, { W + 20 * P, P, P, 0, 0 } },
					 { MREMAP, { W + 20 * P, 2 * P, P, 0, 0 } },
					 { MREMAP, { W + 20 * P, P, 2 * P, MREMAP_MAYMOVE, 0 } },
					 { MREMAP, { W + 6 * P, 4 * P, 8 * P, MREMAP_MAYMOVE, 0 } },
					 { MREMAP, { W + 20 * P, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 30 * P } } } },
	{ "mremap_in_place", { MAP4, { MREMAP, { W, 8 * P, 8 * P, 0, 0 } },
			       { MREMAP, { W + 6 * P, 4 * P, P, 0, 0 } },
			       { MREMAP, { W, 7 * P, 10 * P, 0, 0 } }, { POKE, { W + 9 * P, 4 } },
			       { MREMAP, { W, 3 * P, 2 * P, 0, 0 } } } },
	{ "mremap_grow_blocked", { MAP4, { POKE, { W + 5, 42 } }, { POKE, { W + 7 * P + 1, 43 } },
				   { MMAP, { W + 8 * P, P, PROT_READ, FIX, -1ull, 0 } },
				   { MREMAP, { W, 8 * P, 9 * P, 0, 0 } },
				   { MREMAP, { W, 8 * P, 9 * P, MREMAP_MAYMOVE, 0 } },
				   { POKE, { R(8 * P), 44 } } } },
	{ "mremap_moves_part_of_a_mapping", { MAP4, { POKE, { W + 2 * P + 3, 42 } },
					      { MPROTECT, { W + 2 * P, 2 * P, PROT_READ } },
					      { MREMAP, { W + 2 * P, P, 3 * P, MREMAP_MAYMOVE, 0 } } } },
	{ "mremap_fixed", { MAP4, { POKE, { W + 3, 42 } }, { POKE, { W + 2 * P + 3, 43 } },
			    { MMAP, { W + 20 * P, 4 * P, PROT_READ, FIX, -1ull, 0 } },
			    { MREMAP, { W, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 2 * P } },
			    { MREMAP, { W, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 20 * P + 1 } },
			    { MREMAP, { W, 4 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, TASK_SIZE } },
			    { MREMAP, { W, 4 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 21 * P } } } },
	{ "mremap_fixed_grows", { MAP4, { POKE, { W + 7 * P, 42 } },
				  { MREMAP, { W + 6 * P, 2 * P, 5 * P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 20 * P } },
				  { POKE, { W + 24 * P, 1 } } } },
	{ "mremap_dontunmap", { MAP4, { POKE, { W + 3, 42 } },
				{ MREMAP, { W, 2 * P, 2 * P, MREMAP_DONTUNMAP, 0 } },
				{ MREMAP, { W, 2 * P, 3 * P, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, 0 } },
				{ MREMAP, { W, 2 * P, 2 * P, MREMAP_DONTUNMAP | MREMAP_MAYMOVE, W + 30 * P } } } },
	{ "mremap_prot_none_moves_too", { MAP4, { POKE, { W + 3, 42 } },
					  { MPROTECT, { W, 8 * P, PROT_NONE } },
					  { MREMAP, { W, 8 * P, 4 * P, MREMAP_MAYMOVE | MREMAP_FIXED, W + 20 * P } },
					  { MPROTECT, { W + 20 * P, 4 * P, PROT_READ } } } },
};

/* ---- the host ---- */

static int host_fds[5];

static void host_files(void)
{
	static char path[] = "/tmp/test_mm_linux_XXXXXX";
	int fd = mkstemp(path);
	unsigned char buf[FAKE_FILE_SIZE];

	for (uint64_t i = 0; i < FAKE_FILE_SIZE; i++)
		buf[i] = fake_file_byte(i);
	assert(write(fd, buf, sizeof(buf)) == (ssize_t)sizeof(buf));
	close(fd);
	int pipefd[2];
	assert(pipe(pipefd) == 0);
	host_fds[0] = open(path, O_RDONLY);
	host_fds[1] = open(path, O_WRONLY);
	host_fds[2] = pipefd[0];
	host_fds[3] = open("/tmp", O_RDONLY | O_DIRECTORY);
	host_fds[4] = 999;
	unlink(path);
}

static uint64_t fd_arg(uint64_t fd, int host)
{
	static const int fake_fds[5] = { 3, 7, 5, 6, 99 };

	if (fd < FD_FILE || fd > FD_BAD)
		return fd;
	return host ? (uint64_t)host_fds[fd - FD_FILE] : (uint64_t)fake_fds[fd - FD_FILE];
}

/* The host's protection of the page at addr from /proc/self/maps, -1 if unmapped. */
static int host_prot(uint64_t addr)
{
	char buf[1 << 16];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n = 0, got;

	while ((got = read(fd, buf + n, sizeof(buf) - 1 - (size_t)n)) > 0)
		n += got;
	close(fd);
	buf[n] = 0;
	for (char *line = buf; *line;) {
		unsigned long long s, e;
		char perms[5];
		if (sscanf(line, "%llx-%llx %4s", &s, &e, perms) == 3 && s <= addr && addr < e)
			return (perms[0] == 'r') | (perms[1] == 'w') << 1 | (perms[2] == 'x') << 2;
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		line = nl + 1;
	}
	return -1;
}

/* Through /proc/self/mem: no signal when the page cannot be read (a
 * file page past the end, which Linux answers with SIGBUS). */
static int host_read(uint64_t addr)
{
	int prot = host_prot(addr), fd = open("/proc/self/mem", O_RDONLY);
	unsigned char b;
	ssize_t n = pread(fd, &b, 1, (off_t)addr);

	close(fd);
	if (prot < 0 || !(prot & PROT_READ))
		return -1;
	return n == 1 ? b : -3;
}

static long host_call(const struct step *s, const uint64_t *a)
{
	long r;

	switch (s->op) {
	case MMAP: r = syscall(SYS_mmap, a[0], a[1], a[2], a[3], fd_arg(a[4], 1), a[5]); break;
	case MUNMAP: r = syscall(SYS_munmap, a[0], a[1]); break;
	case MPROTECT: r = syscall(SYS_mprotect, a[0], a[1], a[2]); break;
	case MREMAP: r = syscall(SYS_mremap, a[0], a[1], a[2], a[3], a[4]); break;
	case MADVISE: r = syscall(SYS_madvise, a[0], a[1], a[2]); break;
	case POKE:
		if (host_prot(a[0]) < 0 || !(host_prot(a[0]) & PROT_WRITE))
			return -EFAULT;
		*(volatile unsigned char *)a[0] = (unsigned char)a[1];
		return 0;
	default: return 0;
	}
	return r == -1 ? -errno : r;
}

/* ---- the emulator ---- */

static long emu_call(const struct step *s, const uint64_t *a)
{
	switch (s->op) {
	case MMAP: return emu_mmap(a[0], a[1], a[2], a[3], fd_arg(a[4], 0), a[5]);
	case MUNMAP: return emu_munmap(a[0], a[1]);
	case MPROTECT: return emu_mprotect(a[0], a[1], a[2]);
	case MREMAP: return emu_mremap(a[0], a[1], a[2], a[3], a[4]);
	case MADVISE: return emu_madvise(a[0], a[1], a[2]);
	case POKE: return fake_app_write(a[0], (unsigned char)a[1]) ? -EFAULT : 0;
	default: return 0;
	}
}

/* The table agrees with the simulated kernel on [start, end). */
static int table_matches_kernel(uint64_t start, uint64_t end)
{
	for (uint64_t a = start; a < end; a += P) {
		const struct mm_region *r = mm_regions_find(&mm_space.regions, a);
		if ((r ? r->prot : -1) != fake_prot(a))
			return 0;
	}
	return 1;
}

/* ---- running a scenario both ways ---- */

struct run {
	long results[MAXSTEPS];
	uint64_t last, last_len;        /* the last mapping a call returned */
	int prot[WPAGES + 8];           /* the window's pages, then last's */
	int bytes[WPAGES + 8][3];
};

static void resolve(const struct step *s, uint64_t last, uint64_t *a)
{
	for (int i = 0; i < 6; i++)
		a[i] = s->a[i] >= RES && s->a[i] < RES + (1ull << 40) ? last + (s->a[i] - RES) : s->a[i];
}

static int returns_mapping(const struct step *s, long r)
{
	return (s->op == MMAP || s->op == MREMAP) && r >= 0;
}

static void snapshot(struct run *run, int host)
{
	static const int offsets[3] = { 0, 100, 3000 };

	for (int i = 0; i < WPAGES + 8; i++) {
		uint64_t page = i < WPAGES ? W + i * P : run->last + (i - WPAGES) * P;
		if (i >= WPAGES && (uint64_t)(i - WPAGES) * P >= run->last_len) {
			run->prot[i] = -2;
			continue;
		}
		run->prot[i] = host ? host_prot(page) : fake_prot(page);
		for (int k = 0; k < 3; k++)
			run->bytes[i][k] = host ? host_read(page + offsets[k])
						: fake_app_read(page + offsets[k]);
	}
}

static int in_window(long r)
{
	return (uint64_t)r >= W && (uint64_t)r < W + 64 * P;
}

static void run_scenario(const struct scenario *sc, struct run *run, int host)
{
	memset(run, 0, sizeof(*run));
	if (host)
		syscall(SYS_munmap, W, 64 * P);
	else
		fake_reset(0x400000);
	for (int i = 0; i < MAXSTEPS && sc->s[i].op != END; i++) {
		uint64_t a[6];
		resolve(&sc->s[i], run->last, a);
		run->results[i] = host ? host_call(&sc->s[i], a) : emu_call(&sc->s[i], a);
		if (returns_mapping(&sc->s[i], run->results[i])) {
			run->last = (uint64_t)run->results[i];
			run->last_len = ((sc->s[i].op == MMAP ? a[1] : a[2]) + P - 1) & ~(P - 1);
		}
	}
	snapshot(run, host);
	if (host) {
		syscall(SYS_munmap, W, 64 * P);
		if (run->last && !in_window((long)run->last))
			syscall(SYS_munmap, run->last, run->last_len);
	}
}

static const struct scenario *current;


static void check_current(void)
{
	struct run host, emu;

	run_scenario(current, &host, 1);
	run_scenario(current, &emu, 0);
	for (int i = 0; i < MAXSTEPS && current->s[i].op != END; i++) {
		long h = host.results[i], e = emu.results[i];
		int same = h < 0 || e < 0 || in_window(h) || in_window(e) ? h == e : 1;
		if (!same && !unit_failure) {
			snprintf(unit_failure_buf, sizeof(unit_failure_buf),
				 "step %d: host %ld (%#lx), emulator %ld (%#lx)", i, h, h, e, e);
			unit_failure = unit_failure_buf;
		}
	}
	for (int i = 0; i < WPAGES + 8 && !unit_failure; i++) {
		int same = host.prot[i] == emu.prot[i] && !memcmp(host.bytes[i], emu.bytes[i],
								   sizeof(host.bytes[i]));
		if (!same) {
			snprintf(unit_failure_buf, sizeof(unit_failure_buf),
				 "%s page %d: host prot %d bytes %d %d %d, emulator prot %d bytes %d %d %d",
				 i < WPAGES ? "window" : "returned", i < WPAGES ? i : i - WPAGES,
				 host.prot[i], host.bytes[i][0], host.bytes[i][1], host.bytes[i][2],
				 emu.prot[i], emu.bytes[i][0], emu.bytes[i][1], emu.bytes[i][2]);
			unit_failure = unit_failure_buf;
		}
	}
	UNIT_CHECK(table_matches_kernel(W, W + 64 * P));
	UNIT_CHECK(!emu.last || table_matches_kernel(emu.last, emu.last + emu.last_len));
	UNIT_CHECK(fake_emulator_hits == 0);
}

static void constants_match_the_host(void)
{
	UNIT_CHECK(LINUX_MAP_SHARED == MAP_SHARED && LINUX_MAP_PRIVATE == MAP_PRIVATE);
	UNIT_CHECK(LINUX_MAP_SHARED_VALIDATE == MAP_SHARED_VALIDATE && LINUX_MAP_TYPE == MAP_TYPE);
	UNIT_CHECK(LINUX_MAP_FIXED == MAP_FIXED && LINUX_MAP_ANONYMOUS == MAP_ANONYMOUS);
	UNIT_CHECK(LINUX_MAP_32BIT == MAP_32BIT && LINUX_MAP_GROWSDOWN == MAP_GROWSDOWN);
	UNIT_CHECK(LINUX_MAP_DENYWRITE == MAP_DENYWRITE && LINUX_MAP_EXECUTABLE == MAP_EXECUTABLE);
	UNIT_CHECK(LINUX_MAP_LOCKED == MAP_LOCKED && LINUX_MAP_NORESERVE == MAP_NORESERVE);
	UNIT_CHECK(LINUX_MAP_POPULATE == MAP_POPULATE && LINUX_MAP_NONBLOCK == MAP_NONBLOCK);
	UNIT_CHECK(LINUX_MAP_STACK == MAP_STACK && LINUX_MAP_HUGETLB == MAP_HUGETLB);
	UNIT_CHECK(LINUX_MAP_SYNC == MAP_SYNC && LINUX_MAP_FIXED_NOREPLACE == MAP_FIXED_NOREPLACE);
	UNIT_CHECK(LINUX_PROT_READ == PROT_READ && LINUX_PROT_WRITE == PROT_WRITE);
	UNIT_CHECK(LINUX_PROT_EXEC == PROT_EXEC && LINUX_PROT_SEM == 8);
	UNIT_CHECK(LINUX_PROT_GROWSDOWN == PROT_GROWSDOWN && LINUX_PROT_GROWSUP == PROT_GROWSUP);
	UNIT_CHECK(LINUX_MREMAP_MAYMOVE == MREMAP_MAYMOVE && LINUX_MREMAP_FIXED == MREMAP_FIXED);
	UNIT_CHECK(LINUX_MREMAP_DONTUNMAP == 4);
	UNIT_CHECK(LINUX_MADV_DONTNEED == MADV_DONTNEED && LINUX_MADV_FREE == MADV_FREE);
	UNIT_CHECK(LINUX_MADV_REMOVE == MADV_REMOVE && LINUX_MADV_DONTFORK == MADV_DONTFORK);
	UNIT_CHECK(LINUX_MADV_WIPEONFORK == MADV_WIPEONFORK && LINUX_MADV_COLD == MADV_COLD);
	UNIT_CHECK(LINUX_MADV_POPULATE_WRITE == 23 && LINUX_MADV_DONTNEED_LOCKED == 24);
}

int main(void)
{
	int failed = 0;

	host_files();
	if (syscall(SYS_mmap, W, 64 * P, PROT_NONE, A_PRIV | MAP_FIXED_NOREPLACE, -1, 0) != (long)W) {
		printf("FAIL mm_linux/window: the host's window at %#llx is not free\n", W);
		return 1;
	}
	unit_failure = NULL;
	constants_match_the_host();
	printf("%s mm_linux/constants_match_the_host%s%s\n", unit_failure ? "FAIL" : "PASS",
	       unit_failure ? ": " : "", unit_failure ? unit_failure : "");
	failed += unit_failure != NULL;
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		unit_failure = NULL;
		current = &scenarios[i];
		check_current();
		if (unit_failure)
			printf("FAIL mm_linux/%s: %s\n", current->name, unit_failure);
		else
			printf("PASS mm_linux/%s\n", current->name);
		failed += unit_failure != NULL;
	}
	return failed ? 1 : 0;
}
