/*
 * boot_info.c: tests that the kernel reads what GRUB hands over: a memory
 * map with usable RAM, the modules, and the command line.
 */
#include "kern/ktest.h"
#include "lib/string.h"

KTEST(boot_info_has_usable_memory_modules_and_cmdline)
{
	const struct boot_info *bi = ktest_boot_info;

	KTEST_ASSERT(bi->memory_count > 0);
	/* QEMU is started with 256 MiB; some is firmware-reserved. */
	KTEST_ASSERT(boot_usable_memory_bytes(bi) > (200ull << 20));
	KTEST_ASSERT(boot_usable_memory_bytes(bi) <= (256ull << 20));
	KTEST_ASSERT(bi->module_count >= 1);
	KTEST_ASSERT(!strcmp(bi->modules[0].name, "initramfs"));
	KTEST_ASSERT(bi->modules[0].end > bi->modules[0].start);
	KTEST_ASSERT(strlen(bi->cmdline) > 0);
	KTEST_ASSERT(!strncmp(bi->bootloader, "GRUB", 4));
}
