/*
 * host.c: the host port (host.h) and the traps that only need it:
 * host_poweroff and host_object_counts.
 *
 * The port is told apart by identity, not by port->kobject (which names a
 * task for task ports): its kobject stays NULL, so no task trap mistakes
 * it for a task and no-senders on it means nothing. Its type says it is
 * the kernel's (so it is never taken for a pager, for one).
 */
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "ipc/space.h"
#include "kern/console.h"
#include "kern/host.h"
#include "kern/kobject.h"
#include "kern/platform.h"
#include "kern/pmm.h"
#include "kern/task.h"
#include "kern/usercopy.h"
#include "mk/traps.h"
#include "vm/vm_object.h"

static struct ipc_port *the_host_port;  /* set once at boot */

void host_init(void)
{
	the_host_port = ipc_port_create();
	if (!the_host_port)
		panic("no memory for the host port");
	the_host_port->kobject_type = KOBJECT_HOST;
}

struct ipc_port *host_port(void)
{
	return the_host_port;
}

mk_return_t host_check(mk_port_name_t name)
{
	struct ipc_port *port;

	if (ipc_space_lookup_port(current_task()->space, name, MK_RIGHT_SEND, &port) != MK_SUCCESS)
		return MK_PROTECTION_FAILURE;
	bool is_host = port == the_host_port;
	ipc_port_release(port);
	return is_host ? MK_SUCCESS : MK_PROTECTION_FAILURE;
}

int64_t trap_host_object_counts(const struct trap_args *a)
{
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	struct mk_object_counts c = {
		.tasks = task_count(), .ports = ipc_port_count(), .port_sets = ipc_pset_count(),
		.messages = ipc_kmsg_count(), .free_frames = pmm_free_count(),
		.vm_objects = vm_object_count(),
	};
	return copy_to_user(a->arg[1], &c, sizeof(c));
}

int64_t trap_host_poweroff(const struct trap_args *a)
{
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	if (a->arg[1] > 0xff)
		return MK_INVALID_ARGUMENT;
	platform_exit((enum mk_exit_code)a->arg[1]);
}
