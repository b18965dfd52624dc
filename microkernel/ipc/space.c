/*
 * space.c: the name table of a space: slots with generations, the free
 * list, the reverse hash (port -> its send/receive name, so send rights
 * coalesce), growth, lazy dead-name conversion, queries and destruction.
 * The right operations on entries are in right.c and space_ops.c.
 */
#include "ipc/ipc_assert.h"
#include "ipc/port.h"
#include "ipc/right.h"
#include "ipc/space_internal.h"
#include "kern/alloc.h"
#include "lib/string.h"
#include "kern/hot_path.h"

#define HASHED_BITS (MK_RIGHT_SEND | MK_RIGHT_RECEIVE)

MK_HOT_PATH static uint32_t index_of(struct ipc_space *space, struct ipc_entry *e)
{
	return (uint32_t)(e - space->table);
}

MK_HOT_PATH static uint32_t bucket_of(struct ipc_space *space, const void *object)
{
	uint64_t h = ((uintptr_t)object >> 4) * 0x9e3779b97f4a7c15ull;

	return (uint32_t)(h >> 40) & (space->size - 1);
}

MK_HOT_PATH static void hash_insert(struct ipc_space *space, struct ipc_entry *e)
{
	uint32_t b = bucket_of(space, e->object);

	e->next = space->hash[b];
	space->hash[b] = index_of(space, e);
}

MK_HOT_PATH static void hash_remove(struct ipc_space *space, struct ipc_entry *e)
{
	uint32_t *link = &space->hash[bucket_of(space, e->object)];
	uint32_t idx = index_of(space, e);

	while (*link != idx) {
		MK_ASSERT(*link != 0);
		link = &space->table[*link].next;
	}
	*link = e->next;
}

/* Puts entries [from, to) on the free list, lowest index first out. */
static void free_range(struct ipc_space *space, uint32_t from, uint32_t to)
{
	for (uint32_t i = to; i-- > from;) {
		space->table[i].next = space->free_head;
		space->free_head = i;
		space->free_count++;
	}
}

struct ipc_space *ipc_space_create(void)
{
	struct ipc_space *space = kzalloc(sizeof(*space));

	if (!space)
		return NULL;
	space->table = kzalloc(IPC_SPACE_INITIAL_ENTRIES * sizeof(*space->table));
	space->hash = kzalloc(IPC_SPACE_INITIAL_ENTRIES * sizeof(*space->hash));
	if (!space->table || !space->hash)
		goto fail;
	space->refs = 1;
	spin_init(&space->lock);
	space->active = true;
	space->size = IPC_SPACE_INITIAL_ENTRIES;
	free_range(space, 1, space->size);
	return space;
fail:
	kfree(space->hash);
	kfree(space->table);
	kfree(space);
	return NULL;
}

void ipc_space_reference(struct ipc_space *space)
{
	uint32_t old = __atomic_fetch_add(&space->refs, 1, __ATOMIC_RELAXED);

	MK_ASSERT(old > 0);
}

void ipc_space_release(struct ipc_space *space)
{
	uint32_t old = __atomic_fetch_sub(&space->refs, 1, __ATOMIC_ACQ_REL);

	MK_ASSERT(old > 0);
	if (old != 1)
		return;
	ipc_space_destroy(space);
	kfree(space);
}

void ipc_space_destroy(struct ipc_space *space)
{
	spin_lock(&space->lock);
	bool was_active = space->active;
	struct ipc_entry *table = space->table;
	uint32_t size = space->size;
	kfree(space->hash);
	space->active = false;
	space->table = NULL;
	space->hash = NULL;
	space->size = space->free_head = space->free_count = 0;
	spin_unlock(&space->lock);
	if (!was_active)
		return;
	for (uint32_t i = 1; i < size; i++)
		if (table[i].type)
			ipc_right_release_detached(table[i].object, table[i].type);
	kfree(table);
}

MK_HOT_PATH mk_return_t ipc_space_reserve(struct ipc_space *space, uint32_t n)
{
	MK_ASSERT(spin_is_locked(&space->lock));
	uint32_t size = space->size;
	while (space->free_count + (size - space->size) < n) {
		if (size >= IPC_SPACE_MAX_ENTRIES)
			return MK_NO_SPACE;
		size *= 2;
	}
	if (size == space->size)
		return MK_SUCCESS;
	struct ipc_entry *table = kzalloc(size * sizeof(*table));
	uint32_t *hash = kzalloc(size * sizeof(*hash));
	if (!table || !hash) {
		kfree(hash);
		kfree(table);
		return MK_RESOURCE_SHORTAGE;
	}
	memcpy(table, space->table, space->size * sizeof(*table));
	kfree(space->table);
	kfree(space->hash);
	uint32_t old_size = space->size;
	space->table = table;
	space->hash = hash;
	space->size = size;
	for (uint32_t i = 1; i < old_size; i++)
		if (table[i].type & HASHED_BITS)
			hash_insert(space, &table[i]);
	free_range(space, old_size, size);
	return MK_SUCCESS;
}

mk_port_name_t ipc_entry_alloc(struct ipc_space *space, void *object, uint32_t type,
			       uint32_t urefs)
{
	MK_ASSERT(spin_is_locked(&space->lock) && space->free_count > 0 && type);
	struct ipc_entry *e = &space->table[space->free_head];
	space->free_head = e->next;
	space->free_count--;
	e->object = object;
	e->type = type;
	e->urefs = urefs;
	e->next = 0;
	if (type & HASHED_BITS)
		hash_insert(space, e);
	return ipc_entry_name(space, e);
}

MK_HOT_PATH void ipc_entry_set_type(struct ipc_space *space, struct ipc_entry *e, uint32_t type)
{
	MK_ASSERT(spin_is_locked(&space->lock));
	bool hashed = e->type & HASHED_BITS, to_hash = type & HASHED_BITS;

	if (hashed && !to_hash)
		hash_remove(space, e);
	else if (!hashed && to_hash)
		hash_insert(space, e);
	e->type = type;
	if (type)
		return;
	e->object = NULL;
	e->urefs = 0;
	e->gen++;
	e->next = space->free_head;
	space->free_head = index_of(space, e);
	space->free_count++;
}

MK_HOT_PATH mk_port_name_t ipc_entry_name(struct ipc_space *space, struct ipc_entry *e)
{
	return index_of(space, e) << MK_NAME_GENERATION_BITS | e->gen;
}

MK_HOT_PATH struct ipc_entry *ipc_entry_lookup(struct ipc_space *space, mk_port_name_t name)
{
	MK_ASSERT(spin_is_locked(&space->lock));
	uint32_t idx = MK_NAME_INDEX(name);

	if (idx == 0 || idx >= space->size)
		return NULL;
	struct ipc_entry *e = &space->table[idx];
	if (!e->type || e->gen != MK_NAME_GENERATION(name))
		return NULL;
	return e;
}

/* A send or send-once name whose port died becomes a dead name: the send
 * right's urefs carry over, a send-once right becomes one uref. */
MK_HOT_PATH static void convert_if_dead(struct ipc_space *space, struct ipc_entry *e)
{
	uint32_t type = e->type;
	struct ipc_port *port = e->object;

	if (!(type & (MK_RIGHT_SEND | MK_RIGHT_SEND_ONCE)) || (type & MK_RIGHT_RECEIVE))
		return;
	if (ipc_port_is_active(port))
		return;
	uint32_t urefs = type & MK_RIGHT_SEND ? e->urefs : 1;
	ipc_entry_set_type(space, e, MK_RIGHT_DEAD_NAME);
	e->object = NULL;
	e->urefs = urefs;
	if (type & MK_RIGHT_SEND)
		ipc_port_release_send_quiet(port);
	else
		ipc_port_release_send_once_quiet(port);
}

MK_HOT_PATH struct ipc_entry *ipc_entry_lookup_live(struct ipc_space *space, mk_port_name_t name)
{
	struct ipc_entry *e = ipc_entry_lookup(space, name);

	if (e)
		convert_if_dead(space, e);
	return e;
}

MK_HOT_PATH struct ipc_entry *ipc_entry_find_port(struct ipc_space *space, struct ipc_port *port)
{
	MK_ASSERT(spin_is_locked(&space->lock));
	for (uint32_t i = space->hash[bucket_of(space, port)]; i; i = space->table[i].next)
		if (space->table[i].object == port)
			return &space->table[i];
	return NULL;
}

mk_return_t ipc_space_type(struct ipc_space *space, mk_port_name_t name, uint32_t *type)
{
	mk_return_t ret = MK_INVALID_TASK;

	spin_lock(&space->lock);
	if (space->active) {
		struct ipc_entry *e = ipc_entry_lookup_live(space, name);
		ret = e ? MK_SUCCESS : MK_INVALID_NAME;
		if (e)
			*type = e->type;
	}
	spin_unlock(&space->lock);
	return ret;
}

bool ipc_is_one_right(uint32_t right)
{
	return right && !(right & (right - 1)) && right <= MK_RIGHT_DEAD_NAME;
}

mk_return_t ipc_space_get_refs(struct ipc_space *space, mk_port_name_t name, uint32_t right,
			       uint32_t *refs)
{
	if (!ipc_is_one_right(right))
		return MK_INVALID_VALUE;
	mk_return_t ret = MK_INVALID_TASK;
	spin_lock(&space->lock);
	if (space->active) {
		struct ipc_entry *e = ipc_entry_lookup_live(space, name);
		ret = e ? MK_SUCCESS : MK_INVALID_NAME;
		if (e && !(e->type & right))
			*refs = 0;
		else if (e)
			*refs = right & (MK_RIGHT_SEND | MK_RIGHT_DEAD_NAME) ? e->urefs : 1;
	}
	spin_unlock(&space->lock);
	return ret;
}
