/* munmap and mprotect want page-aligned addresses and a non-zero length
 * (munmap) or any length (mprotect); mprotect on unmapped memory is ENOMEM;
 * munmap of unmapped memory is fine. */
#include "../compat.h"
#include <sys/mman.h>

int main(void)
{
	char *p = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	need("mmap", p != MAP_FAILED);
	show("mprotect read-only", mprotect(p, 4096, PROT_READ));
	show("mprotect unaligned", mprotect(p + 1, 4096, PROT_READ));
	show("mprotect length 0", mprotect(p, 0, PROT_READ));
	show("mprotect bad prot", mprotect(p, 4096, 0x100));
	show("mprotect unaligned length", mprotect(p, 100, PROT_READ | PROT_WRITE));
	p[1] = 'w';
	check("write after widening works", p[1] == 'w');
	show("munmap middle page", munmap(p + 4096, 4096));
	show("mprotect over the hole", mprotect(p, 3 * 4096, PROT_READ));
	show("munmap unaligned", munmap(p + 1, 4096));
	show("munmap length 0", munmap(p, 0));
	show("munmap the hole again", munmap(p + 4096, 4096));
	show("munmap all", munmap(p, 4 * 4096));
	return 0;
}
