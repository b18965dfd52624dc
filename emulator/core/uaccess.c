/*
 * uaccess.c: the checks around uaccess.S: an app pointer must lie in the
 * user half and outside the emulator's region (the app cannot make the
 * emulator write over itself); the copy itself may still fault, which
 * uaccess.S turns into -EFAULT.
 */
#include "emulator/header.h"
#include "linux_errno.h"
#include "mk/vm.h"
#include "uaccess.h"

_Static_assert(LINUX_EFAULT == 14, "uaccess.S returns -14 from a fault");

long emu_copy_raw(void *dst, const void *src, size_t n);
long emu_string_copy_raw(char *dst, const char *src, size_t max);

/* [p, p + n) is app memory (n > 0). */
static int app_range(uint64_t p, uint64_t n)
{
	if (p + n < p || p + n > MK_USER_MAX)
		return 0;
	return p >= EMULATOR_END || p + n <= EMULATOR_BASE;
}

long emu_copy_from_user(void *dst, uint64_t src, size_t n)
{
	if (n == 0)
		return 0;
	if (!app_range(src, n))
		return -LINUX_EFAULT;
	return emu_copy_raw(dst, (const void *)src, n);
}

long emu_copy_to_user(uint64_t dst, const void *src, size_t n)
{
	if (n == 0)
		return 0;
	if (!app_range(dst, n))
		return -LINUX_EFAULT;
	return emu_copy_raw((void *)dst, src, n);
}

long emu_copy_path_from_user(char *dst, uint64_t src, size_t max)
{
	size_t room = max;

	if (src >= MK_USER_MAX || (src >= EMULATOR_BASE && src < EMULATOR_END))
		return -LINUX_EFAULT;
	/* Stop where app memory ends: a string running into it is a fault. */
	uint64_t limit = src < EMULATOR_BASE ? EMULATOR_BASE : MK_USER_MAX;
	if (room > limit - src)
		room = limit - src;
	long len = emu_string_copy_raw(dst, (const char *)src, room);
	if (len < 0)
		return len;
	if ((size_t)len < room)
		return len + 1;
	return room == max ? -LINUX_ENAMETOOLONG : -LINUX_EFAULT;
}
