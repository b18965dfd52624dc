/*
 * multiboot2.h: what the kernel keeps from GRUB's multiboot2 information:
 * the memory map, the modules and the command line. Pure parsing, no
 * allocation, so it also runs in host unit tests.
 */
#ifndef MK_KERN_MULTIBOOT2_H
#define MK_KERN_MULTIBOOT2_H

#include <stddef.h>
#include <stdint.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

#define BOOT_MAX_MEMORY_REGIONS 64
#define BOOT_MAX_MODULES        16
#define BOOT_CMDLINE_MAX        1024
#define BOOT_MODULE_NAME_MAX    64

enum boot_memory_type {
	BOOT_MEMORY_USABLE = 1,         /* the multiboot2 / e820 numbering */
	BOOT_MEMORY_RESERVED = 2,
	BOOT_MEMORY_ACPI_RECLAIMABLE = 3,
	BOOT_MEMORY_ACPI_NVS = 4,
	BOOT_MEMORY_BAD = 5,
};

struct boot_memory_region {
	uint64_t base, length;
	uint32_t type;
};

struct boot_module {
	uint64_t start, end;            /* physical, end exclusive */
	char name[BOOT_MODULE_NAME_MAX];
};

struct boot_info {
	char cmdline[BOOT_CMDLINE_MAX];
	char bootloader[BOOT_MODULE_NAME_MAX];
	struct boot_memory_region memory[BOOT_MAX_MEMORY_REGIONS];
	size_t memory_count;
	struct boot_module modules[BOOT_MAX_MODULES];
	size_t module_count;
	size_t dropped;                 /* entries past the fixed limits */
};

enum mb2_parse_error {
	MB2_OK = 0,
	MB2_BAD_MAGIC,
	MB2_BAD_SIZE,                   /* total size smaller than its header */
	MB2_BAD_TAG,                    /* a tag runs past the end */
	MB2_NO_END_TAG,
	MB2_NO_MEMORY_MAP,
};

/* Parses the information block at `info`; `magic` is what GRUB left in eax.
 * On any error `out` holds what was read before it. */
enum mb2_parse_error mb2_parse(uint32_t magic, const void *info, struct boot_info *out);
const char *mb2_error_string(enum mb2_parse_error e);

uint64_t boot_usable_memory_bytes(const struct boot_info *bi);

#endif
