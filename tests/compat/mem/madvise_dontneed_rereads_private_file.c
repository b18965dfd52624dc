/* MADV_DONTNEED on a private file mapping drops the private copy of the
 * page: the file's data shows again, and the rest of the last page past
 * the end of the file reads as zero. */
#include "../compat.h"
#include <sys/mman.h>

int main(void)
{
	char *f;
	int fd;

	scratch_enter();
	write_file("f", "file data");
	fd = open("f", O_RDONLY);
	need("open", fd >= 0);
	f = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	need("mmap file", f != MAP_FAILED);
	memcpy(f, "PRIVATE", 7);
	printf("private copy: %.9s\n", f);
	show("MADV_DONTNEED", madvise(f, 4096, MADV_DONTNEED));
	printf("after: %.9s\n", f);
	check("rest of the page zero", f[9] == 0 && f[4095] == 0);
	close(fd);
	memcpy(f, "AGAIN", 5);
	show("MADV_DONTNEED after close", madvise(f, 4096, MADV_DONTNEED));
	printf("after: %.9s\n", f);
	return 0;
}
