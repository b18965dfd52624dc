/*
 * vm_pager.c: the life of a pager-backed object (see vm_pager.h): made
 * for a pager port or found again in the registry, known to the pager by
 * its control port, sending the pager messages, noticing the pager port's
 * death, and letting go of both ports when the object goes.
 *
 * The registry maps a pager port to its object without owning a
 * reference: an object leaves it only when destroyed, and a lookup that
 * finds an object already on its way out (refs 0) makes a new one.
 */
#include "ipc/kmsg.h"
#include "ipc/mqueue.h"
#include "ipc/port.h"
#include "kern/alloc.h"
#include "kern/kobject.h"
#include "lib/string.h"
#include "mk/pager.h"
#include "vm/vm_pager.h"

#define REGISTRY_BUCKETS 64

static struct spinlock vm_pager_registry_lock = SPINLOCK_INIT;
/* Guarded by vm_pager_registry_lock: */
static struct list_node registry[REGISTRY_BUCKETS];
static bool registry_ready;

static struct list_node *bucket_of(struct ipc_port *port)
{
	if (!registry_ready) {
		for (int i = 0; i < REGISTRY_BUCKETS; i++)
			list_init(&registry[i]);
		registry_ready = true;
	}
	return &registry[((uint64_t)port >> 6) % REGISTRY_BUCKETS];
}

/* Registry locked: the live object of port, referenced, or NULL. */
static struct vm_object *registry_find(struct ipc_port *port)
{
	list_for_each(n, bucket_of(port)) {
		struct vm_pager *pg = list_entry(n, struct vm_pager, registry_link);
		if (pg->port == port && vm_object_try_reference(pg->object))
			return pg->object;
	}
	return NULL;
}

/* The pager port died: every wait on the object ends (port lock held). */
static void pager_port_dead(struct ipc_port_watch *w)
{
	struct vm_pager *pg = (struct vm_pager *)((char *)w - offsetof(struct vm_pager, watch));

	spin_lock(&pg->object->lock);
	pg->dead = true;
	spin_unlock(&pg->object->lock);
	waitq_wake_all(&pg->waiters);
}

/* A new object for port, not yet registered nor watching it. */
static struct vm_object *object_create(struct ipc_port *port)
{
	struct vm_object *o = vm_object_create_anonymous();
	struct vm_pager *pg = kzalloc(sizeof(*pg));
	struct ipc_port *control = ipc_port_create();

	if (!o || !pg || !control) {
		if (o)
			vm_object_release(o);
		kfree(pg);
		if (control)
			ipc_port_destroy(control);
		return NULL;
	}
	control->kobject = o;
	control->kobject_type = KOBJECT_PAGER_CONTROL;
	*pg = (struct vm_pager){ .object = o, .port = port, .control = control,
				 .watch = { .port_dead = pager_port_dead } };
	list_init(&pg->registry_link);
	waitq_init(&pg->waiters);
	o->pager = pg;
	return o;
}

/* Takes a fresh object that never held the pager's right out again. */
static void object_discard(struct vm_object *o)
{
	o->pager->port = NULL;
	vm_object_release(o);
}

mk_return_t vm_pager_object_for(struct ipc_port *port, uint64_t size, struct vm_object **out)
{
	struct vm_object *fresh = object_create(port), *o;
	mk_return_t r = MK_RESOURCE_SHORTAGE;
	bool took_right = false;

	spin_lock(&vm_pager_registry_lock);
	o = registry_find(port);
	if (!o && fresh && (r = ipc_port_watch(port, &fresh->pager->watch)) == MK_SUCCESS) {
		list_push_back(bucket_of(port), &fresh->pager->registry_link);
		o = fresh;
		fresh = NULL;
		took_right = true;
	}
	spin_unlock(&vm_pager_registry_lock);
	if (fresh)
		object_discard(fresh);
	if (!took_right)
		ipc_port_release_send(port);    /* a found object holds its own */
	if (!o)
		return r;
	spin_lock(&o->lock);
	if (o->pager->size < size)
		o->pager->size = size;
	spin_unlock(&o->lock);
	*out = o;
	return MK_SUCCESS;
}

mk_return_t vm_pager_object_of_control(struct ipc_port *control, struct vm_object **out)
{
	mk_return_t r = MK_INVALID_RIGHT;

	spin_lock(&control->lock);
	if (control->kobject_type == KOBJECT_PAGER_CONTROL) {
		struct vm_object *o = control->kobject;
		r = o && vm_object_try_reference(o) ? MK_SUCCESS : MK_DEAD_NAME;
		*out = o;
	}
	spin_unlock(&control->lock);
	return r;
}

mk_return_t vm_pager_send(struct vm_object *o, const void *msg, uint32_t size,
			  unsigned control_type)
{
	struct vm_pager *pg = o->pager;
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc(size, 1);

	if (!kmsg)
		return MK_RESOURCE_SHORTAGE;
	memcpy(kmsg->bytes, msg, size);
	memcpy(&kmsg->header, msg, sizeof(kmsg->header));
	/* The kernel's privilege: a send-once right from its send right, so
	 * that a full queue takes the message (ipc_port_enqueue). */
	ipc_port_make_send_once(pg->port);
	kmsg->dest = (struct ipc_kmsg_right){ pg->port, MK_PORT_NULL, MK_MSG_TYPE_MOVE_SEND_ONCE };
	if (control_type == MK_MSG_TYPE_MOVE_SEND) {
		ipc_port_make_send(pg->control);
	} else {                        /* the receive right travels to the pager */
		spin_lock(&ipc_transit_lock);
		ipc_port_set_destination(pg->control, pg->port);
		spin_unlock(&ipc_transit_lock);
	}
	kmsg->rights[0] = (struct ipc_kmsg_right){ pg->control, MK_PORT_NULL, control_type };
	spin_lock(&o->lock);
	pg->contacted = true;
	spin_unlock(&o->lock);
	ipc_msg_send_kernel(kmsg);      /* destroyed, rights and all, if the pager is dead */
	return MK_SUCCESS;
}

/* The control port goes to the pager, or dies. */
static void dispose_control(struct vm_object *o)
{
	struct vm_pager *pg = o->pager;
	struct mk_pager_terminate_msg m = {
		.header = { .bits = MK_MSGH_BITS(MK_MSG_TYPE_MOVE_SEND_ONCE, 0) | MK_MSGH_COMPLEX,
			    .size = sizeof(m), .id = MK_PAGER_TERMINATE },
		.body = { .descriptor_count = 1 },
		.control = { .disposition = MK_MSG_TYPE_MOVE_RECEIVE, .type = MK_MSG_PORT_DESCRIPTOR },
	};

	spin_lock(&pg->control->lock);
	pg->control->kobject = NULL;    /* its type stays: never a pager, never a task */
	spin_unlock(&pg->control->lock);
	if (!pg->port || !pg->contacted || pg->dead ||
	    vm_pager_send(o, &m, sizeof(m), MK_MSG_TYPE_MOVE_RECEIVE) != MK_SUCCESS)
		ipc_port_destroy(pg->control);  /* the pager's names for it go dead */
}

void vm_pager_object_destroy(struct vm_object *o)
{
	struct vm_pager *pg = o->pager;

	if (pg->port) {
		spin_lock(&vm_pager_registry_lock);
		list_remove(&pg->registry_link);
		spin_unlock(&vm_pager_registry_lock);
		ipc_port_unwatch(pg->port, &pg->watch);
	}
	dispose_control(o);
	if (pg->port)
		ipc_port_release_send(pg->port);
	o->pager = NULL;
	kfree(pg);
}
