/*
 * exception.c: user exceptions as messages (mk/exception.h). The
 * faulting thread builds the exception message itself, calls the handler
 * through ipc_kernel_rpc (the thread's exception port first, then the
 * task's if the thread has none or it is dead) and acts on the reply.
 * All of it runs on the faulting thread's kernel stack, inside the trap
 * that caught the fault, so the thread's user registers stay in f.
 */
#include "arch/x86_64/thread_state.h"
#include "arch/x86_64/trap.h"
#include "ipc/kernel_rpc.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "kern/exception.h"
#include "kern/exception_port.h"
#include "kern/percpu.h"
#include "kern/task.h"
#include "kern/thread.h"
#include "lib/fmt.h"
#include "lib/string.h"
#include "mk/exception.h"
#include "mk/notify.h"

static struct ipc_kmsg_right new_send_right(struct ipc_port *port)
{
	ipc_port_make_send(port);       /* the kernel holds the receive right */
	return (struct ipc_kmsg_right){ port, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND };
}

/* The exception message to dest (a send right, consumed), or NULL when
 * memory is short (then dest is released). */
static struct ipc_kmsg *build_request(struct ipc_port *dest, const struct trap_frame *f,
				      const struct exception_info *info)
{
	struct thread *self = current_thread();
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(sizeof(struct mk_exception_msg), 2);

	if (!kmsg) {
		ipc_port_release_send(dest);
		return NULL;
	}
	struct mk_exception_msg m = {
		.header = { .bits = MK_MSGH_COMPLEX, .size = sizeof(m), .id = MK_EXCEPTION_RAISE_ID },
		.body = { .descriptor_count = 2 },
		.thread = { .type = MK_MSG_PORT_DESCRIPTOR },
		.task = { .type = MK_MSG_PORT_DESCRIPTOR },
		.exception = info->kind, .vector = info->vector,
		.code = info->code, .address = info->address,
	};
	thread_state_from_frame(&m.state, f, self->fs_base);
	memcpy(kmsg->bytes, &m, sizeof(m));
	kmsg->header = m.header;
	kmsg->dest = (struct ipc_kmsg_right){ dest, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND };
	kmsg->rights[0] = new_send_right(self->self_port);
	kmsg->rights[1] = new_send_right(self->task->self_port);
	return kmsg;
}

/* Acts on the handler's reply: NULL when the thread resumes, else why
 * the task must die. */
static const char *apply_reply(const struct ipc_kmsg *reply)
{
	struct mk_exception_reply r;

	memcpy(&r.header, reply->bytes, sizeof(r.header));
	if (r.header.id == MK_NOTIFY_SEND_ONCE)
		return "the handler dropped the reply right";
	if (r.header.id != MK_EXCEPTION_REPLY_ID || reply->size != sizeof(r) ||
	    (r.header.bits & MK_MSGH_COMPLEX))
		return "the handler's reply is malformed";
	memcpy(&r, reply->bytes, sizeof(r));
	if (r.action == MK_EXCEPTION_TERMINATE)
		return "the handler asked to terminate";
	if (r.action != MK_EXCEPTION_RESUME || (r.flags & ~MK_EXCEPTION_SET_STATE))
		return "the handler's reply is malformed";
	if (r.flags & MK_EXCEPTION_SET_STATE) {
		if (thread_state_check(&r.state) != MK_SUCCESS)
			return "the handler's new state is invalid";
		thread_state_apply(current_thread(), &r.state);
	}
	return NULL;
}

static _Noreturn void die(const struct trap_frame *f, const struct exception_info *info,
			  const char *why)
{
	char text[160];

	if (info->kind == MK_EXC_SYSCALL) {
		fmt_snprintf(text, sizeof(text), "Linux system call %lu and no emulator (%s)",
			     info->code, why);
	} else {
		trap_dump(f);
		fmt_snprintf(text, sizeof(text), "%s at rip %#lx (address %#lx): %s",
			     trap_exception_name(info->vector), f->rip, info->address, why);
	}
	task_fatal_exception(text);
}

void exception_raise(struct trap_frame *f, const struct exception_info *info)
{
	struct thread *self = current_thread();
	const char *why = info->kind ? "no exception port" : "not a fault of the thread";

	for (int level = 0; info->kind && level < 2; level++) {
		if (self->terminate_requested)
			return;
		struct ipc_port *port = level == 0 ? exception_port_copy_thread(self)
						   : exception_port_copy_task(self->task);
		if (!port)
			continue;
		struct ipc_kmsg *request = build_request(port, f, info), *reply;
		if (!request) {
			why = "no memory for the exception message";
			break;
		}
		mk_return_t ret = ipc_kernel_rpc(request, ipc_wait_for_ms(false, 0), &reply);
		if (ret == MK_INTERRUPTED)
			return;         /* aborted: resumes unchanged, or terminates */
		if (ret == MK_DEAD_NAME) {
			why = "the exception port is dead";
			continue;
		}
		if (ret != MK_SUCCESS) {
			why = "the exception message could not be sent";
			break;
		}
		why = apply_reply(reply);
		ipc_kmsg_destroy(reply);
		if (!why)
			return;
		break;
	}
	die(f, info, why);
}
