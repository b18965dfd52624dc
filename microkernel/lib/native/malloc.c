/*
 * malloc.c: memory allocation for native tasks.
 *
 * Requests up to 2 KiB come from power-of-two size classes (16 B to
 * 2 KiB) carved out of 64 KiB chunks from vm_allocate; a freed block goes
 * back on its class's free list and chunks are never returned. Larger
 * requests are whole regions of their own, given back by native_free.
 * Every block is preceded by a 16-byte header naming its class (or its
 * region size), so native_free needs no size and blocks stay 16-aligned.
 */
#include "lib/native/lock.h"
#include "lib/native/native.h"

#define MIN_SHIFT   4                   /* 16 bytes */
#define MAX_SHIFT   11                  /* 2 KiB */
#define CLASSES     (MAX_SHIFT - MIN_SHIFT + 1)
#define CHUNK_SIZE  (64 * 1024)
#define LARGE       0xffffffffu         /* header.class of a region of its own */

struct header {
	uint32_t class;
	uint32_t magic;
	uint64_t region_size;           /* LARGE blocks: the region's size */
};
_Static_assert(sizeof(struct header) == 16, "keeps blocks 16-byte aligned");

#define MAGIC 0x6d616c6cu

struct free_block {
	struct free_block *next;
};

/* Guarded by heap_lock: */
static struct native_lock heap_lock = NATIVE_LOCK_INIT;
static struct free_block *free_lists[CLASSES];
static uint64_t chunk_next, chunk_end;  /* the rest of the current chunk */

static unsigned class_for(size_t total)
{
	unsigned c = 0;

	while ((1ull << (MIN_SHIFT + c)) < total)
		c++;
	return c;
}

/* heap_lock held. */
static void *take_block(unsigned c)
{
	uint64_t size = 1ull << (MIN_SHIFT + c);
	struct free_block *b = free_lists[c];

	if (b) {
		free_lists[c] = b->next;
		return b;
	}
	if (chunk_end - chunk_next < size) {
		uint64_t chunk = 0;
		if (mk_vm_allocate(MK_PORT_NULL, &chunk, CHUNK_SIZE, MK_VM_FLAGS_ANYWHERE) !=
		    MK_SUCCESS)
			return NULL;
		/* The old chunk's tail is too small for this class: give it
		 * to the smaller classes rather than lose it. */
		while (chunk_end - chunk_next >= (1ull << MIN_SHIFT)) {
			unsigned t = class_for(chunk_end - chunk_next);
			if ((1ull << (MIN_SHIFT + t)) > chunk_end - chunk_next)
				t--;
			struct free_block *tail = (struct free_block *)chunk_next;
			tail->next = free_lists[t];
			free_lists[t] = tail;
			chunk_next += 1ull << (MIN_SHIFT + t);
		}
		chunk_next = chunk;
		chunk_end = chunk + CHUNK_SIZE;
	}
	void *p = (void *)chunk_next;
	chunk_next += size;
	return p;
}

void *native_malloc(size_t n)
{
	if (n > (1ull << 40))
		return NULL;
	size_t total = n + sizeof(struct header);
	struct header *h;

	if (total <= (1ull << MAX_SHIFT)) {
		unsigned c = class_for(total);
		native_lock(&heap_lock);
		h = take_block(c);
		native_unlock(&heap_lock);
		if (!h)
			return NULL;
		*h = (struct header){ c, MAGIC, 0 };
	} else {
		uint64_t address = 0, size = (total + MK_PAGE_SIZE - 1) & ~(MK_PAGE_SIZE - 1);
		if (mk_vm_allocate(MK_PORT_NULL, &address, size, MK_VM_FLAGS_ANYWHERE) != MK_SUCCESS)
			return NULL;
		h = (struct header *)address;
		*h = (struct header){ LARGE, MAGIC, size };
	}
	return h + 1;
}

void *native_calloc(size_t count, size_t size)
{
	if (size && count > ((size_t)1 << 40) / size)
		return NULL;
	void *p = native_malloc(count * size);
	if (p)
		memset(p, 0, count * size);
	return p;
}

void native_free(void *p)
{
	if (!p)
		return;
	struct header *h = (struct header *)p - 1;
	if (h->magic != MAGIC || (h->class >= CLASSES && h->class != LARGE)) {
		mk_printf("native_free(%p): not a live block\n", p);
		mk_task_terminate(MK_PORT_NULL);
	}
	h->magic = 0;                   /* a second free is caught above */
	if (h->class == LARGE) {
		mk_vm_deallocate(MK_PORT_NULL, (uint64_t)h, h->region_size);
		return;
	}
	unsigned c = h->class;
	struct free_block *b = (struct free_block *)h;
	native_lock(&heap_lock);
	b->next = free_lists[c];
	free_lists[c] = b;
	native_unlock(&heap_lock);
}
