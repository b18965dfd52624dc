/*
 * bootinfo.c: builds the first task's boot rights and boot info page
 * (bootinfo.h). The page and the modules go at BOOTINFO_BASE upwards, far
 * from where programs and their allocations live, with a hole between
 * regions; all are read-only with a read-only maximum, so the task can
 * never write the kernel's module bytes through them.
 *
 * Modules are copied into anonymous memory: the VM system has no object
 * that maps physical memory it does not own (yet), and a copy costs one
 * pass over the module at boot.
 */
#include "arch/x86_64/layout.h"
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/alloc.h"
#include "kern/bootinfo.h"
#include "kern/console_port.h"
#include "kern/host.h"
#include "kern/task.h"
#include "lib/string.h"
#include "mk/bootinfo.h"
#include "mk/vm.h"

#define BOOTINFO_BASE 0x00007f0000000000ull
#define PAGE_MASK     (MK_PAGE_SIZE - 1)

static uint64_t page_round(uint64_t n)
{
	return (n + PAGE_MASK) & ~PAGE_MASK;
}

/* size bytes of kernel memory at *next in map, read-only; *next moves
 * past it and a guard page. */
static mk_return_t map_read_only(struct vm_map *map, const void *src, uint64_t size,
				 uint64_t *next, uint64_t *address)
{
	uint64_t start = *next, len = page_round(size);
	mk_return_t r = vm_map_allocate(map, &start, len, 0);

	if (r == MK_SUCCESS)
		r = vm_map_write(map, start, src, size);
	if (r == MK_SUCCESS)
		r = vm_map_protect(map, start, len, 1, MK_VM_PROT_READ);
	*address = start;
	*next = start + len + MK_PAGE_SIZE;
	return r;
}

/* A new send right to port, named in task's space. */
static mk_return_t give_send_right(struct task *task, struct ipc_port *port,
				   mk_port_name_t *name)
{
	ipc_port_make_send(port);
	mk_return_t r = ipc_space_copyout(task->space, port, MK_MSG_TYPE_MOVE_SEND, name);
	if (r != MK_SUCCESS)
		ipc_port_release_send(port);
	return r;
}

static mk_return_t map_modules(struct task *task, const struct boot_info *bi,
			       const struct boot_module *running, struct mk_bootinfo *info,
			       uint64_t *next)
{
	for (size_t i = 0; i < bi->module_count && info->module_count < MK_BOOTINFO_MODULES_MAX; i++) {
		const struct boot_module *m = &bi->modules[i];
		if (m == running)
			continue;
		struct mk_bootinfo_module *out = &info->modules[info->module_count++];
		out->size = m->end - m->start;
		memcpy(out->name, m->name, sizeof(out->name) - 1);
		if (!out->size)
			continue;
		mk_return_t r = map_read_only(task->map, (const void *)(DIRECT_MAP_BASE + m->start),
					      out->size, next, &out->address);
		if (r != MK_SUCCESS)
			return r;
	}
	return MK_SUCCESS;
}

mk_return_t bootinfo_give(struct task *task, const struct boot_info *bi,
			  const struct boot_module *running, uint64_t *address)
{
	struct mk_bootinfo *info = kzalloc(sizeof(*info));
	uint64_t next = BOOTINFO_BASE + MK_PAGE_SIZE;   /* the page itself goes first */

	if (!info)
		return MK_RESOURCE_SHORTAGE;
	info->magic = MK_BOOTINFO_MAGIC;
	info->version = MK_BOOTINFO_VERSION;
	info->size = sizeof(*info);
	memcpy(info->cmdline, bi->cmdline, sizeof(info->cmdline) - 1);
	mk_return_t r = give_send_right(task, host_port(), &info->host_port);
	if (r == MK_SUCCESS)
		r = give_send_right(task, console_port(), &info->console_port);
	if (r == MK_SUCCESS)
		r = map_modules(task, bi, running, info, &next);
	next = BOOTINFO_BASE;
	if (r == MK_SUCCESS)
		r = map_read_only(task->map, info, sizeof(*info), &next, address);
	kfree(info);
	return r;
}
