/*
 * ipc_traps.c: the port and message traps of mk/traps.h, on the calling
 * task's name space. Arguments are untrusted numbers: each is checked
 * here or by the ipc/ function it reaches.
 */
#include "ipc/ipc_notify_requests.h"
#include "ipc/mqueue.h"
#include "ipc/port.h"
#include "ipc/space.h"
#include "kern/task.h"
#include "kern/usercopy.h"
#include "mk/notify.h"
#include "mk/traps.h"
#include "kern/hot_path.h"

static struct ipc_space *own_space(void)
{
	return current_task()->space;
}

static struct vm_map *own_map(void)
{
	return current_task()->map;
}

int64_t trap_port_allocate(const struct trap_args *a)
{
	mk_port_name_t name;
	mk_return_t ret;

	switch (a->arg[0]) {
	case MK_RIGHT_RECEIVE:
		ret = ipc_space_allocate_port(own_space(), &name);
		break;
	case MK_RIGHT_PORT_SET:
		ret = ipc_space_allocate_pset(own_space(), &name);
		break;
	case MK_RIGHT_DEAD_NAME:
		ret = ipc_space_allocate_dead_name(own_space(), &name);
		break;
	default:
		return MK_INVALID_VALUE;
	}
	if (ret == MK_SUCCESS && copy_to_user(a->arg[1], &name, sizeof(name)) != MK_SUCCESS) {
		ipc_space_destroy_name(own_space(), name);
		return MK_INVALID_ADDRESS;
	}
	return ret;
}

int64_t trap_port_deallocate(const struct trap_args *a)
{
	return ipc_space_deallocate(own_space(), (mk_port_name_t)a->arg[0]);
}

int64_t trap_port_mod_refs(const struct trap_args *a)
{
	return ipc_space_mod_refs(own_space(), (mk_port_name_t)a->arg[0], (uint32_t)a->arg[1],
				  (int32_t)a->arg[2]);
}

int64_t trap_port_destroy(const struct trap_args *a)
{
	return ipc_space_destroy_name(own_space(), (mk_port_name_t)a->arg[0]);
}

int64_t trap_port_type(const struct trap_args *a)
{
	uint32_t type;
	mk_return_t ret = ipc_space_type(own_space(), (mk_port_name_t)a->arg[0], &type);

	if (ret == MK_SUCCESS && copy_to_user(a->arg[1], &type, sizeof(type)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	return ret;
}

int64_t trap_port_get_refs(const struct trap_args *a)
{
	uint32_t refs;
	mk_return_t ret = ipc_space_get_refs(own_space(), (mk_port_name_t)a->arg[0],
					     (uint32_t)a->arg[1], &refs);

	if (ret == MK_SUCCESS && copy_to_user(a->arg[2], &refs, sizeof(refs)) != MK_SUCCESS)
		return MK_INVALID_ADDRESS;
	return ret;
}

int64_t trap_port_move_member(const struct trap_args *a)
{
	return ipc_space_move_member(own_space(), (mk_port_name_t)a->arg[0],
				     (mk_port_name_t)a->arg[1]);
}

int64_t trap_port_set_qlimit(const struct trap_args *a)
{
	struct ipc_port *port;
	mk_return_t ret = ipc_space_lookup_port(own_space(), (mk_port_name_t)a->arg[0],
						MK_RIGHT_RECEIVE, &port);

	if (ret != MK_SUCCESS)
		return ret;
	ret = a->arg[1] > UINT32_MAX ? MK_INVALID_VALUE : ipc_port_set_qlimit(port, (uint32_t)a->arg[1]);
	ipc_port_release(port);
	return ret;
}

int64_t trap_port_request_notification(const struct trap_args *a)
{
	mk_port_name_t name = (mk_port_name_t)a->arg[0];
	uint64_t variant = a->arg[1], disposition = a->arg[3];
	uint32_t needs;

	switch (variant) {
	case MK_NOTIFY_NO_SENDERS:
	case MK_NOTIFY_PORT_DESTROYED:
		needs = MK_RIGHT_RECEIVE;
		break;
	case MK_NOTIFY_DEAD_NAME:
		needs = MK_RIGHT_SEND | MK_RIGHT_SEND_ONCE | MK_RIGHT_RECEIVE;
		break;
	default:
		return MK_INVALID_VALUE;
	}
	if (disposition != MK_MSG_TYPE_MAKE_SEND_ONCE && disposition != MK_MSG_TYPE_MOVE_SEND_ONCE)
		return MK_INVALID_VALUE;
	struct ipc_port *port, *notify;
	unsigned type;
	mk_return_t ret = ipc_space_lookup_port(own_space(), name, needs, &port);
	if (ret != MK_SUCCESS)
		return ret;
	ret = ipc_space_copyin(own_space(), (mk_port_name_t)a->arg[2], (unsigned)disposition,
			       &notify, &type);
	if (ret == MK_SUCCESS) {
		ret = ipc_notify_request(port, (uint32_t)variant, name, notify);
		if (ret != MK_SUCCESS)
			ipc_port_release_send_once_quiet(notify);       /* never used */
	}
	ipc_port_release(port);
	return ret;
}

MK_HOT_PATH int64_t trap_msg(const struct trap_args *a)
{
	uint64_t umsg = a->arg[0], options = a->arg[1], timeout_ms = a->arg[5];
	uint32_t send_size = (uint32_t)a->arg[2], rcv_size = (uint32_t)a->arg[3];
	struct thread *woken = NULL;
	mk_return_t ret = MK_SUCCESS;

	if ((options & ~(uint64_t)MK_MSG_OPTIONS_ALL) ||
	    !(options & (MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE)) ||
	    a->arg[2] > UINT32_MAX || a->arg[3] > UINT32_MAX)
		return MK_INVALID_ARGUMENT;
	if (options & MK_MSG_OPTION_SEND)
		ret = ipc_msg_send(own_space(), own_map(), umsg, send_size,
				   ipc_wait_for_ms(options & MK_MSG_OPTION_SEND_TIMEOUT, timeout_ms),
				   &woken);
	if (ret == MK_SUCCESS && (options & MK_MSG_OPTION_RECEIVE))
		ret = ipc_msg_receive(own_space(), own_map(), umsg, rcv_size,
				      (mk_port_name_t)a->arg[4],
				      ipc_wait_for_ms(options & MK_MSG_OPTION_RCV_TIMEOUT, timeout_ms),
				      woken);
	return ret;
}
