/* getrandom takes GRND_NONBLOCK (1), GRND_RANDOM (2) and GRND_INSECURE
 * (4) alone or NONBLOCK with either; RANDOM with INSECURE is EINVAL, as is
 * any other bit; flags are checked before the buffer. */
#include "../compat.h"

int main(void)
{
	unsigned char b[16];
	static const unsigned flags[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 0x80000000u };

	for (unsigned i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		char label[32];

		snprintf(label, sizeof(label), "flags %#x", flags[i]);
		show(label, syscall(SYS_getrandom, b, sizeof(b), flags[i]));
	}
	show("bad flags and bad buffer", syscall(SYS_getrandom, (void *)16, 16, 6));
	show("INSECURE, bad buffer", syscall(SYS_getrandom, (void *)16, 16, 4));
	show("length 0, bad buffer", syscall(SYS_getrandom, (void *)16, 0, 0));
	return 0;
}
