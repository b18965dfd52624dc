/*
 * kmsg_copyin.c: turning a message a task sends into a kmsg.
 *
 * Three phases, so that a failed send leaves the sender's space exactly as
 * it was (no right lost, none leaked):
 *   1. validate the bytes (header, body, descriptors): no locks;
 *   2. check every right in message order (remote, local, descriptors)
 *      against copies of the entries ("shadows"), so a name used twice
 *      sees the effect of its earlier use; then the circularity of moved
 *      receive rights, under the transit lock;
 *   3. commit with the same per-right rules (right.c): cannot fail.
 * Out-of-line regions carry no right: they are checked here and captured
 * before this, by ipc_kmsg_copyin_ool (kmsg_ool.c), since capturing takes
 * the sender's map lock, which no IPC lock may be held under.
 */
#include "ipc/ipc_assert.h"
#include "kern/alloc.h"
#include "ipc/kmsg.h"
#include "ipc/port.h"
#include "ipc/right.h"
#include "ipc/space_internal.h"
#include "lib/string.h"
#include "kern/hot_path.h"

#define BODY_OFFSET        sizeof(struct mk_msg_header)

/* One right the message names, and where its copy goes in the kmsg. */
struct wanted {
	mk_port_name_t name;
	unsigned disposition;
	struct ipc_kmsg_right *out;
};

/* An entry as the message's earlier rights have left it. */
struct shadow {
	mk_port_name_t name;
	uint32_t type;
	uint32_t urefs;
	void *object;
};

/* Rights a plan holds without the heap: the header's two and a few
 * descriptors, so ordinary messages cost no allocation here. */
#define INLINE_RIGHTS 8

struct plan {
	struct wanted *wanted;          /* room for 2 + descriptor_count each */
	unsigned nwanted;
	struct shadow *shadows;
	unsigned nshadows;
	bool moves_receive;
	struct wanted inline_wanted[INLINE_RIGHTS];
	struct shadow inline_shadows[INLINE_RIGHTS];
};

MK_HOT_PATH static bool is_send_disposition(unsigned d)
{
	return ipc_right_disposition_is_valid(d) && d != MK_MSG_TYPE_MOVE_RECEIVE;
}

MK_HOT_PATH static mk_return_t check_header(const struct mk_msg_header *h, size_t size)
{
	if (h->size != size || h->reserved)
		return MK_MSG_INVALID_HEADER;
	if (h->bits & ~(0xffffu | MK_MSGH_COMPLEX))
		return MK_MSG_INVALID_HEADER;
	if (!is_send_disposition(MK_MSGH_REMOTE(h->bits)))
		return MK_MSG_INVALID_HEADER;
	unsigned local = MK_MSGH_LOCAL(h->bits);
	if (local ? !is_send_disposition(local) : h->local_port != MK_PORT_NULL)
		return MK_MSG_INVALID_HEADER;
	return MK_SUCCESS;
}

static mk_return_t check_descriptor(const struct mk_msg_descriptor *d)
{
	if (d->reserved[0] || d->reserved[1])
		return MK_MSG_INVALID_DESCRIPTOR;
	if (d->type == MK_MSG_OOL_DESCRIPTOR)
		return d->disposition & ~MK_OOL_DEALLOCATE ? MK_MSG_INVALID_DESCRIPTOR : MK_SUCCESS;
	if (d->type != MK_MSG_PORT_DESCRIPTOR || d->address ||
	    !ipc_right_disposition_is_valid(d->disposition))
		return MK_MSG_INVALID_DESCRIPTOR;
	return MK_SUCCESS;
}

/* Phase 1: the layout. *count is the number of descriptors. */
MK_HOT_PATH static mk_return_t validate(const uint8_t *msg, size_t size, uint32_t *count)
{
	struct mk_msg_header h;
	struct mk_msg_body body;

	if (size > MK_MSG_SIZE_MAX)
		return MK_MSG_TOO_LARGE;
	if (size < sizeof(h))
		return MK_MSG_INVALID_HEADER;
	memcpy(&h, msg, sizeof(h));
	mk_return_t ret = check_header(&h, size);
	*count = 0;
	if (ret != MK_SUCCESS || !(h.bits & MK_MSGH_COMPLEX))
		return ret;
	if (size < IPC_KMSG_DESCRIPTOR_OFFSET)
		return MK_MSG_INVALID_HEADER;
	memcpy(&body, msg + BODY_OFFSET, sizeof(body));
	if (body.reserved || body.descriptor_count > MK_MSG_DESCRIPTORS_MAX ||
	    body.descriptor_count * sizeof(struct mk_msg_descriptor) >
		    size - IPC_KMSG_DESCRIPTOR_OFFSET)
		return MK_MSG_INVALID_DESCRIPTOR;
	for (uint32_t i = 0; i < body.descriptor_count && ret == MK_SUCCESS; i++) {
		struct mk_msg_descriptor d;
		memcpy(&d, msg + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(d), sizeof(d));
		ret = check_descriptor(&d);
	}
	*count = body.descriptor_count;
	return ret;
}

static void want(struct plan *p, mk_port_name_t name, unsigned disposition,
		 struct ipc_kmsg_right *out)
{
	out->port = NULL;
	out->name = name;
	out->type = (uint8_t)ipc_right_result_type(disposition);
	if (disposition == MK_MSG_TYPE_MOVE_RECEIVE)
		p->moves_receive = true;
	p->wanted[p->nwanted++] = (struct wanted){ name, disposition, out };
}

/* The rights the message names, in order; MK_PORT_NULL and MK_PORT_DEAD
 * as a reply or descriptor name carry no right (kmsg.h). */
static void make_plan(struct plan *p, struct ipc_kmsg *kmsg)
{
	const struct mk_msg_header *h = &kmsg->header;

	p->nwanted = p->nshadows = 0;
	p->moves_receive = false;
	want(p, h->remote_port, MK_MSGH_REMOTE(h->bits), &kmsg->dest);
	if (h->local_port == MK_PORT_DEAD)
		kmsg->reply = (struct ipc_kmsg_right){
			NULL, MK_PORT_DEAD, (uint8_t)ipc_right_result_type(MK_MSGH_LOCAL(h->bits)) };
	else if (h->local_port != MK_PORT_NULL)
		want(p, h->local_port, MK_MSGH_LOCAL(h->bits), &kmsg->reply);
	for (uint32_t i = 0; i < kmsg->descriptor_count; i++) {
		struct mk_msg_descriptor d;
		memcpy(&d, kmsg->bytes + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(d), sizeof(d));
		struct ipc_kmsg_right *r = &kmsg->rights[i];
		if (d.type == MK_MSG_OOL_DESCRIPTOR) {
			MK_ASSERT(kmsg->ool[i] || d.value == 0);      /* ipc_kmsg_copyin_ool */
			continue;
		}
		if (d.value == MK_PORT_NULL || d.value == MK_PORT_DEAD) {
			*r = (struct ipc_kmsg_right){ NULL, d.value,
						      (uint8_t)ipc_right_result_type(d.disposition) };
			continue;
		}
		want(p, d.value, d.disposition, r);
	}
}

static struct shadow *shadow_of(struct ipc_space *space, struct plan *p, mk_port_name_t name)
{
	for (unsigned i = 0; i < p->nshadows; i++)
		if (p->shadows[i].name == name)
			return &p->shadows[i];
	struct ipc_entry *e = ipc_entry_lookup_live(space, name);
	if (!e)
		return NULL;
	p->shadows[p->nshadows] = (struct shadow){ name, e->type, e->urefs, e->object };
	return &p->shadows[p->nshadows++];
}

/* Phase 2a, space lock held. */
static mk_return_t check_rights(struct ipc_space *space, struct plan *p)
{
	for (unsigned i = 0; i < p->nwanted; i++) {
		struct shadow *s = shadow_of(space, p, p->wanted[i].name);
		if (!s)
			return MK_INVALID_NAME;
		mk_return_t ret = ipc_right_copyin_check(&s->type, &s->urefs,
							 p->wanted[i].disposition);
		if (ret != MK_SUCCESS)
			return ret;
	}
	return MK_SUCCESS;
}

/* Phase 2b, space and transit locks held: a receive right sent to its own
 * port, or to a port queued (in transit) behind it, could never be
 * received again. */
static mk_return_t check_circularity(struct ipc_space *space, struct plan *p)
{
	struct ipc_port *dest = shadow_of(space, p, p->wanted[0].name)->object;

	for (unsigned i = 1; i < p->nwanted; i++) {
		if (p->wanted[i].disposition != MK_MSG_TYPE_MOVE_RECEIVE)
			continue;
		struct ipc_port *port = shadow_of(space, p, p->wanted[i].name)->object;
		if (ipc_port_would_be_circular(port, dest))
			return MK_INVALID_RIGHT;
	}
	return MK_SUCCESS;
}

/* Phase 3: cannot fail. */
static void commit_rights(struct ipc_space *space, struct plan *p)
{
	for (unsigned i = 0; i < p->nwanted; i++) {
		struct ipc_entry *e = ipc_entry_lookup(space, p->wanted[i].name);
		MK_ASSERT(e);
		ipc_right_copyin_commit(space, e, p->wanted[i].disposition, p->wanted[i].out);
		if (p->wanted[i].disposition == MK_MSG_TYPE_MOVE_RECEIVE)
			ipc_port_set_destination(p->wanted[i].out->port, p->wanted[0].out->port);
	}
}

static mk_return_t copyin_rights(struct ipc_space *space, struct plan *p)
{
	spin_lock(&space->lock);
	mk_return_t ret = space->active ? check_rights(space, p) : MK_INVALID_TASK;
	if (ret == MK_SUCCESS && p->moves_receive) {
		spin_lock(&ipc_transit_lock);
		ret = check_circularity(space, p);
		if (ret == MK_SUCCESS)
			commit_rights(space, p);
		spin_unlock(&ipc_transit_lock);
	} else if (ret == MK_SUCCESS) {
		commit_rights(space, p);
	}
	spin_unlock(&space->lock);
	return ret;
}

MK_HOT_PATH mk_return_t ipc_kmsg_check_layout(const struct ipc_kmsg *kmsg)
{
	uint32_t count;
	mk_return_t ret = validate(kmsg->bytes, kmsg->size, &count);

	if (ret == MK_SUCCESS && count != kmsg->descriptor_count)
		return MK_MSG_INVALID_DESCRIPTOR;
	return ret;
}

/* The common message: no descriptors and a reply right (if any) under
 * another name than the destination's. Its two rights cannot affect each
 * other and carry no receive right, so they are checked and committed
 * under one lock without the plan's shadows. Anything else: false. */
MK_HOT_PATH static bool copyin_simple(struct ipc_space *space, struct ipc_kmsg *kmsg, mk_return_t *ret)
{
	const struct mk_msg_header *h = &kmsg->header;
	unsigned remote = MK_MSGH_REMOTE(h->bits), local = MK_MSGH_LOCAL(h->bits);
	bool reply = h->local_port != MK_PORT_NULL;

	if (kmsg->descriptor_count || h->local_port == MK_PORT_DEAD ||
	    (reply && h->local_port == h->remote_port))
		return false;
	spin_lock(&space->lock);
	struct ipc_entry *dest = space->active ? ipc_entry_lookup_live(space, h->remote_port) : NULL;
	struct ipc_entry *rep = dest && reply ? ipc_entry_lookup_live(space, h->local_port) : NULL;
	*ret = !space->active ? MK_INVALID_TASK : !dest || (reply && !rep) ? MK_INVALID_NAME
									 : MK_SUCCESS;
	if (*ret == MK_SUCCESS) {
		uint32_t type = dest->type, urefs = dest->urefs;
		*ret = ipc_right_copyin_check(&type, &urefs, remote);
	}
	if (*ret == MK_SUCCESS && reply) {
		uint32_t type = rep->type, urefs = rep->urefs;
		*ret = ipc_right_copyin_check(&type, &urefs, local);
	}
	if (*ret == MK_SUCCESS) {
		ipc_right_copyin_commit(space, dest, remote, &kmsg->dest);
		if (reply)      /* looked up again: the commit may have freed dest's slot */
			ipc_right_copyin_commit(space, ipc_entry_lookup(space, h->local_port), local,
						&kmsg->reply);
	}
	spin_unlock(&space->lock);
	return true;
}

MK_HOT_PATH mk_return_t ipc_kmsg_copyin_prepared(struct ipc_space *space, struct ipc_kmsg *kmsg)
{
	mk_return_t ret = ipc_kmsg_check_layout(kmsg);

	if (ret != MK_SUCCESS)
		return ret;
	memcpy(&kmsg->header, kmsg->bytes, sizeof(kmsg->header));
	if (copyin_simple(space, kmsg, &ret))
		return ret;
	struct plan plan;
	uint32_t rights = 2 + kmsg->descriptor_count;
	void *heap = NULL;
	plan.wanted = plan.inline_wanted;
	plan.shadows = plan.inline_shadows;
	if (rights > INLINE_RIGHTS) {
		heap = kmalloc(rights * (sizeof(struct wanted) + sizeof(struct shadow)));
		if (!heap)
			return MK_RESOURCE_SHORTAGE;
		plan.wanted = heap;
		plan.shadows = (struct shadow *)(plan.wanted + rights);
	}
	make_plan(&plan, kmsg);
	ret = copyin_rights(space, &plan);
	kfree(heap);
	return ret;
}

mk_return_t ipc_kmsg_copyin(struct ipc_space *space, const void *msg, size_t size,
			    struct ipc_kmsg **out)
{
	uint32_t count;
	mk_return_t ret = validate(msg, size, &count);

	if (ret != MK_SUCCESS)
		return ret;
	for (uint32_t i = 0; i < count; i++) {
		struct mk_msg_descriptor d;
		memcpy(&d, (const uint8_t *)msg + IPC_KMSG_DESCRIPTOR_OFFSET + i * sizeof(d),
		       sizeof(d));
		if (d.type == MK_MSG_OOL_DESCRIPTOR && d.value)
			return MK_NOT_SUPPORTED;
	}
	struct ipc_kmsg *kmsg = ipc_kmsg_alloc((uint32_t)size, count);
	if (!kmsg)
		return MK_RESOURCE_SHORTAGE;
	memcpy(kmsg->bytes, msg, size);
	ret = ipc_kmsg_copyin_prepared(space, kmsg);
	if (ret != MK_SUCCESS) {
		ipc_kmsg_destroy(kmsg);         /* carries no right yet */
		return ret;
	}
	*out = kmsg;
	return MK_SUCCESS;
}
