/*
 * test_tmpfs_file.c: a tmpfs file's contents (read and write at offsets,
 * truncate, borrowed data, allocate, punch) and attributes (times,
 * owner, statfs), with the Linux behaviour each case copies.
 */
#include "tmpfs_test_util.h"

static void read_write_at_offsets_zero_fill_holes(void)
{
	struct tmpfs_node *f;
	char buf[300];

	setup();
	f = file_in(fs.root, "f", "hello");
	UNIT_CHECK(tmpfs_write(&fs, f, 200, "end", 3) == 3 && f->size == 203);
	UNIT_CHECK(tmpfs_read(f, 0, buf, sizeof(buf)) == 203);
	UNIT_CHECK(!memcmp(buf, "hello", 5) && !memcmp(buf + 200, "end", 3));
	for (int i = 5; i < 200; i++)
		UNIT_CHECK(buf[i] == 0);
	UNIT_CHECK(tmpfs_read(f, 203, buf, 10) == 0 && tmpfs_read(f, 1000, buf, 10) == 0);
	UNIT_CHECK(tmpfs_read(f, 201, buf, 10) == 2 && !memcmp(buf, "nd", 2));
	UNIT_CHECK(tmpfs_write(&fs, f, 1, "EL", 2) == 2 && tmpfs_read(f, 0, buf, 5) == 5);
	UNIT_CHECK(!memcmp(buf, "hELlo", 5) && f->size == 203);
	UNIT_CHECK(tmpfs_write(&fs, f, 0, "", 0) == 0);
	UNIT_CHECK(tmpfs_read(fs.root, 0, buf, 1) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_write(&fs, fs.root, 0, buf, 1) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_write(&fs, f, TMPFS_MAX_FILE_SIZE, "x", 1) == -UX_EFBIG);
	UNIT_CHECK(tmpfs_write(&fs, f, UINT64_MAX, "x", 1) == -UX_EFBIG);
	teardown();
}

static void truncate_shrinks_and_grows_with_zeros(void)
{
	struct tmpfs_node *f;
	char buf[16];

	setup();
	f = file_in(fs.root, "f", "abcdefgh");
	UNIT_CHECK(tmpfs_truncate(&fs, f, 3) == 0 && f->size == 3);
	UNIT_CHECK(tmpfs_truncate(&fs, f, 6) == 0 && f->size == 6);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 16) == 6 && !memcmp(buf, "abc\0\0\0", 6));
	UNIT_CHECK(tmpfs_truncate(&fs, f, 0) == 0 && tmpfs_read(f, 0, buf, 16) == 0);
	UNIT_CHECK(tmpfs_truncate(&fs, fs.root, 0) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_truncate(&fs, f, TMPFS_MAX_FILE_SIZE + 1) == -UX_EFBIG);
	teardown();
}

static void borrowed_data_is_copied_on_write(void)
{
	static const char image[] = "read-only image";
	struct tmpfs_node *f;
	char buf[32];

	setup();
	f = file_in(fs.root, "f", NULL);
	tmpfs_borrow_data(f, image, 9);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 32) == 9 && !memcmp(buf, "read-only", 9));
	UNIT_CHECK(tmpfs_truncate(&fs, f, 4) == 0 && f->u.file.cap == 0);
	UNIT_CHECK(tmpfs_write(&fs, f, 0, "R", 1) == 1 && f->u.file.cap > 0);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 32) == 4 && !memcmp(buf, "Read", 4));
	UNIT_CHECK(!strcmp(image, "read-only image"));
	teardown();
}

static void allocate_reserves_and_grows_unless_keep_size(void)
{
	struct tmpfs_node *f;
	char buf[16];

	setup();
	f = file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_write(&fs, f, 0, "abc", 3) == 3);
	UNIT_CHECK(tmpfs_allocate(&fs, f, 2, false) == 0 && f->size == 3);     /* never shrinks */
	UNIT_CHECK(tmpfs_allocate(&fs, f, 5000, true) == 0 && f->size == 3);
	UNIT_CHECK(f->u.file.cap >= 5000);      /* the memory is there already */
	UNIT_CHECK(tmpfs_allocate(&fs, f, 10, false) == 0 && f->size == 10);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 16) == 10 && !memcmp(buf, "abc\0\0\0\0\0\0\0", 10));
	UNIT_CHECK(tmpfs_allocate(&fs, f, TMPFS_MAX_FILE_SIZE + 1, false) == -UX_EFBIG);
	UNIT_CHECK(tmpfs_allocate(&fs, fs.root, 10, false) == -UX_EINVAL);
	teardown();
}

static void punched_holes_read_as_zeros_and_keep_the_size(void)
{
	static const char image[] = "read-only image";
	struct tmpfs_node *f;
	char buf[32];

	setup();
	f = file_in(fs.root, "f", NULL);
	tmpfs_borrow_data(f, image, 15);
	UNIT_CHECK(tmpfs_punch_hole(&fs, f, 4, 2) == 0 && f->size == 15 && f->u.file.cap > 0);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 32) == 15 && !memcmp(buf, "read\0\0nly image", 15));
	UNIT_CHECK(!strcmp(image, "read-only image"));  /* the image is not written */
	UNIT_CHECK(tmpfs_punch_hole(&fs, f, 10, 100) == 0 && f->size == 15);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 32) == 15 && !memcmp(buf, "read\0\0nly \0\0\0\0\0", 15));
	UNIT_CHECK(tmpfs_punch_hole(&fs, f, 100, 5) == 0 && f->size == 15);
	UNIT_CHECK(tmpfs_punch_hole(&fs, fs.root, 0, 1) == -UX_EINVAL);
	teardown();
}

/* utimensat's work: chosen times, "now" (the clock's), an unchanged one; ctime is now. */
static void set_times_sets_chosen_and_now(void)
{
	struct tmpfs_node *f;
	struct tmpfs_time a = { 123, 456 }, now = { 77, TMPFS_TIME_NOW };

	setup();
	f = file_in(fs.root, "f", "x");
	f->ctime = (struct tmpfs_time){ 1, 1 };
	tmpfs_set_times(&fs, f, &a, NULL);
	UNIT_CHECK(f->atime.sec == 123 && f->atime.nsec == 456);
	UNIT_CHECK(f->mtime.sec == 1000 && f->mtime.nsec == 5);
	UNIT_CHECK(f->ctime.sec == 1000 && f->ctime.nsec == 5);
	f->atime = f->ctime = (struct tmpfs_time){ 1, 1 };
	tmpfs_set_times(&fs, f, NULL, &now);
	UNIT_CHECK(f->atime.sec == 1 && f->mtime.sec == 1000 && f->mtime.nsec == 5);
	UNIT_CHECK(f->ctime.sec == 1000);
	teardown();
}

static void chown_keeps_ids_and_clears_asked_bits(void)
{
	struct tmpfs_node *f;

	setup();
	f = file_in(fs.root, "f", NULL);
	f->mode = TMPFS_S_IFREG | 06755;
	f->ctime = (struct tmpfs_time){ 1, 1 };
	tmpfs_chown(&fs, f, TMPFS_ID_KEEP, 9, 04000);
	UNIT_CHECK(f->uid == 1 && f->gid == 9 && f->mode == (TMPFS_S_IFREG | 02755));
	UNIT_CHECK(f->ctime.sec == 1000);
	tmpfs_chown(&fs, f, 5, TMPFS_ID_KEEP, TMPFS_S_IFMT | 02000);
	UNIT_CHECK(f->uid == 5 && f->gid == 9 && f->mode == (TMPFS_S_IFREG | 0755));
	teardown();
}

/* Totals as set (0: none, as Linux's simple_statfs); used pages from memory held. */
static void statfs_counts_pages_and_nodes(void)
{
	struct tmpfs_statfs st;
	struct tmpfs_node *f;
	uint64_t free_before;

	setup();
	tmpfs_statfs(&fs, &st);
	UNIT_CHECK(st.blocks == 0 && st.bfree == 0 && st.files == 0 && st.ffree == 0);
	fs.max_blocks = 100;
	fs.max_inodes = 50;
	tmpfs_statfs(&fs, &st);
	UNIT_CHECK(st.blocks == 100 && st.bfree == 99 && st.files == 50 && st.ffree == 49);
	free_before = st.bfree;
	f = file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_truncate(&fs, f, 3 * 4096) == 0);
	tmpfs_statfs(&fs, &st);
	UNIT_CHECK(st.bfree <= free_before - 3 && st.ffree == 48);
	fs.max_blocks = 2;
	tmpfs_statfs(&fs, &st);
	UNIT_CHECK(st.blocks == 2 && st.bfree == 0);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("f")) == 0);
	tmpfs_statfs(&fs, &st);
	UNIT_CHECK(st.ffree == 49);
	teardown();
	UNIT_CHECK(fs.bytes == 0);
}

static const struct unit_case cases[] = {
	UNIT_CASE(read_write_at_offsets_zero_fill_holes),
	UNIT_CASE(truncate_shrinks_and_grows_with_zeros),
	UNIT_CASE(borrowed_data_is_copied_on_write),
	UNIT_CASE(allocate_reserves_and_grows_unless_keep_size),
	UNIT_CASE(punched_holes_read_as_zeros_and_keep_the_size),
	UNIT_CASE(set_times_sets_chosen_and_now),
	UNIT_CASE(chown_keeps_ids_and_clears_asked_bits),
	UNIT_CASE(statfs_counts_pages_and_nodes),
};
UNIT_MAIN("host/unix-server/tmpfs_file", cases)
