/* getrandom fills the whole buffer (small requests are never short),
 * two calls differ, GRND_NONBLOCK and GRND_RANDOM are accepted, unknown
 * flags are EINVAL, a bad buffer EFAULT. */
#include "../compat.h"

int main(void)
{
	unsigned char a[32] = { 0 }, b[32] = { 0 };
	int nonzero = 0;

	show("getrandom 32", syscall(SYS_getrandom, a, sizeof(a), 0));
	show("getrandom 32 again", syscall(SYS_getrandom, b, sizeof(b), 0));
	for (int i = 0; i < 32; i++)
		nonzero |= a[i];
	check("not all zero", nonzero != 0);
	check("two calls differ", memcmp(a, b, sizeof(a)) != 0);
	show("GRND_NONBLOCK", syscall(SYS_getrandom, a, 16, 1));
	show("GRND_RANDOM", syscall(SYS_getrandom, a, 16, 2));
	show("length 0", syscall(SYS_getrandom, a, 0, 0));
	show("unknown flag", syscall(SYS_getrandom, a, 16, 0x100));
	show("bad buffer", syscall(SYS_getrandom, (void *)16, 16, 0));
	return 0;
}
