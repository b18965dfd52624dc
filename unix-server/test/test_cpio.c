/*
 * test_cpio.c: the newc reader over an archive made by the host's
 * `cpio -o -H newc` and over archives broken on purpose.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include "fs/cpio.h"
#include "fs_test_util.h"
#include "unit.h"

static char *read_all(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = malloc(1 << 20);

	*size = f ? fread(buf, 1, 1 << 20, f) : 0;
	if (f)
		fclose(f);
	return buf;
}

/* A small tree packed by the host's cpio; NULL if it could not be made. */
static char *host_archive(size_t *size)
{
	char dir[] = "/tmp/ux-cpio-XXXXXX", cmd[512];

	if (!mkdtemp(dir))
		return NULL;
	snprintf(cmd, sizeof(cmd),
		 "cd %s && mkdir -p t/sub && printf hello > t/sub/file && chmod 640 t/sub/file && "
		 "ln -s sub/file t/link && : > t/empty && printf 123 > t/odd && "
		 "find t | LC_ALL=C sort | cpio -o -H newc --quiet > a.cpio", dir);
	if (system(cmd) != 0)
		return NULL;
	snprintf(cmd, sizeof(cmd), "%s/a.cpio", dir);
	char *buf = read_all(cmd, size);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		*size = 0;
	return buf;
}

static void reads_host_cpio_archive(void)
{
	size_t size;
	char *a = host_archive(&size);
	struct cpio_reader r;
	struct cpio_entry e;
	const char *want[] = { "t", "t/empty", "t/link", "t/odd", "t/sub", "t/sub/file" };
	size_t n = 0;
	int got;

	UNIT_CHECK(a && size > 0);
	cpio_open(&r, a, size);
	while ((got = cpio_next(&r, &e)) == CPIO_ENTRY) {
		UNIT_CHECK(n < 6 && !strcmp(e.name, want[n]) && e.name_len == strlen(want[n]));
		if (!strcmp(e.name, "t"))
			UNIT_CHECK(S_ISDIR(e.mode) && e.size == 0 && e.nlink >= 3);
		if (!strcmp(e.name, "t/sub/file"))
			UNIT_CHECK(e.mode == (S_IFREG | 0640) && e.size == 5 &&
				   !memcmp(e.data, "hello", 5));
		if (!strcmp(e.name, "t/link"))
			UNIT_CHECK(S_ISLNK(e.mode) && e.size == 8 && !memcmp(e.data, "sub/file", 8));
		if (!strcmp(e.name, "t/odd"))
			UNIT_CHECK(e.size == 3 && !memcmp(e.data, "123", 3));
		n++;
	}
	UNIT_CHECK(got == CPIO_END && n == 6);
	UNIT_CHECK(cpio_next(&r, &e) == CPIO_END);
	free(a);
}

static struct newc *good_archive(void)
{
	static struct newc a;

	a.len = 0;
	newc_add(&a, "dir", S_IFDIR | 0755, 1, 2, "", 0);
	newc_add(&a, "dir/f", S_IFREG | 0644, 2, 1, "abcde", 5);
	newc_trailer(&a);
	return &a;
}

static int parse(const void *buf, size_t size, int *entries)
{
	struct cpio_reader r;
	struct cpio_entry e;
	int got;

	*entries = 0;
	cpio_open(&r, buf, size);
	while ((got = cpio_next(&r, &e)) == CPIO_ENTRY)
		(*entries)++;
	return got;
}

/* Copies size bytes to a heap block of exactly that size, so ASan sees overreads. */
static int parse_exact(const void *buf, size_t size, int *entries)
{
	char *copy = malloc(size ? size : 1);
	int got;

	memcpy(copy, buf, size);
	got = parse(copy, size, entries);
	free(copy);
	return got;
}

static void reads_archive_built_in_memory(void)
{
	struct newc *a = good_archive();
	int n;

	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_END && n == 2);
}

static void every_truncation_is_an_error_not_an_overread(void)
{
	struct newc *a = good_archive();
	int n;

	for (size_t cut = 0; cut < a->len - 3; cut++)
		UNIT_CHECK(parse_exact(a->buf, cut, &n) < 0);
}

static void truncated_header_is_reported(void)
{
	struct newc *a = good_archive();
	int n;

	UNIT_CHECK(parse_exact(a->buf, 50, &n) == CPIO_ETRUNCATED && n == 0);
	UNIT_CHECK(parse_exact(a->buf, 0, &n) == CPIO_ENOTRAILER);
}

static void bad_magic_is_reported(void)
{
	struct newc *a = good_archive();
	int n;

	a->buf[5] = '7';        /* 070707 is the old portable format */
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_EMAGIC);
	a->buf[5] = '1';
	a->buf[0] = 'x';
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_EMAGIC);
}

static void non_hex_field_is_reported(void)
{
	struct newc *a = good_archive();
	int n;

	a->buf[6 + 8 + 3] = 'g';
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_EFIELD);
}

static void set_field(struct newc *a, size_t header, int field, unsigned v)
{
	char tmp[9];

	snprintf(tmp, sizeof(tmp), "%08X", v);
	memcpy(a->buf + header + 6 + 8 * field, tmp, 8);
}

static void name_overrun_is_reported(void)
{
	struct newc *a = good_archive();
	int n;

	set_field(a, 0, 11, 0x10000);
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_ENAME);
	set_field(a, 0, 11, 0);
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_ENAME);
	set_field(a, 0, 11, 3);  /* "di" then 'r' where the NUL should be */
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_ENAME);
}

static void size_overrun_is_reported(void)
{
	struct newc *a = good_archive();
	size_t second = 112 + 4;        /* 110 + "dir\0", padded */
	int n;

	UNIT_CHECK(!memcmp(a->buf + second, "070701", 6));
	set_field(a, second, 6, 0xffffffff);
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_EDATA && n == 1);
}

static void missing_trailer_is_reported(void)
{
	struct newc a = { .len = 0 };
	int n;

	newc_add(&a, "f", S_IFREG | 0644, 1, 1, "x", 1);
	UNIT_CHECK(parse_exact(a.buf, a.len, &n) == CPIO_ENOTRAILER && n == 1);
}

static void crc_format_checks_its_sum(void)
{
	struct newc *a = good_archive();
	size_t second = 116;
	int n;

	a->buf[5] = '2';
	a->buf[second + 5] = '2';
	a->buf[a->len - 124 + 5] = '2';
	set_field(a, second, 12, 'a' + 'b' + 'c' + 'd' + 'e');
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_END && n == 2);
	set_field(a, second, 12, 1);
	UNIT_CHECK(parse_exact(a->buf, a->len, &n) == CPIO_ECHECKSUM);
}

static void errors_have_messages(void)
{
	for (int e = CPIO_ENOTRAILER; e <= CPIO_ENTRY; e++)
		UNIT_CHECK(strcmp(cpio_strerror(e), "unknown cpio error"));
}

static const struct unit_case cases[] = {
	UNIT_CASE(reads_host_cpio_archive),
	UNIT_CASE(reads_archive_built_in_memory),
	UNIT_CASE(every_truncation_is_an_error_not_an_overread),
	UNIT_CASE(truncated_header_is_reported),
	UNIT_CASE(bad_magic_is_reported),
	UNIT_CASE(non_hex_field_is_reported),
	UNIT_CASE(name_overrun_is_reported),
	UNIT_CASE(size_overrun_is_reported),
	UNIT_CASE(missing_trailer_is_reported),
	UNIT_CASE(crc_format_checks_its_sum),
	UNIT_CASE(errors_have_messages),
};
UNIT_MAIN("host/unix-server/cpio", cases)
