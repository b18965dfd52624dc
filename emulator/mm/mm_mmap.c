/*
 * mm_mmap.c: emu_mmap. Every mapping is zero-filled memory of this task:
 *   - private anonymous: as is;
 *   - shared anonymous: the same, inherited shared by a child (one task
 *     cannot see a difference until fork exists);
 *   - private file: filled with the file's bytes by emu_file_pread, then
 *     protected; bytes past the end of the file read as zero (Linux: zero
 *     in the last page, SIGBUS beyond it; here zero throughout);
 *   - shared file without PROT_WRITE: as private, its maximum protection
 *     without write (mprotect(PROT_WRITE) is EACCES), so its bytes cannot
 *     diverge from the file's from this side; writes to the file made
 *     after the mmap are not seen;
 *   - shared file with PROT_WRITE: -ENODEV, not supported (it needs the
 *     server as a pager).
 * Checks in Linux's order (mm/mmap.c do_mmap, checked on the host): the
 * offset, the fd, the length, the address, MAP_FIXED_NOREPLACE, the type,
 * the file's mode.
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"

#define MM_PLACE_TRIES 8

struct mmap_request {
	uint64_t addr, len, prot, flags, off;
	int fd;
	long file_error;        /* what the fd probe said, reported in Linux's order */
};

static long file_errno(long e)
{
	switch (-e) {
	case MM_EBADF:
	case MM_EACCES:
		return e;
	case MM_ESPIPE:
	case MM_EISDIR:
	case MM_EINVAL:
	case MM_ENODEV:
		return -MM_ENODEV;
	default:
		return e;
	}
}

/* The address checks of Linux's get_unmapped_area for MAP_FIXED. */
static long check_fixed(const struct mmap_request *q)
{
	if (q->addr > MM_USER_END - q->len || mm_touches_emulator(q->addr, q->addr + q->len))
		return -MM_ENOMEM;
	if (q->addr & MM_PAGE_MASK)
		return -MM_EINVAL;
	if (q->addr < MM_MIN_ADDR)
		return -MM_EPERM;
	if ((q->flags & LINUX_MAP_FIXED_NOREPLACE) &&
	    !mm_regions_is_free(&mm_space.regions, q->addr, q->addr + q->len))
		return -MM_EEXIST;
	return 0;
}

/* Linux's checks of the mapping type; sets r's kind and flags. */
static long check_type(struct mmap_request *q, struct mm_region *r)
{
	uint64_t type = q->flags & LINUX_MAP_TYPE;

	if (q->flags & LINUX_MAP_ANONYMOUS) {
		if (type == LINUX_MAP_SHARED && (q->flags & LINUX_MAP_GROWSDOWN))
			return -MM_EINVAL;
		if (type != LINUX_MAP_SHARED && type != LINUX_MAP_PRIVATE)
			return -MM_EINVAL;
		r->kind = type == LINUX_MAP_SHARED ? MM_SHARED : MM_ANON;
		return 0;
	}
	if (q->off > INT64_MAX - q->len)        /* past the largest file */
		return -MM_EOVERFLOW;
	if (type != LINUX_MAP_SHARED && type != LINUX_MAP_SHARED_VALIDATE &&
	    type != LINUX_MAP_PRIVATE)
		return -MM_EINVAL;
	/* MAP_SYNC needs a DAX file, whatever the type (Linux 6.18);
	 * MAP_SHARED_VALIDATE knows only the legacy flags (not even
	 * MAP_FIXED_NOREPLACE). */
	if ((q->flags & LINUX_MAP_SYNC) ||
	    (type == LINUX_MAP_SHARED_VALIDATE && (q->flags & ~(uint64_t)LINUX_MAP_LEGACY_MASK)))
		return -MM_EOPNOTSUPP;
	if (q->file_error)
		return q->file_error;
	r->kind = MM_FILE;
	if (type != LINUX_MAP_PRIVATE) {
		if (q->prot & LINUX_PROT_WRITE)   /* a writable shared file: */
			return emu_file_writable((int)q->fd) ? -MM_ENODEV : -MM_EACCES;
		r->flags |= MM_F_NOWRITE;
	}
	return 0;
}

/* Reads the file into [addr, addr + len), read/write at this point. */
static long fill(const struct mmap_request *q, uint64_t addr)
{
	uint64_t done = 0;

	while (done < q->len) {
		long n = emu_file_pread(q->fd, (void *)(addr + done), q->len - done, q->off + done);
		if (n < 0)
			return file_errno(n);
		if (n == 0 || (uint64_t)n > q->len - done)
			break;
		done += (uint64_t)n;
	}
	return 0;
}

/* Allocates r's range (and fills it); leaves nothing behind on failure. */
static int64_t map_one(const struct mmap_request *q, struct mm_region *r, long *error)
{
	int64_t rc = mm_alloc(r->start, r->end);

	if (rc != MK_SUCCESS)
		return rc;
	if (r->kind == MM_FILE && (*error = fill(q, r->start)) != 0) {
		mm_unmap(r->start, r->end);
		return MK_INVALID_ARGUMENT;
	}
	return mm_commit(r);
}

static long map_fixed(const struct mmap_request *q, struct mm_region *r)
{
	long error = 0;

	r->start = q->addr;
	r->end = q->addr + q->len;
	if (!(q->flags & LINUX_MAP_FIXED_NOREPLACE) && mm_unmap(r->start, r->end) != MK_SUCCESS)
		return -MM_ENOMEM;
	int64_t rc = map_one(q, r, &error);
	if (error)
		return error;
	if (rc == MK_NO_SPACE && (q->flags & LINUX_MAP_FIXED_NOREPLACE))
		return -MM_EEXIST;   /* a mapping the table did not know */
	return rc == MK_SUCCESS ? (long)r->start : mm_errno(rc);
}

/* A place the table thinks free may hold a mapping it does not know (the
 * kernel says MK_NO_SPACE): look again below it. */
static long map_anywhere(const struct mmap_request *q, struct mm_region *r)
{
	uint64_t below = 0;
	long error = 0;

	for (int i = 0; i < MM_PLACE_TRIES; i++) {
		r->start = mm_place(q->len, q->addr, (q->flags & LINUX_MAP_32BIT) != 0, below);
		if (!r->start)
			return -MM_ENOMEM;
		r->end = r->start + q->len;
		int64_t rc = map_one(q, r, &error);
		if (error)
			return error;
		if (rc != MK_NO_SPACE)
			return rc == MK_SUCCESS ? (long)r->start : mm_errno(rc);
		below = r->start;
	}
	return -MM_ENOMEM;
}

/* The checks before the address: offset, fd, length, huge pages. */
static long check_request(struct mmap_request *q)
{
	char probe;

	if (q->off & MM_PAGE_MASK)
		return -MM_EINVAL;
	if (!(q->flags & LINUX_MAP_ANONYMOUS)) {
		long e = emu_file_pread(q->fd, &probe, 0, q->off);
		if (e == -MM_EBADF)
			return e;
		q->file_error = e < 0 ? file_errno(e) : 0;
		if (q->flags & LINUX_MAP_HUGETLB)
			return -MM_EINVAL;   /* not a hugetlbfs file */
	} else if (q->flags & LINUX_MAP_HUGETLB) {
		return -MM_ENOMEM;           /* no huge pages reserved */
	}
	if (q->len == 0)
		return -MM_EINVAL;
	q->len = mm_page_up(q->len);
	if (q->len == 0 || q->len > MM_USER_END - MM_MIN_ADDR)
		return -MM_ENOMEM;
	if (q->flags & LINUX_MAP_FIXED_NOREPLACE)
		q->flags |= LINUX_MAP_FIXED;
	if (!(q->flags & LINUX_MAP_FIXED)) {
		q->addr &= ~MM_PAGE_MASK;       /* Linux's round_hint_to_min */
		if (q->addr && q->addr < MM_MIN_ADDR)
			q->addr = MM_MIN_ADDR;
	}
	return 0;
}

long emu_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, uint64_t fd,
	      uint64_t off)
{
	struct mmap_request q = { .addr = addr, .len = len, .prot = prot, .flags = flags,
				  .off = off, .fd = (int)fd };
	struct mm_region r = { .prot = (uint8_t)(prot & MM_PROT_RWX) };
	long e = check_request(&q);

	if (e == 0 && (q.flags & LINUX_MAP_FIXED))
		e = check_fixed(&q);
	if (e == 0)
		e = check_type(&q, &r);
	if (e)
		return e;
	if (!mm_regions_room(&mm_space.regions, 2))
		return -MM_ENOMEM;
	if (r.kind != MM_ANON)
		r.id = mm_new_id();
	return (q.flags & LINUX_MAP_FIXED) ? map_fixed(&q, &r) : map_anywhere(&q, &r);
}
