/* getdents64 with a buffer that holds exactly one record returns one
 * entry per call, with Linux's record length; a buffer smaller than the
 * next record is EINVAL and loses nothing; d_off resumes with lseek; names
 * that stay while others are removed during the listing are each returned
 * exactly once; a removed directory is ENOENT. */
#include "../compat.h"
#include <stdint.h>

static char seen[64][32];
static int nseen;

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void print_seen(const char *label)
{
	qsort(seen, nseen, sizeof(seen[0]), by_name);
	printf("%s:", label);
	for (int i = 0; i < nseen; i++)
		printf(" %s", seen[i]);
	printf("\n");
	nseen = 0;
}

/* The record size Linux uses for a name: 19 bytes of header, the name and
 * its NUL, rounded up to 8. */
static long reclen(const char *name)
{
	return (19 + strlen(name) + 1 + 7) & ~7L;
}

int main(void)
{
	char buf[4096], name[16];
	struct lx_dirent64 *e;
	int fd, one_each = 1;
	long n;
	int64_t resume = 0;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof(name), "d/file%d", i);
		write_file(name, "x");
	}
	fd = open("d", O_RDONLY | O_DIRECTORY);
	/* Every record needs 24 or 32 bytes: one record per call. */
	while ((n = syscall(SYS_getdents64, fd, buf, 32)) > 0) {
		e = (void *)buf;
		one_each &= n == e->d_reclen && n == reclen(e->d_name);
		snprintf(seen[nseen++], 32, "%.31s", e->d_name);
	}
	show("32-byte buffer: last call", n);
	check("one record per call, reclen as Linux", one_each);
	print_seen("32-byte buffer saw");

	/* A 24-byte buffer cannot hold "file0" (32 bytes). */
	lseek(fd, 0, SEEK_SET);
	while ((n = syscall(SYS_getdents64, fd, buf, 24)) > 0)
		snprintf(seen[nseen++], 32, "%.31s", ((struct lx_dirent64 *)buf)->d_name);
	check("stops at the first long name", n < 0);
	printf("  errno %s\n", errname(errno));
	n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
	for (long off = 0; off < n; off += e->d_reclen) {
		e = (void *)(buf + off);
		snprintf(seen[nseen++], 32, "%.31s", e->d_name);
	}
	print_seen("after growing the buffer, together");

	/* Read three records, note the last d_off, then resume from it. */
	lseek(fd, 0, SEEK_SET);
	for (int i = 0; i < 3; i++) {
		n = syscall(SYS_getdents64, fd, buf, 32);
		e = (void *)buf;
		snprintf(seen[nseen++], 32, "%.31s", e->d_name);
		resume = e->d_off;
	}
	syscall(SYS_getdents64, fd, buf, sizeof(buf));
	check("lseek to d_off", lseek(fd, resume, SEEK_SET) == resume);
	n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
	for (long off = 0; off < n; off += e->d_reclen) {
		e = (void *)(buf + off);
		snprintf(seen[nseen++], 32, "%.31s", e->d_name);
	}
	print_seen("three, then the rest from d_off");

	/* At the first file listed, remove the even files; each odd one must
	 * still be listed exactly once. */
	lseek(fd, 0, SEEK_SET);
	int removed = 0, odd[10] = { 0 };
	while ((n = syscall(SYS_getdents64, fd, buf, 32)) > 0) {
		e = (void *)buf;
		if (strncmp(e->d_name, "file", 4))
			continue;
		odd[e->d_name[4] - '0']++;
		if (!removed) {
			for (int i = 0; i < 10; i += 2) {
				snprintf(name, sizeof(name), "d/file%d", i);
				unlink(name);
			}
			removed = 1;
		}
	}
	show("removing while listing: last call", n);
	printf("odd files listed:");
	for (int i = 1; i < 10; i += 2)
		printf(" %d", odd[i]);
	printf("\n");
	lseek(fd, 0, SEEK_SET);
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n; off += e->d_reclen) {
			e = (void *)(buf + off);
			snprintf(seen[nseen++], 32, "%.31s", e->d_name);
		}
	print_seen("after removal");
	for (int i = 1; i < 10; i += 2) {
		snprintf(name, sizeof(name), "d/file%d", i);
		unlink(name);
	}
	show("rmdir d", rmdir("d"));
	lseek(fd, 0, SEEK_SET);
	show("getdents64 on removed directory", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	return 0;
}
