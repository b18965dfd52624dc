/*
 * mm_regions.c: the region table (mm_regions.h): a sorted array, shifted
 * on insertion and removal (1024 entries at most; a call touches a few),
 * split at range ends before a change and merged after it.
 *
 * Invariants between calls: regions sorted, non-overlapping, non-empty;
 * no two adjacent regions that could merge (same id, prot, kind, flags).
 */
#include "mm/mm_regions.h"

/* Breaks an invariant only a bug can break; the process cannot go on. */
#define MM_ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

void mm_regions_init(struct mm_regions *t)
{
	t->count = 0;
}

int mm_regions_room(const struct mm_regions *t, uint32_t n)
{
	return t->count + n <= MM_MAX_REGIONS;
}

/* The index of the first region ending above addr (count if none). */
static uint32_t index_after(const struct mm_regions *t, uint64_t addr)
{
	uint32_t lo = 0, hi = t->count;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->r[mid].end <= addr)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct mm_region *mm_regions_next(const struct mm_regions *t, uint64_t addr)
{
	uint32_t i = index_after(t, addr);

	return i < t->count ? &t->r[i] : 0;
}

const struct mm_region *mm_regions_find(const struct mm_regions *t, uint64_t addr)
{
	const struct mm_region *r = mm_regions_next(t, addr);

	return r && r->start <= addr ? r : 0;
}

int mm_regions_is_free(const struct mm_regions *t, uint64_t start, uint64_t end)
{
	const struct mm_region *r = mm_regions_next(t, start);

	return !r || r->start >= end;
}

uint64_t mm_regions_gap_below(const struct mm_regions *t, uint64_t len, uint64_t low,
			      uint64_t high)
{
	if (len == 0 || high < low || high - low < len)
		return 0;
	/* Walk down from the last region starting below high. */
	uint32_t i = index_after(t, high);
	if (i < t->count && t->r[i].start < high)
		high = t->r[i].start;
	for (;;) {
		uint64_t floor = i > 0 ? t->r[i - 1].end : 0;
		if (floor < low)
			floor = low;
		if (high >= floor && high - floor >= len)
			return high - len;
		if (i == 0 || t->r[i - 1].end <= low)
			return 0;
		i--;
		high = t->r[i].start;
	}
}

uint32_t mm_regions_remove_need(const struct mm_regions *t, uint64_t start, uint64_t end)
{
	const struct mm_region *r = mm_regions_find(t, start);

	return r && r->start < start && end < r->end ? 1 : 0;
}

static int can_merge(const struct mm_region *a, const struct mm_region *b)
{
	return a->end == b->start && a->id == b->id && a->prot == b->prot &&
	       a->kind == b->kind && a->flags == b->flags;
}

static void open_slot(struct mm_regions *t, uint32_t i)
{
	MM_ASSERT(t->count < MM_MAX_REGIONS);
	for (uint32_t j = t->count; j > i; j--)
		t->r[j] = t->r[j - 1];
	t->count++;
}

static void close_slots(struct mm_regions *t, uint32_t i, uint32_t n)
{
	for (uint32_t j = i; j + n < t->count; j++)
		t->r[j] = t->r[j + n];
	t->count -= n;
}

/* Merges every mergeable neighbour pair in [lo - 1, hi + 1). */
static void merge_around(struct mm_regions *t, uint32_t lo, uint32_t hi)
{
	uint32_t i = lo > 0 ? lo - 1 : 0;

	while (i + 1 < t->count && i <= hi) {
		if (can_merge(&t->r[i], &t->r[i + 1])) {
			t->r[i].end = t->r[i + 1].end;
			close_slots(t, i + 1, 1);
			hi = hi > 0 ? hi - 1 : 0;
		} else {
			i++;
		}
	}
}

/* Makes addr a region boundary if a region holds it in its middle. */
static void split_at(struct mm_regions *t, uint64_t addr)
{
	uint32_t i = index_after(t, addr);

	if (i == t->count || t->r[i].start >= addr)
		return;
	open_slot(t, i + 1);
	t->r[i + 1] = t->r[i];
	t->r[i].end = addr;
	t->r[i + 1].start = addr;
}

void mm_regions_insert(struct mm_regions *t, const struct mm_region *r)
{
	MM_ASSERT(r->start < r->end && mm_regions_is_free(t, r->start, r->end));
	uint32_t i = index_after(t, r->start);
	open_slot(t, i);
	t->r[i] = *r;
	merge_around(t, i, i);
}

void mm_regions_remove(struct mm_regions *t, uint64_t start, uint64_t end)
{
	split_at(t, start);
	split_at(t, end);
	uint32_t i = index_after(t, start), n = 0;
	while (i + n < t->count && t->r[i + n].end <= end)
		n++;
	close_slots(t, i, n);
}

/* Splits at the range's ends and returns the first index inside it;
 * *last is one past the last. */
static uint32_t isolate(struct mm_regions *t, uint64_t start, uint64_t end, uint32_t *last)
{
	split_at(t, start);
	split_at(t, end);
	uint32_t i = index_after(t, start), j = i;
	while (j < t->count && t->r[j].end <= end)
		j++;
	*last = j;
	return i;
}

void mm_regions_set_prot(struct mm_regions *t, uint64_t start, uint64_t end, uint8_t prot)
{
	uint32_t last, i = isolate(t, start, end, &last);

	for (uint32_t j = i; j < last; j++)
		t->r[j].prot = prot;
	merge_around(t, i, last);
}

void mm_regions_set_flag(struct mm_regions *t, uint64_t start, uint64_t end, uint8_t flag,
			 int on)
{
	uint32_t last, i = isolate(t, start, end, &last);

	for (uint32_t j = i; j < last; j++)
		t->r[j].flags = on ? t->r[j].flags | flag : t->r[j].flags & ~flag;
	merge_around(t, i, last);
}
