/* mprotect on the middle of a mapping splits it: the pieces keep their
 * data, the middle can then be unmapped alone and the outer pieces grown
 * or moved by mremap. MAP_FIXED over part of a mapping replaces only that
 * part. MREMAP_DONTUNMAP moves the pages and leaves
 * the old range mapped and empty. PROT_NONE memory made writable works. */
#include "../compat.h"
#include <sys/mman.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#define PG 4096

int main(void)
{
	char *a, *q, *f;

	a = mmap(NULL, 10 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap", a != MAP_FAILED);
	need("munmap the tail kept free for moves", munmap(a + 4 * PG, 6 * PG) == 0);
	for (int i = 0; i < 4; i++)
		a[i * PG] = 'A' + i;
	show("mprotect pages 1-2 read-only", mprotect(a + PG, 2 * PG, PROT_READ));
	check("data kept across the split", a[0] == 'A' && a[PG] == 'B' && a[2 * PG] == 'C' && a[3 * PG] == 'D');
	show("munmap page 1 (middle piece's head)", munmap(a + PG, PG));
	show("madvise over pages 0-3 (hole)", madvise(a, 4 * PG, MADV_NORMAL));
	show("madvise page 2 alone", madvise(a + 2 * PG, PG, MADV_NORMAL));
	show("mprotect page 2 writable", mprotect(a + 2 * PG, PG, PROT_READ | PROT_WRITE));
	a[2 * PG + 1] = 'c';
	check("page 2 writable again, data kept", a[2 * PG] == 'C' && a[2 * PG + 1] == 'c');
	q = mremap(a, PG, 2 * PG, 0);
	check("page 0 grows into the hole in place", q == a);
	check("  old data kept, new page zero", a[0] == 'A' && a[PG] == 0);
	q = mremap(a + 3 * PG, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, a + 8 * PG);
	check("page 3 moves alone", q == a + 8 * PG);
	check("  with its data", q != MAP_FAILED && q[0] == 'D');
	show("  its old place is gone (mprotect)", mprotect(a + 3 * PG, PG, PROT_READ));

	q = mmap(a + PG, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	check("MAP_FIXED over page 1 lands there", q == a + PG);
	check("  neighbours kept", a[0] == 'A' && a[2 * PG] == 'C');
	q[0] = 'n';

	q = mmap(NULL, PG, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap PROT_NONE", q != MAP_FAILED);
	show("PROT_NONE made writable", mprotect(q, PG, PROT_READ | PROT_WRITE));
	q[0] = 'x';
	check("  written", q[0] == 'x');

	memcpy(q, "moved", 6);
	f = mremap(q, PG, PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	if (f == MAP_FAILED) {
		printf("MREMAP_DONTUNMAP: -1 %s\n", errname(errno));
	} else {
		printf("MREMAP_DONTUNMAP: ok\n");
		check("  moved elsewhere with the data", f != q && !strcmp(f, "moved"));
		check("  old range mapped and empty", q[0] == 0);
	}
	errno = 0;
	check("DONTUNMAP without MAYMOVE fails", mremap(a, PG, PG, MREMAP_DONTUNMAP) == MAP_FAILED);
	printf("  %s\n", errname(errno));
	errno = 0;
	check("DONTUNMAP changing the size fails", mremap(a, PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_DONTUNMAP) == MAP_FAILED);
	printf("  %s\n", errname(errno));
	errno = 0;
	check("unknown mremap flag fails", mremap(a, PG, PG, MREMAP_MAYMOVE | 0x10) == MAP_FAILED);
	printf("  %s\n", errname(errno));
	return 0;
}
