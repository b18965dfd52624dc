/*
 * heap.c: kmalloc and kfree.
 *
 * Small blocks (up to 2 KiB) come from power-of-two size classes carved
 * out of whole frames; larger ones are runs of contiguous frames. Every
 * block starts with a 16-byte header naming its class (or page count), so
 * kfree needs no size and catches a double free. Freed small blocks stay in
 * their class's free list; heap_bytes_in_use lets tests prove nothing leaks.
 */
#include <stdint.h>

#include "arch/x86_64/layout.h"
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/heap.h"
#include "kern/pmm.h"
#include "kern/spinlock.h"
#include "lib/string.h"
#include "kern/hot_path.h"

#define HEADER_SIZE   16
#define MIN_CLASS     5                 /* 32-byte blocks */
#define MAX_CLASS     11                /* 2048-byte blocks */
#define LARGE         0xff
#define MAGIC_LIVE    0x6b6d616c        /* "lamk" */
#define MAGIC_FREE    0x65657266        /* "free" */

struct block_header {
	uint32_t magic;
	uint8_t class;                  /* log2 of block size, or LARGE */
	uint8_t reserved[3];
	uint64_t pages;                 /* LARGE only */
};
_Static_assert(sizeof(struct block_header) == HEADER_SIZE, "keeps 16-byte alignment");

struct free_block {
	struct block_header header;
	struct free_block *next;
};

/* Guarded by heap_lock: */
MK_HOT_DATA static struct spinlock heap_lock = SPINLOCK_INIT;
MK_HOT_DATA static struct free_block *free_lists[MAX_CLASS + 1];
MK_HOT_DATA static size_t bytes_in_use;

static void *frame_address(uint64_t phys)
{
	return (void *)(DIRECT_MAP_BASE + phys);
}

static uint64_t frame_of(const void *p)
{
	return (uint64_t)p - DIRECT_MAP_BASE;
}

MK_HOT_PATH static unsigned class_for(size_t total)
{
	unsigned c = MIN_CLASS;

	while ((1ul << c) < total)
		c++;
	return c;
}

/* Splits one fresh frame into blocks of class c. */
MK_HOT_PATH static int refill(unsigned c)
{
	uint64_t phys = pmm_alloc();

	if (!phys)
		return 0;
	char *page = frame_address(phys);
	for (size_t off = 0; off + (1ul << c) <= PAGE_SIZE; off += 1ul << c) {
		struct free_block *b = (void *)(page + off);
		b->header = (struct block_header){ .magic = MAGIC_FREE, .class = c };
		b->next = free_lists[c];
		free_lists[c] = b;
	}
	return 1;
}

MK_HOT_PATH static void *alloc_small(unsigned c)
{
	spin_lock(&heap_lock);
	if (!free_lists[c] && !refill(c)) {
		spin_unlock(&heap_lock);
		return 0;
	}
	struct free_block *b = free_lists[c];
	free_lists[c] = b->next;
	b->header.magic = MAGIC_LIVE;
	bytes_in_use += 1ul << c;
	spin_unlock(&heap_lock);
	return (char *)b + HEADER_SIZE;
}

static void *alloc_large(size_t total)
{
	size_t pages = (total + PAGE_SIZE - 1) / PAGE_SIZE;
	uint64_t phys = pmm_alloc_contiguous(pages);

	if (!phys)
		return 0;
	struct block_header *h = frame_address(phys);
	*h = (struct block_header){ .magic = MAGIC_LIVE, .class = LARGE, .pages = pages };
	spin_lock(&heap_lock);
	bytes_in_use += pages * PAGE_SIZE;
	spin_unlock(&heap_lock);
	return (char *)h + HEADER_SIZE;
}

MK_HOT_PATH void *kmalloc(size_t size)
{
	if (size > (1ul << 40))
		return 0;
	size_t total = size + HEADER_SIZE;
	return total <= (1ul << MAX_CLASS) ? alloc_small(class_for(total)) : alloc_large(total);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

MK_HOT_PATH void kfree(void *p)
{
	if (!p)
		return;
	struct block_header *h = (void *)((char *)p - HEADER_SIZE);
	if (h->magic != MAGIC_LIVE)
		panic("kfree(%p): not a live heap block (double free?)", p);
	if (h->class == LARGE) {
		size_t pages = h->pages;
		h->magic = MAGIC_FREE;
		spin_lock(&heap_lock);
		bytes_in_use -= pages * PAGE_SIZE;
		spin_unlock(&heap_lock);
		pmm_free_contiguous(frame_of(h), pages);
		return;
	}
	struct free_block *b = (void *)h;
	spin_lock(&heap_lock);
	b->header.magic = MAGIC_FREE;
	b->next = free_lists[h->class];
	free_lists[h->class] = b;
	bytes_in_use -= 1ul << h->class;
	spin_unlock(&heap_lock);
}

size_t heap_bytes_in_use(void)
{
	return bytes_in_use;
}
