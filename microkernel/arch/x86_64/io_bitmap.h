/*
 * io_bitmap.h: a task's I/O port permissions, as the CPU wants them: a
 * bitmap with a bit set for each port it may NOT use, loaded into the TSS
 * whenever one of the task's threads is switched in. Only tasks granted
 * ports have one.
 */
#ifndef MK_ARCH_IO_BITMAP_H
#define MK_ARCH_IO_BITMAP_H

#include <stdint.h>

#include "mk/device.h"

struct io_bitmap {
	uint32_t bytes;                         /* the prefix that allows anything */
	uint8_t map[MK_IO_PORT_COUNT / 8];
};

/* All ports denied; NULL when memory is short. */
struct io_bitmap *io_bitmap_create(void);
void io_bitmap_destroy(struct io_bitmap *b);
/* Allows [first, first + count); the caller checked the range. */
void io_bitmap_allow(struct io_bitmap *b, uint32_t first, uint32_t count);
/* Makes b (or, for NULL, no port at all) what user mode may use now. */
void io_bitmap_activate(const struct io_bitmap *b);

#endif
