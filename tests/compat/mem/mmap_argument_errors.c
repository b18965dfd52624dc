/* mmap's argument checks: length 0, neither or both of MAP_PRIVATE and
 * MAP_SHARED, an unaligned MAP_FIXED address or offset are EINVAL; a bad
 * fd EBADF; a write-only fd EACCES, a directory or a pipe ENODEV; unknown
 * flags with MAP_SHARED_VALIDATE EOPNOTSUPP; MAP_FIXED_NOREPLACE over a
 * mapping EEXIST. PROT_WRITE with MAP_PRIVATE on a read-only fd works. */
#include "../compat.h"
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif

static void try(const char *label, void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	void *p = mmap(addr, len, prot, flags, fd, off);

	if (p == MAP_FAILED) {
		printf("%s: -1 %s\n", label, errname(errno));
		return;
	}
	printf("%s: ok\n", label);
	munmap(p, len);
}

int main(void)
{
	int ro, wo, dir, p[2];
	char *a;

	scratch_enter();
	write_file("f", "file contents");
	ro = open("f", O_RDONLY);
	wo = open("f", O_WRONLY);
	need("mkdir", mkdir("d", 0755) == 0);
	dir = open("d", O_RDONLY | O_DIRECTORY);
	need("pipe", pipe(p) == 0);
	try("length 0", NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	try("neither private nor shared", NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
	try("huge length", NULL, (size_t)1 << 62, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	try("length -4096", NULL, (size_t)-4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	try("MAP_FIXED unaligned", (void *)0x10000001, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	try("anonymous ignores fd", NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, 99, 0);
	try("anonymous unaligned offset", NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100);
	try("bad fd", NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0);
	try("file unaligned offset", NULL, 4096, PROT_READ, MAP_PRIVATE, ro, 1);
	try("private writable on O_RDONLY", NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	try("shared read-only on O_RDONLY", NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
	try("shared writable on O_RDONLY", NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
	try("private on O_WRONLY", NULL, 4096, PROT_READ, MAP_PRIVATE, wo, 0);
	try("shared on O_WRONLY", NULL, 4096, PROT_WRITE, MAP_SHARED, wo, 0);
	try("directory", NULL, 4096, PROT_READ, MAP_PRIVATE, dir, 0);
	try("pipe", NULL, 4096, PROT_READ, MAP_PRIVATE, p[0], 0);
	try("past end of file", NULL, 4096, PROT_READ, MAP_PRIVATE, ro, 8192);
	try("validate unknown flag", NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE | 0x800000, ro, 0);
	try("validate known flags", NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE, ro, 0);
	a = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap", a != MAP_FAILED);
	errno = 0;
	check("MAP_FIXED_NOREPLACE over a mapping fails",
	      mmap(a + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == MAP_FAILED);
	printf("  errno %s\n", errname(errno));
	need("munmap", munmap(a + 4096, 4096) == 0);
	check("MAP_FIXED_NOREPLACE into the hole lands there",
	      mmap(a + 4096, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0) == a + 4096);
	return 0;
}
