/*
 * mm_mremap.c: emu_mremap, Linux's rules (mm/mremap.c, checked on the
 * host): the old range must start in a mapping (EFAULT) and, unless it
 * only shrinks, lie within that one mapping (EFAULT); same size answers
 * the address; shrinking unmaps the tail in place; growing extends in
 * place when the old range ends its mapping and the pages after it are
 * free, else moves with MREMAP_MAYMOVE (ENOMEM without); MREMAP_FIXED
 * moves to new_addr, unmapping what was there; MREMAP_DONTUNMAP leaves
 * the old range mapped (zero-filled if private anonymous, as on Linux).
 *
 * A move copies the bytes (vm_copy, every page, touched or not) and
 * unmaps the old range: the kernel has no trap that moves map entries.
 * So a moved shared anonymous mapping is no longer shared with anyone,
 * and a file mapping grown in place or by a move reads zero past its
 * old end (the emulator's copy cannot read the file again). Linux 6.17
 * lets a pure move (MREMAP_FIXED, equal lengths) span several mappings;
 * here, as before 6.17, it is one mapping. old_len 0 (duplicating a
 * shared mapping) is EINVAL, as Linux says for private ones.
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"
#include "mm/mm_vm.h"

#define MM_MREMAP_FLAGS (LINUX_MREMAP_MAYMOVE | LINUX_MREMAP_FIXED | LINUX_MREMAP_DONTUNMAP)

struct mremap_request {
	uint64_t addr, old_len, new_len, flags, new_addr;
	struct mm_region in;    /* the mapping holding addr */
};

static int wants_new_addr(const struct mremap_request *q)
{
	return (q->flags & (LINUX_MREMAP_FIXED | LINUX_MREMAP_DONTUNMAP)) != 0;
}

/* Linux's check_mremap_params. */
static long check_params(struct mremap_request *q)
{
	if ((q->flags & ~(uint64_t)MM_MREMAP_FLAGS) || (q->addr & MM_PAGE_MASK))
		return -MM_EINVAL;
	q->old_len = mm_page_up(q->old_len);
	q->new_len = mm_page_up(q->new_len);
	if (q->new_len == 0 || q->new_len > MM_USER_END)
		return -MM_EINVAL;
	if (!wants_new_addr(q))
		return 0;
	if (q->new_addr > MM_USER_END - q->new_len || (q->new_addr & MM_PAGE_MASK) ||
	    !(q->flags & LINUX_MREMAP_MAYMOVE))
		return -MM_EINVAL;
	if ((q->flags & LINUX_MREMAP_DONTUNMAP) && q->old_len != q->new_len)
		return -MM_EINVAL;
	if (q->addr + q->old_len > q->new_addr && q->new_addr + q->new_len > q->addr)
		return -MM_EINVAL;
	if ((q->flags & LINUX_MREMAP_FIXED) &&
	    mm_touches_emulator(q->new_addr, q->new_addr + q->new_len))
		return -MM_EINVAL;   /* as a range past TASK_SIZE */
	if ((q->flags & LINUX_MREMAP_FIXED) && q->new_addr < MM_MIN_ADDR)
		return -MM_EPERM;
	return 0;
}

/* Linux's check_prep_vma: the old range against its mapping. */
static long check_old(struct mremap_request *q)
{
	const struct mm_region *r = mm_regions_find(&mm_space.regions, q->addr);

	if (!r || r->kind == MM_RESERVED)
		return -MM_EFAULT;
	q->in = *r;
	if (q->new_len <= q->old_len && !wants_new_addr(q))
		return 0;
	if (q->old_len == 0)
		return -MM_EINVAL;
	if (q->old_len > r->end - q->addr)
		return -MM_EFAULT;
	return 0;
}

/* Linux unmaps with munmap's own checks: a tail reaching past TASK_SIZE
 * (a huge old_len) is munmap's EINVAL. */
static long unmap_tail(uint64_t start, uint64_t len)
{
	return len ? emu_munmap(start, len) : 0;
}

/* Grows [addr, addr + old_len), which ends its mapping, by the free
 * pages after it. MK_NO_SPACE when they are not free. */
static int64_t grow_in_place(const struct mremap_request *q)
{
	uint64_t end = q->addr + q->old_len, new_end = q->addr + q->new_len;

	if (end != q->in.end || new_end > MM_USER_END ||
	    !mm_regions_is_free(&mm_space.regions, end, new_end))
		return MK_NO_SPACE;
	struct mm_region r = q->in;
	r.start = end;
	r.end = new_end;
	return mm_map(&r);
}

/* The bytes of [src, src + len), readable for the copy for a moment if
 * they are not. */
static int64_t copy(const struct mm_region *in, uint64_t src, uint64_t len, uint64_t dst)
{
	int readable = (in->prot & LINUX_PROT_READ) != 0;
	int64_t rc = readable ? MK_SUCCESS : mm_vm_protect(src, len, 0, LINUX_PROT_READ);

	if (rc == MK_SUCCESS)
		rc = mm_vm_copy(src, len, dst);
	if (!readable)
		mm_vm_protect(src, len, 0, in->prot);
	return rc;
}

/* Moves [addr, addr + old_len) to [to, to + new_len), free. */
static int64_t move(const struct mremap_request *q, uint64_t to)
{
	struct mm_region r = q->in;
	uint64_t keep = q->old_len < q->new_len ? q->old_len : q->new_len;

	r.start = to;
	r.end = to + q->new_len;
	int64_t rc = mm_alloc(r.start, r.end);
	if (rc != MK_SUCCESS)
		return rc;
	rc = copy(&q->in, q->addr, keep, to);
	if (rc != MK_SUCCESS) {
		mm_vm_deallocate(r.start, q->new_len);
		return rc;
	}
	rc = mm_commit(&r);
	if (rc != MK_SUCCESS)
		return rc;
	if (!(q->flags & LINUX_MREMAP_DONTUNMAP))
		return mm_unmap(q->addr, q->addr + q->old_len);
	struct mm_region old = q->in;
	old.start = q->addr;
	old.end = q->addr + q->old_len;
	return old.kind == MM_ANON ? mm_zero(&old) : MK_SUCCESS;
}

/* Moves to a place of its own (new_addr a hint for MREMAP_DONTUNMAP). */
static long move_anywhere(const struct mremap_request *q)
{
	uint64_t below = 0, hint = (q->flags & LINUX_MREMAP_DONTUNMAP) ? q->new_addr : 0;

	for (int i = 0; i < 8; i++) {
		uint64_t to = mm_place(q->new_len, hint, 0, below);
		if (!to)
			return -MM_ENOMEM;
		int64_t rc = move(q, to);
		if (rc != MK_NO_SPACE)
			return rc == MK_SUCCESS ? (long)to : mm_errno(rc);
		below = to;
	}
	return -MM_ENOMEM;
}

static long remap_to(struct mremap_request *q)
{
	long e = 0;

	if (q->flags & LINUX_MREMAP_FIXED) {
		e = unmap_tail(q->new_addr, q->new_len);
		if (e)
			return e;
	}
	if (q->new_len < q->old_len) {
		e = unmap_tail(q->addr + q->new_len, q->old_len - q->new_len);
		if (e)
			return e;
		q->old_len = q->new_len;
	}
	if (!(q->flags & LINUX_MREMAP_FIXED))
		return move_anywhere(q);
	int64_t rc = move(q, q->new_addr);
	return rc == MK_SUCCESS ? (long)q->new_addr : mm_errno(rc);
}

static long remap_at(struct mremap_request *q)
{
	if (q->new_len == q->old_len)
		return (long)q->addr;
	if (q->new_len < q->old_len) {
		long e = unmap_tail(q->addr + q->new_len, q->old_len - q->new_len);
		return e ? e : (long)q->addr;
	}
	int64_t rc = grow_in_place(q);
	if (rc == MK_SUCCESS)
		return (long)q->addr;
	if (rc != MK_NO_SPACE)
		return mm_errno(rc);
	if (!(q->flags & LINUX_MREMAP_MAYMOVE))
		return -MM_ENOMEM;
	return move_anywhere(q);
}

long emu_mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len, uint64_t flags,
		uint64_t new_addr)
{
	struct mremap_request q = { .addr = old_addr, .old_len = old_len, .new_len = new_len,
				    .flags = flags, .new_addr = new_addr };
	long e = check_params(&q);

	if (e == 0)
		e = check_old(&q);
	if (e)
		return e;
	if (!mm_regions_room(&mm_space.regions, 4))
		return -MM_ENOMEM;
	return wants_new_addr(&q) ? remap_to(&q) : remap_at(&q);
}
