/* The raw brk call: brk(0) reports the break; asking for more returns the
 * new break and the memory is zeroed and usable; asking below the start of
 * the heap leaves it unchanged. */
#include "../compat.h"

int main(void)
{
	char *start = (char *)syscall(SYS_brk, 0);
	char *grown = (char *)syscall(SYS_brk, start + 64 * 1024);
	char *again;
	int zero = 1;

	check("brk(0) returns an address", start != NULL);
	check("grow returns the new break", grown == start + 64 * 1024);
	for (int i = 0; i < 64 * 1024; i++)
		zero &= start[i] == 0;
	check("new memory zero", zero);
	start[0] = 'y';
	start[64 * 1024 - 1] = 'x';
	check("writable", start[64 * 1024 - 1] == 'x');
	again = (char *)syscall(SYS_brk, 0);
	check("brk(0) sees the grown break", again == grown);
	check("shrink returns start", (char *)syscall(SYS_brk, start) == start);
	check("below the heap start: unchanged", (char *)syscall(SYS_brk, (char *)4096) == start);
	check("grow again", (char *)syscall(SYS_brk, start + 4096) == start + 4096);
	check("memory given back and regrown is zero", start[0] == 0);
	return 0;
}
