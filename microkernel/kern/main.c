/*
 * main.c: kmain, the first C code. Brings up the CPU tables and the
 * console, reads what GRUB handed over, prints the banner, and then runs
 * either the kernel test named by `ktest=` or the normal boot.
 */
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/fpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/pic.h"
#include "arch/x86_64/pmap.h"
#include "arch/x86_64/serial.h"
#include "arch/x86_64/syscall.h"
#include "kern/bootstrap.h"
#include "lib/cmdline.h"
#include "kern/console_port.h"
#include "kern/console.h"
#include "kern/host.h"
#include "kern/ktest.h"
#include "kern/multiboot2.h"
#include "kern/percpu.h"
#include "kern/pmm.h"
#include "kern/sched.h"
#include "lib/string.h"

static struct boot_info boot_info;

static void *phys_to_virt(uint64_t phys)
{
	return (void *)(DIRECT_MAP_BASE + phys);
}

/* boot.S left [0, 1 GiB) identity-mapped to get here; user tasks own the
 * lower half, so drop it. */
static void drop_boot_identity_map(void)
{
	extern uint64_t boot_pml4[512];

	boot_pml4[0] = 0;
	write_cr3(read_cr3());
}

static void print_banner(const struct boot_info *bi)
{
	uint64_t usable = boot_usable_memory_bytes(bi);

	kprintf("mk: Mach-like microkernel for x86-64, booted by %s\n",
		bi->bootloader[0] ? bi->bootloader : "an unnamed loader");
	kprintf("mk: memory: %lu MiB usable in %zu map entries\n",
		usable >> 20, bi->memory_count);
	for (size_t i = 0; i < bi->memory_count; i++)
		kprintf("mk:   %016lx-%016lx type %u\n", bi->memory[i].base,
			bi->memory[i].base + bi->memory[i].length - 1, bi->memory[i].type);
	for (size_t i = 0; i < bi->module_count; i++)
		kprintf("mk: module %zu: '%s' at %#lx, %lu bytes\n", i, bi->modules[i].name,
			bi->modules[i].start, bi->modules[i].end - bi->modules[i].start);
	if (bi->dropped)
		kprintf("mk: %zu memory map entries or modules ignored (table full)\n",
			bi->dropped);
	kprintf("mk: command line: %s\n", bi->cmdline);
}

/* Everything but usable RAM outside the kernel image and the modules,
 * and the first MiB (firmware data, and frame 0 means "none"). */
static void init_physical_memory(const struct boot_info *bi)
{
	extern char kernel_image_end[];
	struct phys_range reserved[BOOT_MAX_MODULES + 2];
	size_t n = 0;

	reserved[n++] = (struct phys_range){ 0, 0x100000 };
	reserved[n++] = (struct phys_range){ KERNEL_PHYS_BASE,
					     (uint64_t)kernel_image_end - KERNEL_VIRT_BASE };
	for (size_t i = 0; i < bi->module_count; i++)
		reserved[n++] = (struct phys_range){ bi->modules[i].start, bi->modules[i].end };
	size_t frames = pmm_init(bi, BOOT_DIRECT_MAP_SIZE, reserved, n);
	kprintf("mk: %zu KiB in %zu free frames", frames * 4, frames);
	if (boot_usable_memory_bytes(bi) > BOOT_DIRECT_MAP_SIZE)
		kprintf(" (RAM above %lu MiB is not used yet)", (uint64_t)BOOT_DIRECT_MAP_SIZE >> 20);
	kprintf("\n");
}

/* Starts a native test or benchmark task; it powers off with its outcome,
 * so if it ends without doing so, it has failed. */
static void run_native_test(const char *module, const char *arg)
{
	struct task *t = bootstrap_start_module(&boot_info, module, arg, 1);

	if (!t)
		ktest_fail("cannot start the native task '%s'", module);
	task_release(t);
	while (task_count())
		sched_sleep_ticks(HZ / 10);
	ktest_fail("the native task '%s' ended without reporting a result", module);
}

/* The UNIX server: the first task of a normal boot, with the boot rights.
 * It powers the machine off when its init ends. */
static void start_unix_server(void)
{
	struct task *t = bootstrap_start_module(&boot_info, "unix-server", "", 1);

	if (!t)
		panic("cannot start the UNIX server");
	task_release(t);
}

void kmain(uint32_t magic, uint64_t info_phys)
{
	serial_init();
	gdt_init();
	idt_init();

	enum mb2_parse_error err = MB2_BAD_SIZE;
	if (info_phys && info_phys < BOOT_DIRECT_MAP_SIZE)
		err = mb2_parse(magic, phys_to_virt(info_phys), &boot_info);
	if (err != MB2_OK)
		panic("cannot read the boot information: %s", mb2_error_string(err));
	drop_boot_identity_map();
	char klog[8];
	if (cmdline_get(boot_info.cmdline, "klog", klog, sizeof(klog)) && !strcmp(klog, "ttyS1"))
		serial_select_log(1);   /* COM1 is left to the UNIX server's console */
	print_banner(&boot_info);
	init_physical_memory(&boot_info);
	pmap_bootstrap();
	percpu_init_boot_cpu();
	sched_init();
	host_init();
	console_port_init();
	pic_init();
	pit_start(HZ);
	syscall_init();
	fpu_init_cpu();

	char test[96];
	if (cmdline_get(boot_info.cmdline, "ktest", test, sizeof(test)) ||
	    cmdline_get(boot_info.cmdline, "utest", test, sizeof(test))) {
		if (strlen(test) == sizeof(test) - 1)
			ktest_fail("test name longer than %zu characters", sizeof(test) - 2);
	}
	if (cmdline_get(boot_info.cmdline, "ktest", test, sizeof(test))) {
		ktest_boot_info = &boot_info;
		ktest_run(test);
	}
	if (cmdline_get(boot_info.cmdline, "utest", test, sizeof(test))) {
		run_native_test("utests", test);
	} else if (cmdline_get(boot_info.cmdline, "kbench", test, sizeof(test))) {
		run_native_test("kbench", test);   /* kbench=NAME: just that one */
	} else {
		start_unix_server();
	}
	/* The boot thread runs on the static boot stack and never exits. */
	struct waitq forever;
	waitq_init(&forever);
	waitq_sleep(&forever, NULL, 0);
	panic("the boot thread was woken");
}
