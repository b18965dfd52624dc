/*
 * multiboot2.c: reads the multiboot2 information block GRUB hands over.
 *
 * The block is a size-prefixed list of 8-byte aligned tags. Every length is
 * checked against the block before use, and strings are copied with a bound,
 * so a malformed block yields an error rather than a wild read.
 */
#include "kern/multiboot2.h"
#include "lib/string.h"

#define TAG_END          0
#define TAG_CMDLINE      1
#define TAG_BOOTLOADER   2
#define TAG_MODULE       3
#define TAG_MEMORY_MAP   6

struct mb2_tag {
	uint32_t type, size;
};

struct mb2_module_tag {
	struct mb2_tag tag;
	uint32_t start, end;
	char name[];
};

struct mb2_memory_map_tag {
	struct mb2_tag tag;
	uint32_t entry_size, entry_version;
};

struct mb2_memory_entry {
	uint64_t base, length;
	uint32_t type, reserved;
};

static void copy_string(char *dst, size_t dst_size, const char *src, size_t src_len)
{
	size_t n = 0;

	while (n + 1 < dst_size && n < src_len && src[n])
		dst[n] = src[n], n++;
	dst[n] = 0;
}

/* GRUB's multiboot2 command escapes \\, \' and \" in the command line it
 * builds from its words; the kernel's command line is the words as given. */
static void copy_cmdline(char *dst, size_t dst_size, const char *src, size_t src_len)
{
	size_t n = 0;

	for (size_t i = 0; n + 1 < dst_size && i < src_len && src[i]; i++) {
		if (src[i] == '\\' && i + 1 < src_len &&
		    (src[i + 1] == '\\' || src[i + 1] == '\'' || src[i + 1] == '"'))
			i++;
		dst[n++] = src[i];
	}
	dst[n] = 0;
}

static void read_memory_map(const struct mb2_memory_map_tag *t, struct boot_info *out)
{
	if (t->entry_size < sizeof(struct mb2_memory_entry))
		return;
	const char *p = (const char *)(t + 1);
	const char *end = (const char *)t + t->tag.size;

	for (; p + t->entry_size <= end; p += t->entry_size) {
		const struct mb2_memory_entry *e = (const void *)p;
		if (out->memory_count == BOOT_MAX_MEMORY_REGIONS) {
			out->dropped++;
			continue;
		}
		out->memory[out->memory_count++] = (struct boot_memory_region){
			e->base, e->length, e->type
		};
	}
}

static void read_module(const struct mb2_module_tag *t, struct boot_info *out)
{
	if (t->tag.size < sizeof(*t))
		return;
	if (out->module_count == BOOT_MAX_MODULES) {
		out->dropped++;
		return;
	}
	struct boot_module *m = &out->modules[out->module_count++];
	m->start = t->start;
	m->end = t->end;
	copy_string(m->name, sizeof(m->name), t->name, t->tag.size - sizeof(*t));
}

static void read_tag(const struct mb2_tag *tag, struct boot_info *out)
{
	const char *payload = (const char *)(tag + 1);
	size_t payload_len = tag->size - sizeof(*tag);

	switch (tag->type) {
	case TAG_CMDLINE:
		copy_cmdline(out->cmdline, sizeof(out->cmdline), payload, payload_len);
		break;
	case TAG_BOOTLOADER:
		copy_string(out->bootloader, sizeof(out->bootloader), payload, payload_len);
		break;
	case TAG_MODULE:
		read_module((const void *)tag, out);
		break;
	case TAG_MEMORY_MAP:
		if (tag->size >= sizeof(struct mb2_memory_map_tag))
			read_memory_map((const void *)tag, out);
		break;
	}
}

enum mb2_parse_error mb2_parse(uint32_t magic, const void *info, struct boot_info *out)
{
	memset(out, 0, sizeof(*out));
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		return MB2_BAD_MAGIC;
	uint32_t total = *(const uint32_t *)info;
	if (total < 8 + sizeof(struct mb2_tag))
		return MB2_BAD_SIZE;

	const char *base = info, *end = base + total;
	for (const char *p = base + 8; p + sizeof(struct mb2_tag) <= end;) {
		const struct mb2_tag *tag = (const void *)p;
		if (tag->size < sizeof(*tag) || tag->size > (size_t)(end - p))
			return MB2_BAD_TAG;
		if (tag->type == TAG_END)
			return out->memory_count ? MB2_OK : MB2_NO_MEMORY_MAP;
		read_tag(tag, out);
		p += (tag->size + 7) & ~7u;
	}
	return MB2_NO_END_TAG;
}

const char *mb2_error_string(enum mb2_parse_error e)
{
	switch (e) {
	case MB2_OK: return "ok";
	case MB2_BAD_MAGIC: return "not booted by a multiboot2 loader (bad magic)";
	case MB2_BAD_SIZE: return "information block too small";
	case MB2_BAD_TAG: return "a tag runs past the end of the block";
	case MB2_NO_END_TAG: return "no end tag";
	case MB2_NO_MEMORY_MAP: return "no memory map";
	}
	return "unknown error";
}

uint64_t boot_usable_memory_bytes(const struct boot_info *bi)
{
	uint64_t total = 0;

	for (size_t i = 0; i < bi->memory_count; i++)
		if (bi->memory[i].type == BOOT_MEMORY_USABLE)
			total += bi->memory[i].length;
	return total;
}
