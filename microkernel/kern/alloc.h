/*
 * alloc.h: the kernel heap. kmalloc returns memory reachable through the
 * direct map, aligned to 16 bytes, or NULL when memory is short (every
 * caller handles NULL). kfree(NULL) is a no-op.
 */
#ifndef MK_KERN_ALLOC_H
#define MK_KERN_ALLOC_H

#include <stddef.h>

void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *p);

#endif
