/* getdents64's d_type for character devices (in /dev) and for "." and
 * ".." is filled in; "." has the directory's inode number. */
#include "../compat.h"
#include <stdint.h>

static const char *type_name(unsigned t)
{
	switch (t) {
	case DT_DIR: return "dir";
	case DT_REG: return "reg";
	case DT_LNK: return "lnk";
	case DT_CHR: return "chr";
	case DT_BLK: return "blk";
	case DT_FIFO: return "fifo";
	case DT_SOCK: return "sock";
	case DT_UNKNOWN: return "unknown";
	}
	return "?";
}

static char lines[16][64];
static int nlines;

static int by_text(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void list(const char *dir, const char *const *wanted, int nwanted)
{
	static char buf[32768];
	struct stat st;
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	long n;

	need("open dir", fd >= 0);
	fstat(fd, &st);
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n;) {
			struct lx_dirent64 *e = (void *)(buf + off);

			for (int i = 0; i < nwanted; i++)
				if (!strcmp(e->d_name, wanted[i]))
					if (nlines < 16)
						snprintf(lines[nlines++], 64, "%s/%s: %s", dir, wanted[i],
							 type_name(e->d_type));
			if (!strcmp(e->d_name, "."))
				check(". has the directory's inode", e->d_ino == st.st_ino);
			off += e->d_reclen;
		}
	close(fd);
	qsort(lines, nlines, sizeof(lines[0]), by_text);
	for (int i = 0; i < nlines; i++)
		printf("%s\n", lines[i]);
	nlines = 0;
}

int main(void)
{
	static const char *const dev[] = { ".", "..", "null", "zero", "full", "urandom" };

	list("/dev", dev, 6);
	return 0;
}
