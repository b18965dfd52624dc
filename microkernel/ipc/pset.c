/*
 * pset.c: port set objects: membership and receiving from any member.
 * Lock order: pset->lock before port->lock; a port's set is found under the
 * port lock alone, then re-checked with both held.
 */
#include "ipc/ipc_assert.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/pset.h"
#include "kern/alloc.h"
#include "kern/hot_path.h"

static size_t live_psets;

struct ipc_pset *ipc_pset_create(void)
{
	struct ipc_pset *pset = kzalloc(sizeof(*pset));

	if (!pset)
		return NULL;
	pset->refs = 1;
	spin_init(&pset->lock);
	pset->active = true;
	list_init(&pset->members);
	waitq_init(&pset->receivers);
	__atomic_fetch_add(&live_psets, 1, __ATOMIC_RELAXED);
	return pset;
}

void ipc_pset_reference(struct ipc_pset *pset)
{
	uint32_t old = __atomic_fetch_add(&pset->refs, 1, __ATOMIC_RELAXED);

	MK_ASSERT(old > 0);
}

MK_HOT_PATH void ipc_pset_release(struct ipc_pset *pset)
{
	uint32_t old = __atomic_fetch_sub(&pset->refs, 1, __ATOMIC_ACQ_REL);

	MK_ASSERT(old > 0);
	if (old != 1)
		return;
	MK_ASSERT(!pset->active && list_is_empty(&pset->members));
	kfree(pset);
	__atomic_fetch_sub(&live_psets, 1, __ATOMIC_RELAXED);
}

/* Both locks held. */
static void unlink_member(struct ipc_pset *pset, struct ipc_port *port)
{
	MK_ASSERT(port->pset == pset);
	list_remove(&port->pset_link);
	port->pset = NULL;
}

void ipc_pset_remove(struct ipc_port *port)
{
	struct ipc_pset *pset = ipc_port_pset(port);

	if (!pset)
		return;
	spin_lock(&pset->lock);
	spin_lock(&port->lock);
	if (port->pset == pset)
		unlink_member(pset, port);
	spin_unlock(&port->lock);
	spin_unlock(&pset->lock);
	ipc_pset_release(pset);
}

void ipc_pset_add(struct ipc_pset *pset, struct ipc_port *port)
{
	ipc_pset_remove(port);
	spin_lock(&pset->lock);
	spin_lock(&port->lock);
	if (pset->active && port->active && !port->pset) {
		port->pset = pset;
		list_push_back(&pset->members, &port->pset_link);
	}
	spin_unlock(&port->lock);
	spin_unlock(&pset->lock);
}

MK_HOT_PATH mk_return_t ipc_pset_dequeue_locked(struct ipc_pset *pset, uint32_t max_size,
				    struct ipc_kmsg **out)
{
	mk_return_t ret = MK_SUCCESS;

	MK_ASSERT(spin_is_locked(&pset->lock));
	*out = NULL;
	if (!pset->active)
		return MK_INVALID_NAME;
	list_for_each(n, &pset->members) {
		struct ipc_port *port = list_entry(n, struct ipc_port, pset_link);

		spin_lock(&port->lock);
		ret = ipc_port_dequeue_locked(port, max_size, out);
		spin_unlock(&port->lock);
		if (ret != MK_SUCCESS || *out) {
			/* To the back, so busy members cannot starve the others. */
			list_remove(&port->pset_link);
			list_push_back(&pset->members, &port->pset_link);
			break;
		}
	}
	return ret;
}

void ipc_pset_destroy(struct ipc_pset *pset)
{
	struct list_node *n;

	spin_lock(&pset->lock);
	pset->active = false;
	while ((n = pset->members.next) != &pset->members) {
		struct ipc_port *port = list_entry(n, struct ipc_port, pset_link);

		spin_lock(&port->lock);
		unlink_member(pset, port);
		spin_unlock(&port->lock);
	}
	spin_unlock(&pset->lock);
	waitq_wake_all(&pset->receivers);
	ipc_pset_release(pset);
}

bool ipc_pset_has_member(struct ipc_pset *pset, struct ipc_port *port)
{
	spin_lock(&pset->lock);
	bool member = port->pset == pset;
	spin_unlock(&pset->lock);
	return member;
}

size_t ipc_pset_count(void)
{
	return __atomic_load_n(&live_psets, __ATOMIC_RELAXED);
}
