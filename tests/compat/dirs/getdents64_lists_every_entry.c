/* getdents64 returns every entry once, "." and ".." included, with d_type;
 * a file descriptor that is not a directory gives ENOTDIR, a tiny buffer
 * EINVAL. Names are sorted before printing (the order is the FS's). */
#include "../compat.h"
#include <stdint.h>

static char names[16][64];
static int count;

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

int main(void)
{
	char buf[512];
	long n;
	int fd, calls = 0;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	need("mkdir", mkdir("d/sub", 0755) == 0);
	write_file("d/file", "x");
	need("symlink", symlink("file", "d/link") == 0);
	fd = open("d", O_RDONLY | O_DIRECTORY);
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		calls++;
		for (long off = 0; off < n;) {
			struct lx_dirent64 *e = (void *)(buf + off);
			const char *t = e->d_type == DT_DIR ? "dir" : e->d_type == DT_REG ? "reg"
				      : e->d_type == DT_LNK ? "lnk" : "?";

			if (count < 16)
				snprintf(names[count++], 64, "%s %s", e->d_name, t);
			off += e->d_reclen;
		}
	}
	show("last getdents64", n);
	qsort(names, count, sizeof(names[0]), by_name);
	for (int i = 0; i < count; i++)
		printf("entry: %s\n", names[i]);
	show("at end again", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	show("rewind", lseek(fd, 0, SEEK_SET));
	check("entries again after rewind", syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0);
	lseek(fd, 0, SEEK_SET);
	show("buffer too small", syscall(SYS_getdents64, fd, buf, 1));
	close(fd);
	fd = open("d/file", O_RDONLY);
	show("on a file", syscall(SYS_getdents64, fd, buf, sizeof(buf)));
	show("bad fd", syscall(SYS_getdents64, 99, buf, sizeof(buf)));
	return 0;
}
