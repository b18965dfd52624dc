/* heap.h: heap statistics (the allocator's interface is kern/alloc.h). */
#ifndef MK_KERN_HEAP_H
#define MK_KERN_HEAP_H

#include <stddef.h>

/* Bytes handed out and not yet freed, headers included. */
size_t heap_bytes_in_use(void);

#endif
