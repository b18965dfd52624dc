/*
 * exec_task.c: exec_task_start (exec_task.h). The new task is empty
 * (nothing inherited): each segment is allocated, written with the
 * file's bytes (vm_write) and protected as the ELF says; the emulator's
 * segments the same way, with the per-process header fields written
 * over its first page; then the stack. Only when all of it worked does
 * the task get its emulation entry, region and exception port and the
 * thread start, so a failure just terminates a task nobody saw.
 */
#include "exec/elf_load.h"
#include "exec/initial_stack.h"
#include "exec_task.h"
#include "process.h"
#include "server.h"
#include "ux_errno.h"
#include "vfs/vfs.h"

#define STACK_BUILD_SIZE (256 * 1024)   /* room for argv, envp and auxv */

static struct elf_load_plan emulator_plan;

static int vm_error(int64_t r)
{
	return r == MK_RESOURCE_SHORTAGE ? -UX_ENOMEM : -UX_EFAULT;
}

/* The segments of plan, from image, into task. */
static int map_segments(mk_port_name_t task, const struct elf_load_plan *plan,
			const uint8_t *image)
{
	for (size_t i = 0; i < plan->segment_count; i++) {
		const struct exec_segment *s = &plan->segments[i];
		uint64_t at = s->start;
		int64_t r = mk_vm_allocate(task, &at, s->end - s->start, MK_VM_FLAGS_FIXED);
		if (r == MK_SUCCESS && s->file_bytes)
			r = mk_vm_write(task, s->start, image + s->file_offset, s->file_bytes);
		if (r == MK_SUCCESS)
			r = mk_vm_protect(task, s->start, s->end - s->start, 0, (uint32_t)s->prot);
		if (r != MK_SUCCESS)
			return vm_error(r);
	}
	return 0;
}

int exec_init_emulator(const void *image, size_t size)
{
	if (elf_load_plan(image, size, 0, &emulator_plan) || emulator_plan.type != 2 ||
	    size < 4096 + sizeof(struct emulator_header))
		return -UX_ENOEXEC;
	/* The header is the first page of the first segment. */
	const struct exec_segment *first = &emulator_plan.segments[0];
	const struct emulator_header *h =
		(const void *)((const uint8_t *)image + first->file_offset);
	if (first->start != EMULATOR_BASE || emulator_plan.end > EMULATOR_END ||
	    h->magic != EMULATOR_MAGIC || h->version != EMULATOR_VERSION ||
	    h->size != sizeof(*h) || !(first->prot & EXEC_PROT_WRITE))
		return -UX_ENOEXEC;
	server.emulator_image = image;
	server.emulator_size = size;
	server.emulator_template = *h;
	return 0;
}

static uint64_t cpuid1_edx(void)
{
	uint32_t a = 1, b, c = 0, d;
	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "+c"(c), "=d"(d));
	return d;
}

static int build_stack(mk_port_name_t task, const struct process *p,
		       const struct exec_request *req, const struct elf_load_plan *plan,
		       uint64_t *rsp)
{
	uint8_t random[16];
	struct initial_stack_layout layout;
	const struct vfs_cred *cred = &p->files->cred;
	struct initial_stack_args args = {
		.argv = req->argv, .argc = req->argc, .envp = req->envp, .envc = req->envc,
		.execfn = req->execfn, .random = random,
		.arg_limit = initial_stack_arg_limit(EMULATOR_APP_STACK_SIZE),
		.phdr = plan->phdr, .phent = plan->phent, .phnum = plan->phnum,
		.entry = plan->entry, .hwcap = cpuid1_edx(),
		.uid = cred->uid, .euid = cred->euid, .gid = cred->gid, .egid = cred->egid,
	};
	uint8_t *buf = native_malloc(STACK_BUILD_SIZE);
	uint64_t top = EMULATOR_APP_STACK_TOP, bottom = top - EMULATOR_APP_STACK_SIZE;

	if (!buf)
		return -UX_ENOMEM;
	dev_random_fill(&server.random, random, sizeof(random));
	int r = initial_stack_build(&args, top, buf, STACK_BUILD_SIZE, &layout);
	if (r == 0) {
		int64_t k = mk_vm_allocate(task, &bottom, EMULATOR_APP_STACK_SIZE,
					   MK_VM_FLAGS_FIXED);
		if (k == MK_SUCCESS)
			k = mk_vm_write(task, layout.rsp,
					buf + STACK_BUILD_SIZE - (top - layout.rsp), top - layout.rsp);
		r = k == MK_SUCCESS ? 0 : vm_error(k);
	}
	native_free(buf);
	if (r == 0)
		*rsp = layout.rsp;
	return r;
}

static int start_thread(struct process *p, mk_port_name_t task, uint64_t entry, uint64_t rsp)
{
	mk_port_name_t thread;
	struct mk_thread_state s = { .rip = entry, .rsp = rsp };

	if (mk_task_set_emulation(task, server.emulator_template.entry) != MK_SUCCESS ||
	    mk_task_set_emulation_region(task, EMULATOR_BASE, EMULATOR_SIZE) != MK_SUCCESS ||
	    mk_exception_port_set(task, p->port) != MK_SUCCESS ||
	    mk_thread_create_port(task, entry, rsp, 0, MK_THREAD_CREATE_SUSPENDED,
				  &thread) != MK_SUCCESS)
		return -UX_ENOMEM;
	/* Linux's registers at entry: all zero but rsp (rdx 0: no atexit). */
	if (mk_thread_set_emulation_area(thread, server.emulator_template.first_area) !=
		    MK_SUCCESS ||
	    mk_thread_set_state(thread, &s) != MK_SUCCESS ||
	    mk_thread_resume(thread) != MK_SUCCESS) {
		mk_port_deallocate(thread);
		return -UX_ENOMEM;
	}
	p->thread = thread;
	return 0;
}

int exec_task_start(struct process *p, const struct exec_request *req)
{
	const struct tmpfs_node *f = req->file;
	struct elf_load_plan *plan = native_malloc(sizeof(*plan));
	mk_port_name_t task = MK_PORT_NULL;
	uint64_t rsp = 0;
	int r;

	if (!plan)
		return -UX_ENOMEM;
	if (elf_load_plan(f->u.file.data, f->size, EXEC_DYN_BASE, plan)) {
		native_free(plan);
		return -UX_ENOEXEC;
	}
	if (plan->end > EMULATOR_BASE) {
		native_free(plan);
		return -UX_ENOMEM;      /* it would overlap the emulator */
	}
	if (mk_task_create(0, p->port, &task) != MK_SUCCESS) {
		native_free(plan);
		return -UX_ENOMEM;
	}
	struct emulator_header h = server.emulator_template;
	h.brk_start = plan->brk;
	h.flags = server_traces(p->comm) ? EMULATOR_F_TRACE : 0;
	r = map_segments(task, plan, f->u.file.data);
	if (r == 0)
		r = map_segments(task, &emulator_plan, server.emulator_image);
	if (r == 0 && mk_vm_write(task, EMULATOR_BASE, &h, sizeof(h)) != MK_SUCCESS)
		r = -UX_ENOMEM;
	if (r == 0)
		r = build_stack(task, p, req, plan, &rsp);
	if (r == 0)
		r = start_thread(p, task, plan->entry, rsp);
	native_free(plan);
	if (r < 0) {
		mk_task_terminate(task);
		mk_port_deallocate(task);
		return r;
	}
	p->task = task;
	return 0;
}

int exec_task_replace(struct process *p, const struct exec_request *req)
{
	mk_port_name_t old_task = p->task, old_thread = p->thread;
	int r;

	p->task = p->thread = MK_PORT_NULL;
	r = exec_task_start(p, req);
	if (r < 0) {
		p->task = old_task;
		p->thread = old_thread;
		return r;
	}
	mk_port_deallocate(old_thread);
	mk_task_terminate(old_task);
	mk_port_deallocate(old_task);
	return 0;
}
