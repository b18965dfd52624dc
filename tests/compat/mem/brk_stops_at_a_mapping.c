/* The break cannot grow over another mapping, nor into the page just below
 * one (Linux keeps a guard page): brk returns the old break and leaves the
 * mapping alone; it grows to one page short of the mapping; once the
 * mapping is gone it grows on; shrinking below the start is refused. */
#include "../compat.h"
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

int main(void)
{
	char *start = (char *)syscall(SYS_brk, 0);
	char *wall = start + 16 * 4096;
	char *m, *r;

	m = mmap(wall, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	need("mmap the wall", m == wall);
	strcpy(m, "wall");
	r = (char *)syscall(SYS_brk, start + 32 * 4096);
	check("grow over the mapping refused (old break)", r == start);
	check("brk(0) unchanged", (char *)syscall(SYS_brk, 0) == start);
	printf("wall still: %s\n", m);
	r = (char *)syscall(SYS_brk, wall);
	check("grow right up to the mapping refused", r == start);
	r = (char *)syscall(SYS_brk, wall - 4096 + 1);
	check("grow into the guard page refused", r == start);
	r = (char *)syscall(SYS_brk, wall - 4096);
	check("grow to one page below the mapping", r == wall - 4096);
	wall[-4097] = 'x';
	check("last heap byte writable", wall[-4097] == 'x');
	show("munmap the wall", munmap(m, 4096));
	r = (char *)syscall(SYS_brk, wall + 1);
	check("now it grows past", r == wall + 1);
	wall[4095] = 'y';
	check("the rounded page is usable", wall[4095] == 'y');
	r = (char *)syscall(SYS_brk, start - 4096);
	check("below start refused", r == wall + 1);
	r = (char *)syscall(SYS_brk, start);
	check("back to start", r == start);
	return 0;
}
