/* Anonymous private memory starts zeroed, is page aligned, writable with
 * PROT_WRITE; bad arguments are EINVAL; MAP_FIXED puts it where asked. */
#include "../compat.h"
#include <stdint.h>
#include <sys/mman.h>

int main(void)
{
	size_t len = 3 * 4096;
	unsigned char *p, *q;
	int zero = 1;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	check("mmap works", p != MAP_FAILED);
	check("page aligned", ((uintptr_t)p & 4095) == 0);
	for (size_t i = 0; i < len; i++)
		zero &= p[i] == 0;
	check("all zero", zero);
	p[0] = 1;
	p[len - 1] = 2;
	check("writes stick", p[0] == 1 && p[len - 1] == 2);
	q = mmap(p + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check("MAP_FIXED at the address asked", q == p + 4096);
	check("MAP_FIXED page is fresh", q[0] == 0);
	errno = 0;
	check("length 0 fails", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	check("no MAP_PRIVATE or MAP_SHARED fails", mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	check("unaligned MAP_FIXED fails", mmap(p + 1, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	check("file mapping of bad fd fails", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	show("munmap", munmap(p, len));
	return 0;
}
