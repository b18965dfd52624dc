/* mremap: MREMAP_FIXED needs MREMAP_MAYMOVE and an aligned, non-overlapping
 * target, and moves there replacing what was mapped; a new length of 0 is
 * EINVAL; an address that is not mapped is EFAULT; an old length 0 on a
 * private mapping is EINVAL; shrinking frees the tail. */
#include "../compat.h"
#include <sys/mman.h>

static void result(const char *label, void *p)
{
	if (p == MAP_FAILED)
		printf("%s: -1 %s\n", label, errname(errno));
	else
		printf("%s: ok\n", label);
}

int main(void)
{
	char *a, *b, *q;

	a = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	b = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap", a != MAP_FAILED && b != MAP_FAILED);
	strcpy(a, "moving");
	strcpy(b, "replaced");
	result("FIXED without MAYMOVE", mremap(a, 4096, 4096, MREMAP_FIXED, b));
	result("FIXED unaligned target", mremap(a, 4096, 4096, MREMAP_FIXED | MREMAP_MAYMOVE, b + 1));
	result("FIXED overlapping target", mremap(a, 2 * 4096, 2 * 4096, MREMAP_FIXED | MREMAP_MAYMOVE, a + 4096));
	result("new length 0", mremap(a, 4096, 0, MREMAP_MAYMOVE));
	result("old length 0 on private", mremap(a, 0, 4096, MREMAP_MAYMOVE));
	q = mremap(a, 2 * 4096, 2 * 4096, MREMAP_FIXED | MREMAP_MAYMOVE, b + 4096);
	check("FIXED moves to the target", q == b + 4096);
	printf("contents at target: %s\n", q);
	printf("target's neighbour kept: %s\n", b);
	show("old place is unmapped (mprotect)", mprotect(a, 4096, PROT_READ));
	result("unmapped address", mremap(a, 4096, 8192, MREMAP_MAYMOVE));
	result("unaligned old length shrink", mremap(b, 4096 + 1, 4096, 0));
	q = mremap(b, 4 * 4096, 4096, 0);
	check("shrink keeps address", q == b);
	show("tail is gone (mprotect)", mprotect(b + 4096, 4096, PROT_READ));
	result("grow into freed tail in place", mremap(b, 4096, 2 * 4096, 0));
	check("grown page readable and zero", b[4096] == 0);
	result("old length larger than mapping", mremap(b, 8 * 4096, 9 * 4096, MREMAP_MAYMOVE));
	return 0;
}
