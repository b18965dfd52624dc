/*
 * test_mm_regions.c: the emulator's region table (emulator/mm/mm_regions.c)
 * on its own: insertion with merging, removal and changes that split,
 * the top-down gap search, and a full table.
 */
#include <stdio.h>
#include "mm/mm_regions.c"
#include "unit.h"

#define P 4096ull

static struct mm_regions t;

static struct mm_region anon(uint64_t start, uint64_t end, uint8_t prot)
{
	return (struct mm_region){ .start = start, .end = end, .prot = prot, .kind = MM_ANON };
}

static void insert(uint64_t start, uint64_t end, uint8_t prot)
{
	struct mm_region r = anon(start, end, prot);
	mm_regions_insert(&t, &r);
}

/* The table as "start-end:prot ..." in pages. */
static const char *show(void)
{
	static char buf[1024];
	size_t n = 0;

	buf[0] = 0;
	for (uint32_t i = 0; i < t.count; i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%llu-%llu:%u", i ? " " : "",
				      (unsigned long long)(t.r[i].start / P),
				      (unsigned long long)(t.r[i].end / P), t.r[i].prot);
	return buf;
}

static void neighbours_with_the_same_attributes_merge(void)
{
	mm_regions_init(&t);
	insert(10 * P, 12 * P, 3);
	insert(14 * P, 16 * P, 3);
	insert(12 * P, 14 * P, 3);
	UNIT_CHECK_STR(show(), "10-16:3");
	insert(16 * P, 17 * P, 1);
	UNIT_CHECK_STR(show(), "10-16:3 16-17:1");
}

static void different_ids_do_not_merge(void)
{
	struct mm_region a = { .start = P, .end = 2 * P, .prot = 1, .kind = MM_FILE, .id = 1 };
	struct mm_region b = { .start = 2 * P, .end = 3 * P, .prot = 1, .kind = MM_FILE, .id = 2 };

	mm_regions_init(&t);
	mm_regions_insert(&t, &a);
	mm_regions_insert(&t, &b);
	UNIT_CHECK(t.count == 2);
}

static void removing_the_middle_splits_one_region_in_two(void)
{
	mm_regions_init(&t);
	insert(10 * P, 20 * P, 3);
	UNIT_CHECK(mm_regions_remove_need(&t, 12 * P, 14 * P) == 1);
	UNIT_CHECK(mm_regions_remove_need(&t, 10 * P, 14 * P) == 0);
	UNIT_CHECK(mm_regions_remove_need(&t, 5 * P, 25 * P) == 0);
	mm_regions_remove(&t, 12 * P, 14 * P);
	UNIT_CHECK_STR(show(), "10-12:3 14-20:3");
	mm_regions_remove(&t, 11 * P, 15 * P);
	UNIT_CHECK_STR(show(), "10-11:3 15-20:3");
	mm_regions_remove(&t, 0, 100 * P);
	UNIT_CHECK_STR(show(), "");
}

static void protection_change_splits_and_merges_back(void)
{
	mm_regions_init(&t);
	insert(10 * P, 20 * P, 3);
	mm_regions_set_prot(&t, 12 * P, 14 * P, 1);
	UNIT_CHECK_STR(show(), "10-12:3 12-14:1 14-20:3");
	mm_regions_set_prot(&t, 12 * P, 14 * P, 3);
	UNIT_CHECK_STR(show(), "10-20:3");
	insert(30 * P, 32 * P, 3);
	mm_regions_set_prot(&t, 15 * P, 31 * P, 0);     /* a hole stays a hole */
	UNIT_CHECK_STR(show(), "10-15:3 15-20:0 30-31:0 31-32:3");
}

static void flags_split_and_merge_like_protection(void)
{
	mm_regions_init(&t);
	insert(10 * P, 20 * P, 3);
	mm_regions_set_flag(&t, 11 * P, 12 * P, MM_F_DONTFORK, 1);
	UNIT_CHECK(t.count == 3 && t.r[1].flags == MM_F_DONTFORK);
	mm_regions_set_flag(&t, 10 * P, 20 * P, MM_F_DONTFORK, 0);
	UNIT_CHECK_STR(show(), "10-20:3");
}

static void find_and_next_and_free(void)
{
	mm_regions_init(&t);
	insert(10 * P, 20 * P, 3);
	insert(30 * P, 40 * P, 1);
	UNIT_CHECK(mm_regions_find(&t, 10 * P) == &t.r[0]);
	UNIT_CHECK(mm_regions_find(&t, 20 * P) == NULL);
	UNIT_CHECK(mm_regions_next(&t, 20 * P) == &t.r[1]);
	UNIT_CHECK(mm_regions_next(&t, 40 * P) == NULL);
	UNIT_CHECK(mm_regions_is_free(&t, 20 * P, 30 * P));
	UNIT_CHECK(!mm_regions_is_free(&t, 19 * P, 21 * P));
	UNIT_CHECK(!mm_regions_is_free(&t, 0, 100 * P));
}

static void gaps_are_found_top_down(void)
{
	mm_regions_init(&t);
	insert(10 * P, 20 * P, 3);
	insert(30 * P, 40 * P, 3);
	UNIT_CHECK(mm_regions_gap_below(&t, 5 * P, P, 50 * P) == 45 * P);
	UNIT_CHECK(mm_regions_gap_below(&t, 10 * P, P, 50 * P) == 40 * P);
	UNIT_CHECK(mm_regions_gap_below(&t, 11 * P, P, 50 * P) == 0);
	UNIT_CHECK(mm_regions_gap_below(&t, 10 * P, P, 35 * P) == 20 * P);
	UNIT_CHECK(mm_regions_gap_below(&t, 9 * P, P, 35 * P) == 21 * P);
	UNIT_CHECK(mm_regions_gap_below(&t, 9 * P, P, 20 * P) == P);
	UNIT_CHECK(mm_regions_gap_below(&t, 10 * P, P, 20 * P) == 0);
	UNIT_CHECK(mm_regions_gap_below(&t, 5 * P, 22 * P, 35 * P) == 25 * P);
	UNIT_CHECK(mm_regions_gap_below(&t, 9 * P, 22 * P, 35 * P) == 0);
	UNIT_CHECK(mm_regions_gap_below(&t, 0, P, 50 * P) == 0);
}

static void a_full_table_says_so(void)
{
	mm_regions_init(&t);
	for (uint64_t i = 0; i < MM_MAX_REGIONS; i++)
		insert((2 * i + 1) * P, (2 * i + 2) * P, 3);
	UNIT_CHECK(t.count == MM_MAX_REGIONS);
	UNIT_CHECK(!mm_regions_room(&t, 1));
	UNIT_CHECK(mm_regions_room(&t, 0));
	mm_regions_remove(&t, 3 * P, 4 * P);
	UNIT_CHECK(mm_regions_room(&t, 1));
	insert(2 * P, 5 * P, 3);                /* fills the hole: three merge */
	UNIT_CHECK(t.count == MM_MAX_REGIONS - 2);
}

static const struct unit_case cases[] = {
	UNIT_CASE(neighbours_with_the_same_attributes_merge),
	UNIT_CASE(different_ids_do_not_merge),
	UNIT_CASE(removing_the_middle_splits_one_region_in_two),
	UNIT_CASE(protection_change_splits_and_merges_back),
	UNIT_CASE(flags_split_and_merge_like_protection),
	UNIT_CASE(find_and_next_and_free),
	UNIT_CASE(gaps_are_found_top_down),
	UNIT_CASE(a_full_table_says_so),
};

UNIT_MAIN("mm_regions", cases)
