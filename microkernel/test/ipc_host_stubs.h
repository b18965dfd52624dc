/*
 * ipc_host_stubs.h: the ipc/ data layer built into one host test program.
 * Includes its sources (they call one another; not notify.c, mqueue.c and
 * ipc_traps.c, the kernel's side) and provides what they take from the
 * kernel: the heap over malloc, wait queues that only count calls, and the
 * notification hooks of ipc/notify.h as recorders. Also the helpers the
 * ipc tests share: leak counts, name queries, building and sending
 * messages, and a snapshot of a space to show an operation changed nothing.
 *
 * kern/sched.h builds on the host as is (its arch headers only declare
 * inline asm that is never called). lib/string.h only declares the libc
 * names, so the host libc's memcpy/memset serve; lib/string.c is not
 * included (it would define them twice).
 */
#ifndef MK_TEST_IPC_HOST_STUBS_H
#define MK_TEST_IPC_HOST_STUBS_H

#define MK_HOST_TEST

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "ipc/kmsg.c"
#include "ipc/kmsg_copyin.c"
#include "ipc/kmsg_copyout.c"
#include "ipc/port.c"
#include "ipc/port_death.c"
#include "ipc/pset.c"
#include "ipc/right.c"
#include "ipc/space.c"
#include "ipc/space_ops.c"

/* kern/alloc.h. A test sets alloc_fails_in to n > 0 to make the nth
 * allocation from now return NULL (once). */
static int alloc_fails_in;

static bool alloc_fails(void)
{
	return alloc_fails_in > 0 && --alloc_fails_in == 0;
}

void *kmalloc(size_t size) { return alloc_fails() ? NULL : malloc(size); }
void *kzalloc(size_t size) { return alloc_fails() ? NULL : calloc(1, size); }
void kfree(void *p) { free(p); }

/* vm/vm_map_copy.h: a kmsg releases its out-of-line regions; on the host
 * a region is any malloc'd block, counted. */
static unsigned ool_discarded;
void vm_map_copy_discard(struct vm_map_copy *copy)
{
	if (copy)
		ool_discarded++;
	free(copy);
}

/* kern/sched.h: nothing sleeps on the host. */
static unsigned waitq_wakes;
void waitq_init(struct waitq *wq) { list_init(&wq->threads); }
struct thread *waitq_wake_one(struct waitq *wq) { (void)wq; waitq_wakes++; return NULL; }
void waitq_wake_all(struct waitq *wq) { (void)wq; waitq_wakes++; }

/* ipc/notify.h: what fired, how often, and for whom. */
static struct {
	unsigned no_senders, send_once, port_destroyed, port_dead;
	struct ipc_port *port;          /* of the last call (may be freed since) */
	uint32_t mscount;               /* of the last no-senders */
	bool take_destroyed;            /* set: the port-destroyed hook keeps the right */
	struct ipc_port *take_only;     /* if set, of this port only */
	struct ipc_port *taken;         /* the receive right it kept */
} notified;

static inline void notify_reset(void)
{
	memset(&notified, 0, sizeof(notified));
}

void ipc_notify_no_senders(struct ipc_port *port, uint32_t mscount)
{
	notified.no_senders++;
	notified.port = port;
	notified.mscount = mscount;
}

void ipc_notify_send_once(struct ipc_port *port)
{
	notified.send_once++;
	notified.port = port;
	ipc_port_release_send_once_quiet(port);
}

bool ipc_notify_port_destroyed(struct ipc_port *port)
{
	notified.port_destroyed++;
	notified.port = port;
	if (!notified.take_destroyed || (notified.take_only && notified.take_only != port))
		return false;
	notified.taken = port;
	return true;
}

void ipc_notify_port_dead(struct ipc_port *port)
{
	notified.port_dead++;
	notified.port = port;
}

/* Live object counts, to check that a test gave everything back. */
struct ipc_counts {
	size_t ports, kmsgs, psets;
};

static inline struct ipc_counts ipc_counts_now(void)
{
	return (struct ipc_counts){ ipc_port_count(), ipc_kmsg_count(), ipc_pset_count() };
}

static inline bool ipc_counts_same(struct ipc_counts a, struct ipc_counts b)
{
	return a.ports == b.ports && a.kmsgs == b.kmsgs && a.psets == b.psets;
}

/* Copies in a message of size bytes (header, then zeros) from space to the
 * name dest with the given disposition and id; NULL if copyin fails. */
static inline struct ipc_kmsg *send_simple(struct ipc_space *space, mk_port_name_t dest,
					   unsigned disposition, int32_t id, uint32_t size)
{
	uint8_t buf[512] = { 0 };
	struct mk_msg_header h = { .bits = MK_MSGH_BITS(disposition, 0), .size = size,
				   .remote_port = dest, .id = id };
	struct ipc_kmsg *kmsg = NULL;

	if (size < sizeof(h) || size > sizeof(buf))
		return NULL;
	memcpy(buf, &h, sizeof(h));
	return ipc_kmsg_copyin(space, buf, size, &kmsg) == MK_SUCCESS ? kmsg : NULL;
}

/* Sends the receive right named `carried` in a message queued on the
 * port named `to` (a MAKE_SEND of it); false if that fails. */
static inline bool queue_receive_right(struct ipc_space *space, mk_port_name_t to,
				       mk_port_name_t carried)
{
	struct {
		struct mk_msg_header h;
		struct mk_msg_body body;
		struct mk_msg_descriptor d;
	} m = {
		{ MK_MSGH_COMPLEX | MK_MSGH_BITS(MK_MSG_TYPE_MAKE_SEND, 0), sizeof(m), to, 0, 0, 0 },
		{ 1, 0 },
		{ 0, carried, MK_MSG_TYPE_MOVE_RECEIVE, { 0, 0 }, MK_MSG_PORT_DESCRIPTOR },
	};
	struct ipc_kmsg *kmsg;

	if (ipc_kmsg_copyin(space, &m, sizeof(m), &kmsg) != MK_SUCCESS)
		return false;
	if (ipc_port_enqueue(ipc_kmsg_destination(kmsg), kmsg) == MK_SUCCESS)
		return true;
	ipc_kmsg_destroy(kmsg);
	return false;
}

/* The port a name holds a right to (the name keeps the reference). */
static inline struct ipc_port *port_of(struct ipc_space *space, mk_port_name_t name)
{
	struct ipc_port *port = NULL;

	if (ipc_space_lookup_port(space, name, IPC_RIGHT_PORT_BITS, &port) != MK_SUCCESS)
		return NULL;
	ipc_port_release(port);
	return port;
}

/* Copies the right `disposition` makes of from's name into to; the name
 * it gets there, or MK_PORT_NULL. */
static inline mk_port_name_t give_right(struct ipc_space *from, mk_port_name_t name,
					unsigned disposition, struct ipc_space *to)
{
	struct ipc_port *port;
	unsigned type;
	mk_port_name_t got = MK_PORT_NULL;

	if (ipc_space_copyin(from, name, disposition, &port, &type) != MK_SUCCESS)
		return MK_PORT_NULL;
	if (ipc_space_copyout(to, port, type, &got) != MK_SUCCESS)
		return MK_PORT_NULL;
	return got;
}

/* The user references of one right under a name (0 on any error). */
static inline uint32_t refs_of(struct ipc_space *space, mk_port_name_t name, uint32_t right)
{
	uint32_t refs = 0;

	return ipc_space_get_refs(space, name, right, &refs) == MK_SUCCESS ? refs : 0;
}

/* The type of a name, 0 on any error. */
static inline uint32_t type_of(struct ipc_space *space, mk_port_name_t name)
{
	uint32_t type = 0;

	return ipc_space_type(space, name, &type) == MK_SUCCESS ? type : 0;
}

/* A message with room for one descriptor too many. */
struct test_msg {
	struct mk_msg_header h;
	struct mk_msg_body body;
	struct mk_msg_descriptor d[MK_MSG_DESCRIPTORS_MAX + 1];
};

/* A message to dest (with a reply port if rdisp) and ndesc descriptors,
 * all MK_PORT_NULL; returns its size. */
static inline size_t msg_init(struct test_msg *m, mk_port_name_t dest, unsigned ddisp,
			      mk_port_name_t reply, unsigned rdisp, unsigned ndesc)
{
	size_t size = ndesc ? offsetof(struct test_msg, d) + ndesc * sizeof(m->d[0]) : sizeof(m->h);

	memset(m, 0, sizeof(*m));
	m->h.bits = MK_MSGH_BITS(ddisp, rdisp) | (ndesc ? MK_MSGH_COMPLEX : 0);
	m->h.size = (uint32_t)size;
	m->h.remote_port = dest;
	m->h.local_port = reply;
	m->body.descriptor_count = ndesc;
	for (unsigned i = 0; i < ndesc; i++)
		m->d[i].disposition = MK_MSG_TYPE_COPY_SEND;
	return size;
}

static inline void port_desc(struct test_msg *m, unsigned i, mk_port_name_t name,
			     unsigned disposition)
{
	m->d[i] = (struct mk_msg_descriptor){ .value = name, .disposition = (uint8_t)disposition,
					      .type = MK_MSG_PORT_DESCRIPTOR };
}

static inline mk_return_t send_msg(struct ipc_space *space, struct test_msg *m, size_t size,
				   struct ipc_kmsg **out)
{
	return ipc_kmsg_copyin(space, m, size, out);
}

/* What a copyin could change in a space: its entries (the first 64) and
 * the rights accounting of the ports they name. */
struct snapshot {
	uint32_t size;
	struct { void *object; uint32_t type, urefs, srights, sorights, refs; uint8_t gen; } e[64];
};

static inline void snap(struct ipc_space *s, struct snapshot *out)
{
	memset(out, 0, sizeof(*out));
	out->size = s->size;
	for (uint32_t i = 0; i < s->size && i < 64; i++) {
		struct ipc_entry *e = &s->table[i];
		struct ipc_port *p = e->type & IPC_RIGHT_PORT_BITS ? e->object : NULL;

		out->e[i].object = e->object;
		out->e[i].type = e->type;
		out->e[i].urefs = e->urefs;
		out->e[i].gen = e->gen;
		out->e[i].srights = p ? p->srights : 0;
		out->e[i].sorights = p ? p->sorights : 0;
		out->e[i].refs = p ? p->refs : 0;
	}
}

static inline bool unchanged(struct ipc_space *s, const struct snapshot *before)
{
	struct snapshot now;

	snap(s, &now);
	return memcmp(&now, before, sizeof(now)) == 0;
}

#endif
