/*
 * io_bitmap.c: per-task I/O permission bitmaps (io_bitmap.h). A bitmap
 * only grows more permissive while its task lives, and only the prefix up
 * to the highest allowed port is copied into the TSS at a switch.
 */
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/io_bitmap.h"
#include "kern/alloc.h"
#include "lib/string.h"
#include "kern/hot_path.h"

struct io_bitmap *io_bitmap_create(void)
{
	struct io_bitmap *b = kmalloc(sizeof(*b));

	if (!b)
		return NULL;
	b->bytes = 0;
	memset(b->map, 0xff, sizeof(b->map));
	return b;
}

void io_bitmap_destroy(struct io_bitmap *b)
{
	kfree(b);
}

void io_bitmap_allow(struct io_bitmap *b, uint32_t first, uint32_t count)
{
	for (uint32_t port = first; port < first + count; port++)
		b->map[port / 8] &= (uint8_t)~(1u << (port % 8));
	uint32_t end = (first + count + 7) / 8;
	if (end > b->bytes)
		b->bytes = end;
}

MK_HOT_PATH void io_bitmap_activate(const struct io_bitmap *b)
{
	tss_set_io_bitmap(b ? b->map : NULL, b ? b->bytes : 0);
}
