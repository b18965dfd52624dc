/*
 * test_mm_calls.c: what test_mm_linux.c cannot compare with the host:
 * the emulator's region, placement, the break, mmap_min_addr, file
 * mappings where the emulator differs on purpose, inheritance, a full
 * table, and mappings the table does not know. Each expected errno is
 * the one the host gives for the Linux counterpart (a range past
 * TASK_SIZE for the emulator's region; noted per case), over the
 * simulated kernel map of test_mm_fake.h.
 */
#define _GNU_SOURCE
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <unistd.h>
#include "test_mm_fake.h"
#include "unit.h"

#define BRK0 0x400000ull
#define A_PRIV (MAP_PRIVATE | MAP_ANONYMOUS)
#define FIX (MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define RW (PROT_READ | PROT_WRITE)
#define EB EMULATOR_BASE

static long map_at(uint64_t addr, uint64_t len, int prot)
{
	return emu_mmap(addr, len, (uint64_t)prot, FIX, -1ull, 0);
}

/* Host: munmap(TASK_SIZE) EINVAL, mprotect and madvise there ENOMEM,
 * mmap(MAP_FIXED) there ENOMEM, mremap to it EINVAL and from it EFAULT. */
static void the_emulator_region_is_out_of_reach(void)
{
	fake_reset(BRK0);
	UNIT_CHECK(emu_munmap(EB, P) == -EINVAL);
	UNIT_CHECK(emu_munmap(EB - P, 2 * P) == -EINVAL);
	UNIT_CHECK(emu_munmap(EMULATOR_END - P, P) == -EINVAL);
	UNIT_CHECK(emu_mprotect(EB, P, PROT_READ) == -ENOMEM);
	UNIT_CHECK(emu_madvise(EB, P, MADV_DONTNEED) == -ENOMEM);
	UNIT_CHECK(map_at(EB, P, RW) == -ENOMEM);
	UNIT_CHECK(map_at(EB - P, 2 * P, RW) == -ENOMEM);
	UNIT_CHECK(emu_mmap(EB, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0) == -ENOMEM);
	UNIT_CHECK(emu_mremap(EB, P, P, 0, 0) == -EFAULT);
	UNIT_CHECK(emu_mremap(EB, P, 2 * P, MREMAP_MAYMOVE, 0) == -EFAULT);
	long a = emu_mmap(0, P, RW, A_PRIV, -1ull, 0);
	UNIT_CHECK(a > 0);
	UNIT_CHECK(emu_mremap((uint64_t)a, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, EB) == -EINVAL);
	long hinted = emu_mmap(EB + P, P, RW, A_PRIV, -1ull, 0);      /* a hint there is moved */
	UNIT_CHECK(hinted > 0 && !mm_touches_emulator((uint64_t)hinted, (uint64_t)hinted + P));
	UNIT_CHECK(fake_emulator_hits == 0);
	UNIT_CHECK(fake_prot(EB) == RW && fake_prot(EMULATOR_END - P) == RW);
}

/* Ranges running into the emulator's region change nothing below it
 * either for munmap (checked first); mprotect walks up to it. */
static void a_range_into_the_region_stops_there(void)
{
	fake_reset(BRK0);
	UNIT_CHECK(map_at(EB - 2 * P, 2 * P, RW) == (long)(EB - 2 * P));
	UNIT_CHECK(emu_munmap(EB - 2 * P, 4 * P) == -EINVAL);
	UNIT_CHECK(fake_prot(EB - 2 * P) == RW);
	UNIT_CHECK(emu_mprotect(EB - 2 * P, 4 * P, PROT_READ) == -ENOMEM);
	UNIT_CHECK(fake_prot(EB - 2 * P) == PROT_READ && fake_prot(EB) == RW);
	UNIT_CHECK(emu_mremap(EB - 2 * P, 2 * P, 3 * P, 0, 0) == -ENOMEM);    /* no room above */
	UNIT_CHECK(fake_emulator_hits == 0);
}

static void mappings_go_top_down_below_the_emulator(void)
{
	fake_reset(BRK0);
	long a = emu_mmap(0, 3 * P, RW, A_PRIV, -1ull, 0);
	long b = emu_mmap(0, P, PROT_READ, A_PRIV, -1ull, 0);
	UNIT_CHECK(a == (long)(EMULATOR_MMAP_TOP - 3 * P));
	UNIT_CHECK(b == a - (long)P);
	UNIT_CHECK(emu_munmap((uint64_t)a, P) == 0);
	long c = emu_mmap(0, P, RW, A_PRIV, -1ull, 0);  /* the hole is reused */
	UNIT_CHECK(c == a);
	long d = emu_mmap(0, P, RW, A_PRIV | MAP_32BIT, -1ull, 0);
	UNIT_CHECK(d >= 0x40000000 && d < 0x80000000);
	UNIT_CHECK(mm_space.regions.count == 4);        /* emulator, b, c+a merged, d */
}

static void mapping_past_the_top_falls_back_to_any_room(void)
{
	fake_reset(BRK0);
	/* Fill everything between the break and the top. */
	uint64_t len = EMULATOR_MMAP_TOP - BRK0;
	UNIT_CHECK(emu_mmap(BRK0, len, PROT_NONE, FIX | MAP_NORESERVE, -1ull, 0) == (long)BRK0);
	long a = emu_mmap(0, P, RW, A_PRIV, -1ull, 0);
	UNIT_CHECK(a >= (long)EMULATOR_END || (a >= (long)MM_MIN_ADDR && a < (long)BRK0));
	UNIT_CHECK(emu_mmap(0, 1ull << 46, RW, A_PRIV, -1ull, 0) == -ENOMEM);
}

/* Host (root, vm.mmap_min_addr 4096 there): MAP_FIXED below the minimum
 * without CAP_SYS_RAWIO is EPERM; checked below in a child that drops
 * the capability. The emulator behaves as that process with 65536. */
static long host_fixed_at_0_without_rawio(void)
{
	int pipefd[2];
	long r = 0;

	if (pipe(pipefd))
		return 0;
	pid_t pid = fork();
	if (pid == 0) {
		struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
		struct __user_cap_data_struct d[2];
		syscall(SYS_capget, &h, d);
		d[CAP_SYS_RAWIO / 32].effective &= ~(1u << (CAP_SYS_RAWIO % 32));
		syscall(SYS_capset, &h, d);
		long m = syscall(SYS_mmap, 0, P, RW, FIX, -1, 0);
		r = m == -1 ? -errno : m;
		if (write(pipefd[1], &r, sizeof(r)) != sizeof(r))
			_exit(1);
		_exit(0);
	}
	if (read(pipefd[0], &r, sizeof(r)) != sizeof(r))
		r = 0;
	waitpid(pid, NULL, 0);
	close(pipefd[0]);
	close(pipefd[1]);
	return r;
}

static void nothing_goes_below_64_kib(void)
{
	fake_reset(BRK0);
	UNIT_CHECK(host_fixed_at_0_without_rawio() == -EPERM);
	UNIT_CHECK(map_at(0x1000, P, RW) == -EPERM);
	UNIT_CHECK(map_at(0xf000, P, RW) == -EPERM);
	UNIT_CHECK(map_at(0x10000, P, RW) == 0x10000);
	long a = emu_mmap(0x2000, P, RW, A_PRIV, -1ull, 0);    /* the hint moves up */
	UNIT_CHECK(a == 0x11000 || a >= 0x10000);
	long b = emu_mmap(0, P, RW, A_PRIV, -1ull, 0);
	UNIT_CHECK(emu_mremap((uint64_t)b, P, P, MREMAP_MAYMOVE | MREMAP_FIXED, 0x1000) == -EPERM);
	UNIT_CHECK(emu_mprotect(0, P, PROT_READ) == -ENOMEM);
	UNIT_CHECK(emu_munmap(0, P) == 0);
}

/* Linux's brk, as the host showed it (see mm_brk.c). */
static void brk_follows_linux(void)
{
	fake_reset(BRK0);
	UNIT_CHECK(emu_brk(0) == (long)BRK0);
	UNIT_CHECK(emu_brk(BRK0 - 1) == (long)BRK0);
	UNIT_CHECK(emu_brk(BRK0 + 1) == (long)BRK0 + 1);
	UNIT_CHECK(fake_app_write(BRK0, 7) == 0 && fake_prot(BRK0 + P) == -1);
	UNIT_CHECK(emu_brk(BRK0 + 5000) == (long)BRK0 + 5000);
	UNIT_CHECK(fake_app_write(BRK0 + P + 5, 8) == 0);
	UNIT_CHECK(emu_brk(-1ull) == (long)BRK0 + 5000);
	UNIT_CHECK(emu_brk(0x7fffffffffffull) == (long)BRK0 + 5000);
	UNIT_CHECK(emu_brk(BRK0 + 10) == (long)BRK0 + 10);
	UNIT_CHECK(fake_prot(BRK0 + P) == -1 && fake_peek(BRK0) == 7);
	UNIT_CHECK(emu_brk(BRK0 + 5000) == (long)BRK0 + 5000);
	UNIT_CHECK(fake_peek(BRK0 + P + 5) == 0);               /* fresh memory */
	UNIT_CHECK(emu_brk(BRK0 + 10) == (long)BRK0 + 10);
	/* A mapping one page above: growing into its guard page fails. */
	UNIT_CHECK(map_at(BRK0 + 2 * P, P, RW) == (long)(BRK0 + 2 * P));
	UNIT_CHECK(emu_brk(BRK0 + P + 1) == (long)BRK0 + 10);
	UNIT_CHECK(emu_brk(BRK0 + P) == (long)BRK0 + P);
	UNIT_CHECK(emu_brk(BRK0 + 2 * P) == (long)BRK0 + P);
	UNIT_CHECK(emu_munmap(BRK0 + 2 * P, P) == 0);
	UNIT_CHECK(emu_brk(BRK0 + 2 * P + 1) == (long)BRK0 + 2 * P + 1);
	UNIT_CHECK(emu_munmap(BRK0, 2 * P) == 0);               /* shrinking still works */
	UNIT_CHECK(emu_brk(BRK0) == (long)BRK0);
	UNIT_CHECK(emu_brk(BRK0 + 3 * P) == (long)BRK0 + 3 * P);
	UNIT_CHECK(fake_peek(BRK0) == 0);
}

static void brk_stops_below_the_emulator(void)
{
	fake_reset(EB - 4 * P);
	UNIT_CHECK(emu_brk(EB - 2 * P) == (long)(EB - 2 * P));
	UNIT_CHECK(emu_brk(EB - P) == (long)(EB - P));          /* leaves one guard page */
	UNIT_CHECK(emu_brk(EB - P + 1) == (long)(EB - P));      /* its guard page: the region */
	UNIT_CHECK(emu_brk(EB + P) == (long)(EB - P));
	UNIT_CHECK(fake_emulator_hits == 0);
}

static void file_mapping_reads_the_file_and_zero_past_its_end(void)
{
	fake_reset(BRK0);
	long a = emu_mmap(0, 4 * P, PROT_READ, MAP_PRIVATE, 3, P);
	UNIT_CHECK(a > 0);
	UNIT_CHECK(fake_app_read((uint64_t)a) == fake_file_byte(P));
	UNIT_CHECK(fake_app_read((uint64_t)a + FAKE_FILE_SIZE - P - 1) ==
		   fake_file_byte(FAKE_FILE_SIZE - 1));
	UNIT_CHECK(fake_app_read((uint64_t)a + FAKE_FILE_SIZE - P) == 0);
	UNIT_CHECK(fake_app_read((uint64_t)a + 3 * P) == 0);     /* Linux: SIGBUS */
	UNIT_CHECK(fake_app_write((uint64_t)a, 1) == -1);
	UNIT_CHECK(emu_mprotect((uint64_t)a, P, RW) == 0);       /* private: allowed */
	UNIT_CHECK(fake_preads >= 2);                            /* the probe, then reads */
}

/* Documented differences from Linux. */
static void unsupported_file_mappings_say_so(void)
{
	fake_reset(BRK0);
	/* Linux: EACCES on a read-only fd (as here), a mapping on a
	 * writable one (here: not supported). */
	UNIT_CHECK(emu_mmap(0, P, RW, MAP_SHARED, 3, 0) == -EACCES);
	fake_file_writable = 1;
	UNIT_CHECK(emu_mmap(0, P, RW, MAP_SHARED, 3, 0) == -ENODEV);
	fake_file_writable = 0;
	/* An fd whose pread says EBADF (write-only, as Linux's pread). */
	UNIT_CHECK(emu_mmap(0, P, PROT_READ, MAP_PRIVATE, 4, 0) == -EBADF);
	UNIT_CHECK(emu_mmap(0, P, PROT_READ, MAP_PRIVATE, 7, 0) == -EACCES);
	/* A failing probe changes nothing, even with MAP_FIXED. */
	UNIT_CHECK(map_at(0x100000, P, RW) == 0x100000 && fake_app_write(0x100000, 9) == 0);
	UNIT_CHECK(emu_mmap(0x100000, P, PROT_READ, MAP_PRIVATE | MAP_FIXED, 5, 0) == -ENODEV);
	UNIT_CHECK(fake_peek(0x100000) == 9);
	/* After MADV_DONTNEED a written private file page keeps its bytes
	 * (Linux reads the file again). */
	long a = emu_mmap(0, P, RW, MAP_PRIVATE, 3, 0);
	UNIT_CHECK(fake_app_write((uint64_t)a, 0) == 0);
	UNIT_CHECK(emu_madvise((uint64_t)a, P, MADV_DONTNEED) == 0 && fake_peek((uint64_t)a) == 0);
	UNIT_CHECK(emu_madvise((uint64_t)a, P, MADV_WIPEONFORK) == -EINVAL);
	UNIT_CHECK(emu_madvise((uint64_t)a, P, MADV_KEEPONFORK) == -EINVAL);
}

static void inheritance_follows_the_kind(void)
{
	fake_reset(BRK0);
	long s = emu_mmap(0, 2 * P, RW, MAP_SHARED | MAP_ANONYMOUS, -1ull, 0);
	long p = emu_mmap(0, 2 * P, RW, A_PRIV, -1ull, 0);
	UNIT_CHECK(fake_entry_at((uint64_t)s)->inherit == MK_VM_INHERIT_SHARE);
	UNIT_CHECK(fake_entry_at((uint64_t)p)->inherit == MK_VM_INHERIT_COPY);
	UNIT_CHECK(emu_madvise((uint64_t)p, P, MADV_DONTFORK) == 0);
	UNIT_CHECK(fake_entry_at((uint64_t)p)->inherit == MK_VM_INHERIT_NONE);
	UNIT_CHECK(fake_entry_at((uint64_t)p + P)->inherit == MK_VM_INHERIT_COPY);
	UNIT_CHECK(emu_madvise((uint64_t)p, 2 * P, MADV_DONTNEED) == 0);     /* kept */
	UNIT_CHECK(fake_entry_at((uint64_t)p)->inherit == MK_VM_INHERIT_NONE);
	UNIT_CHECK(emu_madvise((uint64_t)p, 2 * P, MADV_DOFORK) == 0);
	UNIT_CHECK(fake_entry_at((uint64_t)p)->inherit == MK_VM_INHERIT_COPY);
	UNIT_CHECK(emu_madvise((uint64_t)s, P, MADV_DONTFORK) == 0 &&
		   emu_madvise((uint64_t)s, P, MADV_DOFORK) == 0);
	UNIT_CHECK(fake_entry_at((uint64_t)s)->inherit == MK_VM_INHERIT_SHARE);
	long m = emu_mremap((uint64_t)s, 2 * P, 3 * P, MREMAP_MAYMOVE, 0);      /* moved */
	UNIT_CHECK(m > 0 && fake_entry_at((uint64_t)m + 2 * P)->inherit == MK_VM_INHERIT_SHARE);
}

static void a_shared_read_only_file_mapping_stays_read_only(void)
{
	fake_reset(BRK0);
	long a = emu_mmap(0, P, PROT_READ, MAP_SHARED, 3, 0);
	UNIT_CHECK(a > 0 && fake_entry_at((uint64_t)a)->max == (MK_VM_PROT_READ | MK_VM_PROT_EXECUTE));
	UNIT_CHECK(emu_mprotect((uint64_t)a, P, RW) == -EACCES);
	long m = emu_mremap((uint64_t)a, P, 2 * P, MREMAP_MAYMOVE, 0);
	UNIT_CHECK(m > 0 && emu_mprotect((uint64_t)m, 2 * P, RW) == -EACCES);
	UNIT_CHECK(fake_app_read((uint64_t)m) == fake_file_byte(0));
}

/* Linux: ENOMEM past vm.max_map_count; an unmap that splits nothing
 * still works on a full table. */
static void a_full_table_is_enomem(void)
{
	fake_reset(BRK0);
	uint64_t base = 0x100000000ull;
	int made = 0;
	for (; made < MM_MAX_REGIONS; made++)
		if (map_at(base + 2 * made * P, P, made & 1 ? PROT_READ : RW) < 0)
			break;
	UNIT_CHECK(made < MM_MAX_REGIONS && made > MM_MAX_REGIONS - 8);
	UNIT_CHECK(emu_mmap(0, P, RW, A_PRIV, -1ull, 0) == -ENOMEM);
	UNIT_CHECK(emu_munmap(base, P) == 0);
	UNIT_CHECK(emu_munmap(base + 2 * P, 2 * P) == 0);
	UNIT_CHECK(emu_mmap(0, P, RW, A_PRIV, -1ull, 0) > 0);
}

/* Exec's image and stack are not in the table unless noted. */
static void mappings_the_table_does_not_know(void)
{
	fake_reset(BRK0);
	UNIT_CHECK(mm_vm_allocate(0x200000, 4 * P) == MK_SUCCESS);        /* "the image" */
	UNIT_CHECK(emu_mprotect(0x200000, 2 * P, PROT_READ) == 0);        /* asks the kernel */
	UNIT_CHECK(fake_prot(0x200000) == PROT_READ && mm_regions_find(&mm_space.regions, 0x200000));
	UNIT_CHECK(emu_mprotect(0x200000, 5 * P, PROT_READ) == -ENOMEM);  /* past its end */
	UNIT_CHECK(emu_mmap(0x200000 + 3 * P, P, RW, A_PRIV | MAP_FIXED_NOREPLACE, -1ull, 0) == -EEXIST);
	UNIT_CHECK(emu_madvise(0x200000 + 2 * P, P, MADV_NORMAL) == -ENOMEM);
	UNIT_CHECK(emu_mm_note(0x200000 + 2 * P, 2 * P, RW, 1) == 0);
	UNIT_CHECK(emu_madvise(0x200000, 4 * P, MADV_NORMAL) == 0);
	UNIT_CHECK(emu_mm_note(EB, P, RW, 1) == -EINVAL);
	/* An unknown mapping where the table saw room: placement looks below it. */
	UNIT_CHECK(mm_vm_allocate(EMULATOR_MMAP_TOP - 2 * P, 2 * P) == MK_SUCCESS);
	long a = emu_mmap(0, 4 * P, RW, A_PRIV, -1ull, 0);
	UNIT_CHECK(a > 0 && (uint64_t)a + 4 * P <= EMULATOR_MMAP_TOP - 2 * P);
	UNIT_CHECK(emu_munmap(EMULATOR_MMAP_TOP - 2 * P, 2 * P) == 0);     /* the kernel's truth */
	UNIT_CHECK(fake_prot(EMULATOR_MMAP_TOP - P) == -1);
}

static void mremap_moves_keep_bytes_and_protection(void)
{
	fake_reset(BRK0);
	long a = map_at(0x300000000ull, 2 * P, RW);
	UNIT_CHECK(fake_app_write((uint64_t)a + P + 7, 42) == 0);
	UNIT_CHECK(emu_mprotect((uint64_t)a, 2 * P, PROT_WRITE) == 0);     /* no read: copied anyway */
	UNIT_CHECK(map_at((uint64_t)a + 2 * P, P, PROT_NONE) == a + 2 * (long)P);
	long m = emu_mremap((uint64_t)a, 2 * P, 5 * P, MREMAP_MAYMOVE, 0);
	UNIT_CHECK(m > 0 && m != a);
	UNIT_CHECK(fake_peek((uint64_t)m + P + 7) == 42 && fake_prot((uint64_t)m) == PROT_WRITE);
	UNIT_CHECK(fake_prot((uint64_t)m + 4 * P) == PROT_WRITE && fake_prot((uint64_t)a) == -1);
	UNIT_CHECK(fake_prot((uint64_t)a + 2 * P) == PROT_NONE);
	/* DONTUNMAP: the old range stays, zero-filled. */
	UNIT_CHECK(emu_mprotect((uint64_t)m, 5 * P, RW) == 0);
	long d = emu_mremap((uint64_t)m, P * 2, 2 * P, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	UNIT_CHECK(d > 0 && fake_peek((uint64_t)d + P + 7) == 42);
	UNIT_CHECK(fake_prot((uint64_t)m + P) == RW && fake_peek((uint64_t)m + P + 7) == 0);
	UNIT_CHECK(emu_mremap((uint64_t)d, 2 * P, 2 * P, MREMAP_MAYMOVE | MREMAP_FIXED,
			      (uint64_t)m + 2 * P) == m + 2 * (long)P);
	UNIT_CHECK(fake_peek((uint64_t)m + 3 * P + 7) == 42 && fake_prot((uint64_t)d) == -1);
	/* A shared mapping cannot be duplicated (old_len 0). */
	long s = emu_mmap(0, P, RW, MAP_SHARED | MAP_ANONYMOUS, -1ull, 0);
	UNIT_CHECK(emu_mremap((uint64_t)s, 0, P, MREMAP_MAYMOVE, 0) == -EINVAL);
	UNIT_CHECK(fake_emulator_hits == 0);
}

static const struct unit_case cases[] = {
	UNIT_CASE(the_emulator_region_is_out_of_reach),
	UNIT_CASE(a_range_into_the_region_stops_there),
	UNIT_CASE(mappings_go_top_down_below_the_emulator),
	UNIT_CASE(mapping_past_the_top_falls_back_to_any_room),
	UNIT_CASE(nothing_goes_below_64_kib),
	UNIT_CASE(brk_follows_linux),
	UNIT_CASE(brk_stops_below_the_emulator),
	UNIT_CASE(file_mapping_reads_the_file_and_zero_past_its_end),
	UNIT_CASE(unsupported_file_mappings_say_so),
	UNIT_CASE(inheritance_follows_the_kind),
	UNIT_CASE(a_shared_read_only_file_mapping_stays_read_only),
	UNIT_CASE(a_full_table_is_enomem),
	UNIT_CASE(mappings_the_table_does_not_know),
	UNIT_CASE(mremap_moves_keep_bytes_and_protection),
};

UNIT_MAIN("mm_calls", cases)
