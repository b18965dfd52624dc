/*
 * right.c: the transitions of a space entry when one right is copied in
 * (with a disposition) or copied out, and the release of an entry's rights.
 * Reference rule: an entry holding a port owns one reference whatever its
 * bits; a right in a kmsg owns one. A copyin that empties the entry hands
 * the entry's reference to the kmsg; otherwise it takes a new one.
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "ipc/right.h"
#include "ipc/space_internal.h"
#include "kern/hot_path.h"

MK_HOT_PATH bool ipc_right_disposition_is_valid(unsigned disposition)
{
	return disposition >= MK_MSG_TYPE_MOVE_RECEIVE &&
	       disposition <= MK_MSG_TYPE_MAKE_SEND_ONCE;
}

MK_HOT_PATH unsigned ipc_right_result_type(unsigned disposition)
{
	switch (disposition) {
	case MK_MSG_TYPE_MOVE_RECEIVE:
		return MK_MSG_TYPE_MOVE_RECEIVE;
	case MK_MSG_TYPE_MOVE_SEND_ONCE:
	case MK_MSG_TYPE_MAKE_SEND_ONCE:
		return MK_MSG_TYPE_MOVE_SEND_ONCE;
	default:
		return MK_MSG_TYPE_MOVE_SEND;
	}
}

MK_HOT_PATH static uint32_t needed_right(unsigned disposition)
{
	switch (disposition) {
	case MK_MSG_TYPE_MOVE_SEND:
	case MK_MSG_TYPE_COPY_SEND:
		return MK_RIGHT_SEND;
	case MK_MSG_TYPE_MOVE_SEND_ONCE:
		return MK_RIGHT_SEND_ONCE;
	default:
		return MK_RIGHT_RECEIVE;
	}
}

MK_HOT_PATH mk_return_t ipc_right_copyin_check(uint32_t *type, uint32_t *urefs, unsigned disposition)
{
	uint32_t need = needed_right(disposition);

	if (!(*type & need))
		return *type & MK_RIGHT_DEAD_NAME && need != MK_RIGHT_RECEIVE ? MK_DEAD_NAME
									: MK_INVALID_RIGHT;
	switch (disposition) {
	case MK_MSG_TYPE_MOVE_RECEIVE:
		*type &= ~MK_RIGHT_RECEIVE;
		break;
	case MK_MSG_TYPE_MOVE_SEND:
		if (--*urefs == 0)
			*type &= ~MK_RIGHT_SEND;
		break;
	case MK_MSG_TYPE_MOVE_SEND_ONCE:
		*type = 0;
		*urefs = 0;
		break;
	}
	return MK_SUCCESS;
}

MK_HOT_PATH void ipc_right_copyin_commit(struct ipc_space *space, struct ipc_entry *e, unsigned disposition,
			     struct ipc_kmsg_right *out)
{
	struct ipc_port *port = e->object;
	uint32_t type = e->type, urefs = e->urefs;
	mk_return_t ret = ipc_right_copyin_check(&type, &urefs, disposition);

	MK_ASSERT(ret == MK_SUCCESS && !(type & MK_RIGHT_PORT_SET));
	switch (disposition) {
	case MK_MSG_TYPE_COPY_SEND:
		ipc_port_copy_send(port);
		break;
	case MK_MSG_TYPE_MAKE_SEND:
		ipc_port_make_send(port);
		break;
	case MK_MSG_TYPE_MAKE_SEND_ONCE:
		ipc_port_make_send_once(port);
		break;
	case MK_MSG_TYPE_MOVE_SEND:
		/* urefs left: the name keeps its send right, one more travels. */
		if (type & MK_RIGHT_SEND)
			ipc_port_copy_send(port);
		else if (type)
			ipc_port_reference(port);
		break;
	default:                /* a move: the entry's right itself travels */
		if (disposition == MK_MSG_TYPE_MOVE_RECEIVE) {
			ipc_pset_remove(port);
			ipc_port_leave_space(port);
		}
		if (type)
			ipc_port_reference(port);
		break;
	}
	e->urefs = urefs;
	ipc_entry_set_type(space, e, type);
	out->port = port;
	out->name = MK_PORT_NULL;
	out->type = ipc_right_result_type(disposition);
}

MK_HOT_PATH static mk_port_name_t copyout_send(struct ipc_space *space, struct ipc_port *port)
{
	struct ipc_entry *e = ipc_entry_find_port(space, port);

	if (!e)
		return ipc_entry_alloc(space, port, MK_RIGHT_SEND, 1);
	if (e->type & MK_RIGHT_SEND) {
		/* Coalesce; at IPC_UREFS_MAX the extra uref is dropped, as Mach does. */
		if (e->urefs < IPC_UREFS_MAX)
			e->urefs++;
		ipc_port_release_send_quiet(port);
	} else {
		e->urefs = 1;
		ipc_entry_set_type(space, e, e->type | MK_RIGHT_SEND);
		ipc_port_release(port);         /* the entry's reference covers it */
	}
	return ipc_entry_name(space, e);
}

static mk_port_name_t copyout_receive(struct ipc_space *space, struct ipc_port *port)
{
	struct ipc_entry *e = ipc_entry_find_port(space, port);
	mk_port_name_t name;

	ipc_port_clear_destination(port);
	if (e) {
		ipc_entry_set_type(space, e, e->type | MK_RIGHT_RECEIVE);
		ipc_port_release(port);
		name = ipc_entry_name(space, e);
	} else {
		name = ipc_entry_alloc(space, port, MK_RIGHT_RECEIVE, 0);
	}
	ipc_port_enter_space(port, space, name);
	return name;
}

MK_HOT_PATH mk_port_name_t ipc_right_copyout(struct ipc_space *space, const struct ipc_kmsg_right *r)
{
	struct ipc_port *port = r->port;

	MK_ASSERT(port && space->free_count > 0);
	if (r->type == MK_MSG_TYPE_MOVE_RECEIVE)
		return copyout_receive(space, port);
	if (!ipc_port_is_active(port)) {
		if (r->type == MK_MSG_TYPE_MOVE_SEND)
			ipc_port_release_send_quiet(port);
		else
			ipc_port_release_send_once_quiet(port);
		return MK_PORT_DEAD;
	}
	if (r->type == MK_MSG_TYPE_MOVE_SEND)
		return copyout_send(space, port);
	MK_ASSERT(r->type == MK_MSG_TYPE_MOVE_SEND_ONCE);
	return ipc_entry_alloc(space, port, MK_RIGHT_SEND_ONCE, 1);
}

void ipc_right_release_detached(void *object, uint32_t type)
{
	struct ipc_port *port = object;

	if (!object)
		return;                 /* a dead name owns nothing */
	if (type & MK_RIGHT_PORT_SET) {
		ipc_pset_destroy(object);
		return;
	}
	if ((type & MK_RIGHT_RECEIVE) && (type & MK_RIGHT_SEND))
		ipc_port_reference(port);       /* one each for the two rights */
	if (type & MK_RIGHT_RECEIVE)
		ipc_port_destroy(port);
	if (type & MK_RIGHT_SEND)
		ipc_port_release_send(port);
	if (type & MK_RIGHT_SEND_ONCE)
		ipc_port_release_send_once(port);
}
