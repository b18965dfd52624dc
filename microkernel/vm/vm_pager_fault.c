/*
 * vm_pager_fault.c: a fault on a page a pager-backed object lacks (see
 * vm_pager.h). Under the object's lock the fault either finds the page's
 * placeholder (someone asked already: wait) or leaves one (ask, then
 * wait), holding a reference on the object and counting itself among
 * the placeholder's waiters, so neither goes while it sleeps. The
 * request is sent and the wait done with no lock held; afterwards the
 * fault starts again from the map, which may have changed meanwhile.
 *
 * The last waiter to see an error takes the placeholder out, so the next
 * fault on the page asks the pager again.
 */
#include "kern/percpu.h"
#include "kern/sched.h"
#include "mk/pager.h"
#include "vm/vm_pager.h"

mk_return_t vm_pager_fault_locked(struct vm_object *o, struct vm_page *p, uint64_t offset,
				  unsigned access, struct vm_pager_wait *w)
{
	if (p && p->error)
		return p->error;
	if (o->pager->dead)
		return MK_DEAD_NAME;
	*w = (struct vm_pager_wait){ .object = o, .offset = offset, .access = access,
				     .request = !p };
	if (!p && !(p = vm_object_page_insert(o, offset, 0)))
		return MK_RESOURCE_SHORTAGE;
	p->waiters++;
	o->refs++;
	return VM_FAULT_WAIT;
}

static mk_return_t send_request(struct vm_pager_wait *w)
{
	struct mk_pager_request_msg m = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0) | MK_MSGH_COMPLEX,
			    .size = sizeof(m), .id = MK_PAGER_DATA_REQUEST },
		.body = { .descriptor_count = 1 },
		.control = { .disposition = MK_MSG_TYPE_MOVE_SEND, .type = MK_MSG_PORT_DESCRIPTOR },
		.offset = w->offset,
		.length = MK_PAGE_SIZE,
		.desired_access = w->access,
	};

	return vm_pager_send(w->object, &m, sizeof(m), MK_MSG_TYPE_MOVE_SEND);
}

/* Object locked: what the waiter on p does now (VM_FAULT_WAIT: sleep). */
static mk_return_t page_state(struct vm_object *o, struct vm_page *p)
{
	if (p->phys)
		return MK_SUCCESS;              /* in: look again */
	if (p->error)
		return p->error;
	if (o->pager->dead)
		return MK_DEAD_NAME;
	if (current_thread()->terminate_requested)
		return MK_INTERRUPTED;          /* aborted before it slept */
	return VM_FAULT_WAIT;
}

/* Object locked: the waiter leaves p; an answered error goes with the
 * last one, and a page nobody will answer for any more (dead pager)
 * too, so that it is not kept busy forever. */
static void leave_page(struct vm_object *o, struct vm_page *p)
{
	p->waiters--;
	if (!p->phys && !p->waiters && (p->error || o->pager->dead))
		vm_object_page_free(o, p);
}

mk_return_t vm_pager_fault_wait(struct vm_pager_wait *w)
{
	struct vm_object *o = w->object;
	mk_return_t r = w->request ? send_request(w) : MK_SUCCESS;
	bool unsent = r != MK_SUCCESS;

	spin_lock(&o->lock);
	struct vm_page *p = vm_object_page_lookup(o, w->offset);
	if (unsent && !p->phys && !p->error) {
		p->busy = false;                /* nobody was asked: fail everyone */
		p->error = r;
	}
	while ((r = page_state(o, p)) == VM_FAULT_WAIT) {
		enum wait_result wr = waitq_sleep(&o->pager->waiters, &o->lock, 0);
		spin_lock(&o->lock);
		if (wr == WAIT_INTERRUPTED) {
			r = MK_INTERRUPTED;
			break;
		}
	}
	leave_page(o, p);
	spin_unlock(&o->lock);
	if (unsent)
		waitq_wake_all(&o->pager->waiters);     /* others may have joined */
	vm_object_release(o);
	return r;
}
