/*
 * mm_madvise.c: emu_madvise. The advice Linux 6.x accepts, as this
 * emulator can honour it:
 *   DONTNEED, DONTNEED_LOCKED: private anonymous memory reads as zero
 *     afterwards (freed and allocated again); shared anonymous memory
 *     keeps its bytes, as Linux's does; a private file mapping keeps its
 *     bytes too (Linux would read the file again; the emulator's copy
 *     cannot, the fd may be gone);
 *   FREE: private anonymous only (EINVAL otherwise); a no-op, which
 *     Linux allows (the bytes stay until the memory is reclaimed);
 *   REMOVE: shared anonymous only (EINVAL otherwise): zeroes it;
 *   DONTFORK, DOFORK: the range's inheritance (none, or its kind's);
 *   NORMAL, RANDOM, SEQUENTIAL, WILLNEED, MERGEABLE, UNMERGEABLE,
 *     HUGEPAGE, NOHUGEPAGE, DONTDUMP, DODUMP, COLD, PAGEOUT,
 *     POPULATE_READ, POPULATE_WRITE: hints, accepted and ignored.
 * Anything else is EINVAL, including WIPEONFORK and KEEPONFORK (the
 * kernel cannot give a child zeroed memory in place of a copy).
 *
 * The range is walked as Linux walks its VMAs: advice applies to the
 * mapped pieces; a hole (in the table: see emu_mm_note) makes the result
 * ENOMEM but the walk goes on; an advice error stops it.
 */
#include "mk/return.h"
#include "mm/mm.h"
#include "mm/mm_space.h"
#include "mm/mm_vm.h"

enum advice_action { A_IGNORE, A_ZERO_PRIVATE, A_FREE, A_REMOVE, A_DONTFORK, A_DOFORK };

static int action_of(uint64_t advice, enum advice_action *a)
{
	switch (advice) {
	case LINUX_MADV_NORMAL: case LINUX_MADV_RANDOM: case LINUX_MADV_SEQUENTIAL:
	case LINUX_MADV_WILLNEED: case LINUX_MADV_MERGEABLE: case LINUX_MADV_UNMERGEABLE:
	case LINUX_MADV_HUGEPAGE: case LINUX_MADV_NOHUGEPAGE: case LINUX_MADV_DONTDUMP:
	case LINUX_MADV_DODUMP: case LINUX_MADV_COLD: case LINUX_MADV_PAGEOUT:
	case LINUX_MADV_POPULATE_READ: case LINUX_MADV_POPULATE_WRITE:
		*a = A_IGNORE;
		return 1;
	case LINUX_MADV_DONTNEED: case LINUX_MADV_DONTNEED_LOCKED:
		*a = A_ZERO_PRIVATE;
		return 1;
	case LINUX_MADV_FREE: *a = A_FREE; return 1;
	case LINUX_MADV_REMOVE: *a = A_REMOVE; return 1;
	case LINUX_MADV_DONTFORK: *a = A_DONTFORK; return 1;
	case LINUX_MADV_DOFORK: *a = A_DOFORK; return 1;
	default:
		return 0;
	}
}

static long set_dontfork(const struct mm_region *piece, int on)
{
	unsigned inherit = on ? MK_VM_INHERIT_NONE
			      : piece->kind == MM_SHARED ? MK_VM_INHERIT_SHARE : MK_VM_INHERIT_COPY;
	int64_t rc = mm_vm_inherit(piece->start, piece->end - piece->start, inherit);

	if (rc != MK_SUCCESS)
		return mm_errno(rc);
	mm_regions_set_flag(&mm_space.regions, piece->start, piece->end, MM_F_DONTFORK, on);
	return 0;
}

/* piece: the part of one region in the range, with the region's attributes. */
static long advise_piece(const struct mm_region *piece, enum advice_action a)
{
	if (!mm_regions_room(&mm_space.regions, 2))
		return -MM_ENOMEM;
	switch (a) {
	case A_IGNORE:
		return 0;
	case A_ZERO_PRIVATE:
		return piece->kind != MM_ANON || mm_zero(piece) == MK_SUCCESS ? 0 : -MM_ENOMEM;
	case A_FREE:
		return piece->kind == MM_ANON ? 0 : -MM_EINVAL;
	case A_REMOVE:
		if (piece->kind != MM_SHARED)
			return -MM_EINVAL;
		return mm_zero(piece) == MK_SUCCESS ? 0 : -MM_ENOMEM;
	case A_DONTFORK:
	case A_DOFORK:
		return set_dontfork(piece, a == A_DONTFORK);
	}
	return -MM_EINVAL;
}

long emu_madvise(uint64_t addr, uint64_t len, uint64_t advice)
{
	enum advice_action a;

	if (!action_of((uint64_t)(int)advice, &a) || (addr & MM_PAGE_MASK))
		return -MM_EINVAL;
	uint64_t end = addr + mm_page_up(len);
	if ((len && mm_page_up(len) == 0) || end < addr)
		return -MM_EINVAL;
	long result = 0;
	for (uint64_t at = addr; at < end;) {
		const struct mm_region *r = mm_regions_next(&mm_space.regions, at);
		if (!r || r->start >= end)
			return -MM_ENOMEM;
		struct mm_region piece = *r;    /* r moves when the table changes */
		if (piece.start > at || piece.kind == MM_RESERVED)
			result = -MM_ENOMEM;
		if (piece.start < at)
			piece.start = at;
		if (piece.end > end)
			piece.end = end;
		if (piece.kind != MM_RESERVED) {
			long e = advise_piece(&piece, a);
			if (e)
				return e;
		}
		at = piece.end;
	}
	return result;
}
