/*
 * space_ops.c: the operations the trap layer calls on a space by name:
 * allocating ports, sets and dead names, copying one right in or out,
 * user-reference changes, set membership and the lookups for receiving.
 *
 * Each takes the space lock once, checks, commits, and drops it; a right
 * that goes away is detached under the lock and released after it, since
 * releasing may notify.
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "ipc/right.h"
#include "ipc/space_internal.h"
#include "kern/hot_path.h"

/* A right taken out of an entry, to release once the lock is dropped. */
struct detached {
	void *object;
	uint32_t type;
};

static void release_detached(const struct detached *d)
{
	if (d->type)
		ipc_right_release_detached(d->object, d->type);
}

/* Space lock held: removes `right` from e into d. A name that loses its
 * receive right but keeps send rights becomes a dead name (the port is
 * about to die); its send right is released with the receive right. */
static void detach_right(struct ipc_space *space, struct ipc_entry *e, uint32_t right,
			 struct detached *d)
{
	uint32_t rest = e->type & ~right;

	d->object = e->object;
	d->type = right;
	if (right == MK_RIGHT_RECEIVE)
		ipc_port_leave_space(e->object);
	if (right == MK_RIGHT_RECEIVE && (rest & MK_RIGHT_SEND)) {
		d->type |= MK_RIGHT_SEND;
		ipc_entry_set_type(space, e, MK_RIGHT_DEAD_NAME);
		e->object = NULL;
		return;
	}
	if (!(rest & (MK_RIGHT_SEND | MK_RIGHT_DEAD_NAME)))
		e->urefs = 0;
	if (rest & IPC_RIGHT_PORT_BITS)
		ipc_port_reference(e->object);  /* the entry keeps its own */
	ipc_entry_set_type(space, e, rest);
}

MK_HOT_PATH static mk_return_t lock_active(struct ipc_space *space)
{
	spin_lock(&space->lock);
	if (space->active)
		return MK_SUCCESS;
	spin_unlock(&space->lock);
	return MK_INVALID_TASK;
}

static mk_return_t allocate(struct ipc_space *space, void *object, uint32_t type,
			    uint32_t urefs, mk_port_name_t *name)
{
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	ret = ipc_space_reserve(space, 1);
	if (ret == MK_SUCCESS) {
		*name = ipc_entry_alloc(space, object, type, urefs);
		if (type == MK_RIGHT_RECEIVE)
			ipc_port_enter_space(object, space, *name);
	}
	spin_unlock(&space->lock);
	return ret;
}

mk_return_t ipc_space_allocate_port(struct ipc_space *space, mk_port_name_t *name)
{
	struct ipc_port *port = ipc_port_create();

	if (!port)
		return MK_RESOURCE_SHORTAGE;
	mk_return_t ret = allocate(space, port, MK_RIGHT_RECEIVE, 0, name);
	if (ret != MK_SUCCESS) {
		port->active = false;   /* never seen by anyone: no notifications */
		ipc_port_release(port);
	}
	return ret;
}

mk_return_t ipc_space_allocate_pset(struct ipc_space *space, mk_port_name_t *name)
{
	struct ipc_pset *pset = ipc_pset_create();

	if (!pset)
		return MK_RESOURCE_SHORTAGE;
	mk_return_t ret = allocate(space, pset, MK_RIGHT_PORT_SET, 0, name);
	if (ret != MK_SUCCESS)
		ipc_pset_destroy(pset);
	return ret;
}

mk_return_t ipc_space_allocate_dead_name(struct ipc_space *space, mk_port_name_t *name)
{
	return allocate(space, NULL, MK_RIGHT_DEAD_NAME, 1, name);
}

mk_return_t ipc_space_copyin(struct ipc_space *space, mk_port_name_t name, unsigned disposition,
			     struct ipc_port **port, unsigned *type)
{
	if (!ipc_right_disposition_is_valid(disposition))
		return MK_INVALID_VALUE;
	mk_return_t ret = lock_active(space);
	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	ret = MK_INVALID_NAME;
	if (e) {
		uint32_t t = e->type, urefs = e->urefs;
		ret = ipc_right_copyin_check(&t, &urefs, disposition);
	}
	if (ret == MK_SUCCESS) {
		struct ipc_kmsg_right r;
		ipc_right_copyin_commit(space, e, disposition, &r);
		*port = r.port;
		*type = r.type;
	}
	spin_unlock(&space->lock);
	return ret;
}

mk_return_t ipc_space_copyin_send(struct ipc_space *space, mk_port_name_t name,
				  struct ipc_port **port)
{
	uint32_t rights;
	unsigned type;
	mk_return_t ret = ipc_space_type(space, name, &rights);

	if (ret != MK_SUCCESS)
		return ret;
	return ipc_space_copyin(space, name,
				rights & MK_RIGHT_RECEIVE ? MK_MSG_TYPE_MAKE_SEND : MK_MSG_TYPE_COPY_SEND,
				port, &type);
}

mk_return_t ipc_space_copyout(struct ipc_space *space, struct ipc_port *port, unsigned type,
			      mk_port_name_t *name)
{
	struct ipc_kmsg_right r = { port, MK_PORT_NULL, (uint8_t)type };
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	ret = ipc_space_reserve(space, 1);
	if (ret == MK_SUCCESS)
		*name = ipc_right_copyout(space, &r);
	spin_unlock(&space->lock);
	return ret;
}

/* Space lock held, e has `right`. */
static mk_return_t mod_refs_locked(struct ipc_space *space, struct ipc_entry *e, uint32_t right,
				   int32_t delta, struct detached *d)
{
	if (right != MK_RIGHT_SEND && right != MK_RIGHT_DEAD_NAME) {
		if (delta < -1 || delta > 0)
			return MK_INVALID_VALUE;
		if (delta == -1)
			detach_right(space, e, right, d);
		return MK_SUCCESS;
	}
	int64_t urefs = (int64_t)e->urefs + delta;
	if (urefs < 0)
		return MK_INVALID_VALUE;
	if (urefs > IPC_UREFS_MAX)
		return MK_UREFS_OVERFLOW;
	if (urefs == 0)
		detach_right(space, e, right, d);
	else
		e->urefs = (uint32_t)urefs;
	return MK_SUCCESS;
}

mk_return_t ipc_space_mod_refs(struct ipc_space *space, mk_port_name_t name, uint32_t right,
			       int32_t delta)
{
	struct detached d = { NULL, 0 };

	if (!ipc_is_one_right(right))
		return MK_INVALID_VALUE;
	mk_return_t ret = lock_active(space);
	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	if (!e)
		ret = MK_INVALID_NAME;
	else if (!(e->type & right))
		ret = MK_INVALID_RIGHT;
	else
		ret = mod_refs_locked(space, e, right, delta, &d);
	spin_unlock(&space->lock);
	release_detached(&d);
	return ret;
}

mk_return_t ipc_space_deallocate(struct ipc_space *space, mk_port_name_t name)
{
	struct detached d = { NULL, 0 };
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	uint32_t type = e ? e->type : 0;
	uint32_t right = type & MK_RIGHT_SEND        ? MK_RIGHT_SEND
			 : type & MK_RIGHT_SEND_ONCE ? MK_RIGHT_SEND_ONCE
						     : type & MK_RIGHT_DEAD_NAME;
	if (!e)
		ret = MK_INVALID_NAME;
	else if (!right)
		ret = MK_INVALID_RIGHT;
	else
		ret = mod_refs_locked(space, e, right, -1, &d);
	spin_unlock(&space->lock);
	release_detached(&d);
	return ret;
}

mk_return_t ipc_space_destroy_name(struct ipc_space *space, mk_port_name_t name)
{
	struct detached d = { NULL, 0 };
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	if (e) {
		d.object = e->object;
		d.type = e->type;
		if (e->type & MK_RIGHT_RECEIVE)
			ipc_port_leave_space(e->object);
		ipc_entry_set_type(space, e, 0);
	}
	spin_unlock(&space->lock);
	release_detached(&d);
	return e ? MK_SUCCESS : MK_INVALID_NAME;
}

MK_HOT_PATH mk_return_t ipc_space_lookup_receive(struct ipc_space *space, mk_port_name_t name,
				     struct ipc_port **port, struct ipc_pset **pset)
{
	mk_return_t ret = lock_active(space);

	*port = NULL;
	*pset = NULL;
	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	if (!e) {
		ret = MK_INVALID_NAME;
	} else if (e->type & MK_RIGHT_RECEIVE) {
		*port = e->object;
		ipc_port_reference(*port);
	} else if (e->type & MK_RIGHT_PORT_SET) {
		*pset = e->object;
		ipc_pset_reference(*pset);
	} else {
		ret = MK_INVALID_RIGHT;
	}
	spin_unlock(&space->lock);
	return ret;
}

MK_HOT_PATH mk_return_t ipc_space_lookup_port(struct ipc_space *space, mk_port_name_t name, uint32_t rights,
				  struct ipc_port **port)
{
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	if (!e)
		ret = MK_INVALID_NAME;
	else if (e->type & rights & IPC_RIGHT_PORT_BITS)
		ipc_port_reference(*port = e->object);
	else if (e->type & MK_RIGHT_DEAD_NAME && rights & (MK_RIGHT_SEND | MK_RIGHT_SEND_ONCE))
		ret = MK_DEAD_NAME;
	else
		ret = MK_INVALID_RIGHT;
	spin_unlock(&space->lock);
	return ret;
}

mk_return_t ipc_space_move_member(struct ipc_space *space, mk_port_name_t member,
				  mk_port_name_t pset_name)
{
	mk_return_t ret = lock_active(space);

	if (ret != MK_SUCCESS)
		return ret;
	struct ipc_entry *m = ipc_entry_lookup_live(space, member);
	struct ipc_entry *s = pset_name ? ipc_entry_lookup_live(space, pset_name) : NULL;
	if (!m || (pset_name && !s))
		ret = MK_INVALID_NAME;
	else if (!(m->type & MK_RIGHT_RECEIVE) || (s && !(s->type & MK_RIGHT_PORT_SET)))
		ret = MK_INVALID_RIGHT;
	else if (s)
		ipc_pset_add(s->object, m->object);
	else
		ipc_pset_remove(m->object);
	spin_unlock(&space->lock);
	return ret;
}
