/*
 * bootinfo.c: the boot info page of a task the kernel started (see
 * mk/bootinfo.h), kept by crt0 before native_main runs, and the names of
 * the boot rights it lists.
 *
 * A task made by native_task_spawn inherits a copy of this memory, hence
 * the same names, but not the rights: in it they name nothing (or
 * something else), and the host traps refuse them.
 */
#include "lib/native/native.h"

static const struct mk_bootinfo *boot_info;

void native_runtime_init(const struct mk_bootinfo *info)
{
	if (info && info->magic == MK_BOOTINFO_MAGIC && info->version == MK_BOOTINFO_VERSION &&
	    info->size >= sizeof(*info))
		boot_info = info;
}

const struct mk_bootinfo *native_bootinfo(void)
{
	return boot_info;
}

mk_port_name_t native_host_port(void)
{
	return boot_info ? boot_info->host_port : MK_PORT_NULL;
}

mk_port_name_t native_console_port(void)
{
	return boot_info ? boot_info->console_port : MK_PORT_NULL;
}

const struct mk_bootinfo_module *native_boot_module(const char *name)
{
	for (uint32_t i = 0; boot_info && i < boot_info->module_count; i++)
		if (!strcmp(boot_info->modules[i].name, name))
			return &boot_info->modules[i];
	return NULL;
}
