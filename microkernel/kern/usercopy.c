/* usercopy.c: range checks around usercopy_bytes (usercopy.S). */
#include "kern/usercopy.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "kern/hot_path.h"

size_t usercopy_bytes(void *dst, const void *src, size_t n);

MK_HOT_PATH int user_range_is_valid(uint64_t address, size_t n)
{
	return address >= MK_USER_MIN && address <= MK_USER_MAX && n <= MK_USER_MAX - address;
}

MK_HOT_PATH mk_return_t copy_from_user(void *dst, uint64_t user_src, size_t n)
{
	if (!user_range_is_valid(user_src, n))
		return MK_INVALID_ADDRESS;
	return usercopy_bytes(dst, (const void *)user_src, n) ? MK_INVALID_ADDRESS : MK_SUCCESS;
}

MK_HOT_PATH mk_return_t copy_to_user(uint64_t user_dst, const void *src, size_t n)
{
	if (!user_range_is_valid(user_dst, n))
		return MK_INVALID_ADDRESS;
	return usercopy_bytes((void *)user_dst, src, n) ? MK_INVALID_ADDRESS : MK_SUCCESS;
}
