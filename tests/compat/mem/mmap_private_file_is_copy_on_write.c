/* A MAP_PRIVATE file mapping shows the file's bytes (zeros past its end in
 * the last page); writes to it stay private and never reach the file. */
#include "../compat.h"
#include <sys/mman.h>

int main(void)
{
	char buf[16] = { 0 };
	char *p;
	int fd;

	scratch_enter();
	write_file("f", "hello file");
	fd = open("f", O_RDONLY);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	check("mmap works", p != MAP_FAILED);
	printf("mapped: %.10s\n", p);
	check("zero after end of file", p[10] == 0 && p[4095] == 0);
	memcpy(p, "HELLO", 5);
	printf("mapped after write: %.10s\n", p);
	pread(fd, buf, 10, 0);
	printf("file still: %s\n", buf);
	show("munmap", munmap(p, 4096));
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	printf("mapped again: %.10s\n", p);
	munmap(p, 4096);
	errno = 0;
	check("unaligned offset fails", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 100) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	check("MAP_SHARED writable on O_RDONLY fails", mmap(NULL, 4096, PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	close(fd);
	return 0;
}
