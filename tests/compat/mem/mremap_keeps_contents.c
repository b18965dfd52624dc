/* mremap grows and shrinks a mapping keeping its contents; without
 * MREMAP_MAYMOVE it cannot move (ENOMEM if it had to); bad flags EINVAL. */
#include "../compat.h"
#include <sys/mman.h>

int main(void)
{
	char *p, *q;

	/* Three pages: the third one stops the first two growing in place. */
	p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap", p != MAP_FAILED);
	need("mprotect", mprotect(p + 2 * 4096, 4096, PROT_READ) == 0);
	strcpy(p, "first page");
	strcpy(p + 4096, "second page");
	errno = 0;
	check("grow in place blocked", mremap(p, 2 * 4096, 4 * 4096, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	q = mremap(p, 2 * 4096, 4 * 4096, MREMAP_MAYMOVE);
	check("grow with MAYMOVE", q != MAP_FAILED);
	printf("contents: %s / %s\n", q, q + 4096);
	check("new pages zero", q[3 * 4096] == 0);
	q[4 * 4096 - 1] = 'x';
	p = mremap(q, 4 * 4096, 4096, 0);
	check("shrink in place", p == q);
	printf("contents: %s\n", p);
	check("bad flags fail", mremap(p, 4096, 8192, 0x80) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	check("unaligned fails", mremap(p + 1, 4096, 8192, MREMAP_MAYMOVE) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	return 0;
}
