/* madvise(MADV_DONTNEED) on private anonymous memory drops its contents
 * (reads back as zero); hints are accepted; bad advice is EINVAL and
 * unmapped ranges ENOMEM. */
#include "../compat.h"
#include <sys/mman.h>

int main(void)
{
	char *p = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	need("mmap", p != MAP_FAILED);
	memset(p, 'a', 2 * 4096);
	show("MADV_DONTNEED first page", madvise(p, 4096, MADV_DONTNEED));
	check("first page zero", p[0] == 0 && p[4095] == 0);
	check("second page kept", p[4096] == 'a');
	show("MADV_NORMAL", madvise(p, 2 * 4096, MADV_NORMAL));
	show("MADV_WILLNEED", madvise(p, 2 * 4096, MADV_WILLNEED));
	show("MADV_SEQUENTIAL", madvise(p, 4096, MADV_SEQUENTIAL));
	show("bad advice", madvise(p, 4096, 12345));
	show("unaligned", madvise(p + 1, 4096, MADV_NORMAL));
	munmap(p + 4096, 4096);
	show("over unmapped page", madvise(p, 2 * 4096, MADV_NORMAL));
	show("length 0", madvise(p, 0, MADV_DONTNEED));
	return 0;
}
