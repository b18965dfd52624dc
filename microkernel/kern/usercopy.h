/*
 * usercopy.h: copying between the kernel and the current task's memory.
 * Both check that the user range lies in user space and return
 * MK_INVALID_ADDRESS (never fault the kernel) when it is not mapped or
 * not accessible as asked.
 */
#ifndef MK_KERN_USERCOPY_H
#define MK_KERN_USERCOPY_H

#include <stddef.h>
#include <stdint.h>

#include "mk/types.h"

mk_return_t copy_from_user(void *dst, uint64_t user_src, size_t n);
mk_return_t copy_to_user(uint64_t user_dst, const void *src, size_t n);
int user_range_is_valid(uint64_t address, size_t n);

#endif
