/*
 * test_multiboot2.c: the multiboot2 reader on information blocks built
 * here, well-formed and malformed. Runs under ASan, so any read past the
 * block fails the test.
 */
#include <stdint.h>
#include <stdlib.h>

#include "kern/multiboot2.c"
#include "unit.h"

/* An information block under construction, in a heap buffer of exactly its
 * size once finished so ASan catches overreads. */
struct block {
	uint8_t bytes[4096];
	uint32_t used;
};

static void block_start(struct block *b)
{
	memset(b, 0, sizeof(*b));
	b->used = 8;
}

static void add_tag(struct block *b, uint32_t type, const void *payload, uint32_t len)
{
	uint32_t size = 8 + len;

	memcpy(b->bytes + b->used, &type, 4);
	memcpy(b->bytes + b->used + 4, &size, 4);
	if (len)
		memcpy(b->bytes + b->used + 8, payload, len);
	b->used += (size + 7) & ~7u;
}

static void add_memory_map(struct block *b, int entries)
{
	uint8_t payload[8 + 24 * 8] = { 0 };
	uint32_t entry_size = 24;

	memcpy(payload, &entry_size, 4);
	for (int i = 0; i < entries; i++) {
		struct mb2_memory_entry e = { (uint64_t)i << 20, 1 << 20, i % 2 ? 2 : 1, 0 };
		memcpy(payload + 8 + 24 * i, &e, 24);
	}
	add_tag(b, TAG_MEMORY_MAP, payload, 8 + 24 * entries);
}

static void add_module(struct block *b, uint32_t start, uint32_t end, const char *name)
{
	uint8_t payload[256];
	size_t len = strlen(name) + 1;

	memcpy(payload, &start, 4);
	memcpy(payload + 4, &end, 4);
	memcpy(payload + 8, name, len);
	add_tag(b, TAG_MODULE, payload, 8 + len);
}

/* Finishes the block and returns a heap copy of exactly its size. */
static void *block_finish(struct block *b, int with_end_tag)
{
	if (with_end_tag)
		add_tag(b, TAG_END, NULL, 0);
	memcpy(b->bytes, &b->used, 4);
	void *copy = malloc(b->used);
	memcpy(copy, b->bytes, b->used);
	return copy;
}

static struct block blk;
static struct boot_info info;

static void reads_memory_map_modules_cmdline_and_loader(void)
{
	block_start(&blk);
	add_tag(&blk, TAG_CMDLINE, "ktest=x", 8);
	add_tag(&blk, TAG_BOOTLOADER, "GRUB 2.06", 10);
	add_memory_map(&blk, 4);
	add_module(&blk, 0x200000, 0x300000, "initramfs");
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_OK);
	UNIT_CHECK_STR(info.cmdline, "ktest=x");
	UNIT_CHECK_STR(info.bootloader, "GRUB 2.06");
	UNIT_CHECK(info.memory_count == 4);
	UNIT_CHECK(boot_usable_memory_bytes(&info) == 2 << 20);
	UNIT_CHECK(info.module_count == 1);
	UNIT_CHECK(info.modules[0].start == 0x200000 && info.modules[0].end == 0x300000);
	UNIT_CHECK_STR(info.modules[0].name, "initramfs");
	free(mbi);
}

static void wrong_magic_is_rejected(void)
{
	block_start(&blk);
	add_memory_map(&blk, 1);
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(0x2badb002, mbi, &info) == MB2_BAD_MAGIC);
	free(mbi);
}

static void tag_running_past_the_end_is_rejected(void)
{
	block_start(&blk);
	add_memory_map(&blk, 1);
	uint32_t huge = 4000;
	memcpy(blk.bytes + 12, &huge, 4);       /* the memory map tag's size */
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_BAD_TAG);
	free(mbi);
}

static void block_without_end_tag_is_rejected(void)
{
	block_start(&blk);
	add_memory_map(&blk, 1);
	void *mbi = block_finish(&blk, 0);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_NO_END_TAG);
	free(mbi);
}

static void block_without_memory_map_is_rejected(void)
{
	block_start(&blk);
	add_tag(&blk, TAG_CMDLINE, "", 1);
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_NO_MEMORY_MAP);
	free(mbi);
}

static void unterminated_and_long_strings_are_bounded(void)
{
	char name[200];

	memset(name, 'm', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	block_start(&blk);
	add_tag(&blk, TAG_CMDLINE, "abc", 3);   /* no NUL inside the tag */
	add_memory_map(&blk, 1);
	add_module(&blk, 0, 1, name);
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_OK);
	UNIT_CHECK_STR(info.cmdline, "abc");
	UNIT_CHECK(strlen(info.modules[0].name) == BOOT_MODULE_NAME_MAX - 1);
	free(mbi);
}

/* GRUB escapes backslashes and quotes; the kernel sees the words as given. */
static void grub_escapes_in_the_command_line_are_undone(void)
{
	static const char escaped[] = "-- /bin/echo a\\tb \\\\ \\\"q\\\" \\'s\\ x\\";
	block_start(&blk);
	add_tag(&blk, TAG_CMDLINE, escaped, sizeof(escaped));
	add_memory_map(&blk, 1);
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_OK);
	UNIT_CHECK_STR(info.cmdline, "-- /bin/echo a\\tb \\ \"q\" 's\\ x\\");
	free(mbi);
}

static void modules_past_the_table_are_counted_as_dropped(void)
{
	block_start(&blk);
	add_memory_map(&blk, 1);
	for (int i = 0; i < BOOT_MAX_MODULES + 3; i++)
		add_module(&blk, i, i + 1, "m");
	void *mbi = block_finish(&blk, 1);

	UNIT_CHECK(mb2_parse(MULTIBOOT2_BOOTLOADER_MAGIC, mbi, &info) == MB2_OK);
	UNIT_CHECK(info.module_count == BOOT_MAX_MODULES);
	UNIT_CHECK(info.dropped == 3);
	free(mbi);
}

static const struct unit_case cases[] = {
	UNIT_CASE(reads_memory_map_modules_cmdline_and_loader),
	UNIT_CASE(grub_escapes_in_the_command_line_are_undone),
	UNIT_CASE(wrong_magic_is_rejected),
	UNIT_CASE(tag_running_past_the_end_is_rejected),
	UNIT_CASE(block_without_end_tag_is_rejected),
	UNIT_CASE(block_without_memory_map_is_rejected),
	UNIT_CASE(unterminated_and_long_strings_are_bounded),
	UNIT_CASE(modules_past_the_table_are_counted_as_dropped),
};
UNIT_MAIN("host/multiboot2", cases)
