/*
 * fork_task.c: fork_task_start (fork_task.h). The parent's thread is in
 * the server's call while its task is copied, so the copy of its frame
 * and emulator stack is stable. Processes have one thread, the first, so
 * the area is the header's first_area.
 */
#include "fork_task.h"
#include "process.h"
#include "server.h"
#include "ux_errno.h"

int fork_task_start(struct process *child, const struct process *parent)
{
	const struct emulator_header *h = &server.emulator_template;
	struct mk_thread_state parent_state;
	mk_port_name_t task, thread;

	if (mk_thread_get_state(parent->thread, &parent_state) != MK_SUCCESS)
		return -UX_ESRCH;
	int64_t r = mk_task_create_from(parent->task, child->port, &task);
	if (r != MK_SUCCESS)
		return r == MK_INVALID_TASK ? -UX_ESRCH : -UX_ENOMEM;
	if (mk_exception_port_set(task, child->port) != MK_SUCCESS ||
	    mk_thread_create_port(task, h->fork_entry, h->first_area, h->first_area,
				  MK_THREAD_CREATE_SUSPENDED, &thread) != MK_SUCCESS) {
		mk_task_terminate(task);
		mk_port_deallocate(task);
		return -UX_ENOMEM;
	}
	if (mk_thread_set_emulation_area(thread, h->first_area) != MK_SUCCESS ||
	    mk_thread_set_fs_base(thread, parent_state.fs_base) != MK_SUCCESS ||
	    mk_thread_resume(thread) != MK_SUCCESS) {
		mk_port_deallocate(thread);
		mk_task_terminate(task);
		mk_port_deallocate(task);
		return -UX_ENOMEM;
	}
	child->task = task;
	child->thread = thread;
	return 0;
}
