/*
 * bootstrap.c: the kernel's only program loader, for the tasks it starts
 * itself (the UNIX server, native test tasks). It maps each load segment
 * as anonymous memory, copies the file's bytes in, applies the segment's
 * protection, and builds a stack holding the argument string and the
 * boot info address (mk/bootinfo.h; the rights and modules it describes
 * come from bootinfo.c). Everything after this is loaded by user-level
 * servers.
 */
#include "arch/x86_64/layout.h"
#include "kern/bootinfo.h"
#include "kern/bootstrap.h"
#include "kern/console.h"
#include "kern/sched.h"
#include "lib/elf.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"

#define BOOT_STACK_TOP  0x00007ffffff00000ull
#define BOOT_STACK_SIZE (256 * 1024)
#define PAGE_MASK       (MK_PAGE_SIZE - 1)

static unsigned segment_protection(uint32_t flags)
{
	return (flags & ELF_SEGMENT_READ ? MK_VM_PROT_READ : 0) |
	       (flags & ELF_SEGMENT_WRITE ? MK_VM_PROT_WRITE : 0) |
	       (flags & ELF_SEGMENT_EXECUTE ? MK_VM_PROT_EXECUTE : 0);
}

static mk_return_t load_segments(struct vm_map *map, const char *image, const struct elf_image *elf)
{
	uint64_t mapped_end = 0;

	for (size_t i = 0; i < elf->segment_count; i++) {
		const struct elf_segment *s = &elf->segments[i];
		uint64_t start = s->vaddr & ~PAGE_MASK;
		uint64_t end = (s->vaddr + s->memsz + PAGE_MASK) & ~PAGE_MASK;
		if (start < mapped_end)
			start = mapped_end;     /* a page shared with the previous segment */
		mk_return_t r = MK_SUCCESS;
		if (start < end)
			r = vm_map_allocate(map, &start, end - start, 0);
		if (r == MK_SUCCESS)
			r = vm_map_write(map, s->vaddr, image + s->offset, s->filesz);
		if (r != MK_SUCCESS)
			return r;
		mapped_end = end > mapped_end ? end : mapped_end;
	}
	for (size_t i = 0; i < elf->segment_count; i++) {
		const struct elf_segment *s = &elf->segments[i];
		uint64_t start = s->vaddr & ~PAGE_MASK;
		vm_map_protect(map, start, s->vaddr + s->memsz - start, 0,
			       segment_protection(s->flags));
	}
	return MK_SUCCESS;
}

/* Copies arg to the top of a new stack, and below it the boot info
 * address (mk/bootinfo.h); returns the initial rsp, which points at it. */
static mk_return_t build_stack(struct vm_map *map, const char *arg, uint64_t bootinfo,
			       uint64_t *rsp, uint64_t *arg_address)
{
	uint64_t base = BOOT_STACK_TOP - BOOT_STACK_SIZE;
	uint64_t words[2] = { bootinfo, 0 };
	size_t len = strlen(arg) + 1;
	mk_return_t r = vm_map_allocate(map, &base, BOOT_STACK_SIZE, 0);

	*arg_address = (BOOT_STACK_TOP - len) & ~15ull;
	*rsp = *arg_address - 16;       /* 16-byte aligned, as at a call */
	if (r == MK_SUCCESS)
		r = vm_map_write(map, *arg_address, arg, len);
	if (r == MK_SUCCESS)
		r = vm_map_write(map, *rsp, words, sizeof(words));
	return r;
}

static const struct boot_module *find_module(const struct boot_info *bi, const char *name)
{
	for (size_t i = 0; i < bi->module_count; i++)
		if (!strcmp(bi->modules[i].name, name))
			return &bi->modules[i];
	return NULL;
}

struct task *bootstrap_start_module(const struct boot_info *bi, const char *module,
				    const char *arg, int boot_rights)
{
	const struct boot_module *m = find_module(bi, module);
	struct elf_image elf;

	if (!m) {
		kprintf("mk: no boot module named '%s'\n", module);
		return NULL;
	}
	const char *image = (const char *)(DIRECT_MAP_BASE + m->start);
	enum elf_error e = elf_parse(image, m->end - m->start, &elf);
	if (e != ELF_OK || elf.has_interpreter) {
		kprintf("mk: module '%s': %s\n", module,
			e != ELF_OK ? elf_error_string(e) : "dynamically linked");
		return NULL;
	}
	struct task *task = task_create(NULL, module);
	uint64_t rsp, arg_address, bootinfo = 0;
	mk_return_t r = task ? load_segments(task->map, image, &elf) : MK_RESOURCE_SHORTAGE;
	if (r == MK_SUCCESS && boot_rights)
		r = bootinfo_give(task, bi, m, &bootinfo);
	if (r == MK_SUCCESS)
		r = build_stack(task->map, arg, bootinfo, &rsp, &arg_address);
	if (r == MK_SUCCESS &&
	    !task_thread_create(task, elf.entry, rsp, arg_address, THREAD_PRIORITY_DEFAULT))
		r = MK_RESOURCE_SHORTAGE;
	if (r != MK_SUCCESS) {
		kprintf("mk: cannot start module '%s': error %d\n", module, r);
		if (task)
			task_release(task);
		return NULL;
	}
	return task;
}
