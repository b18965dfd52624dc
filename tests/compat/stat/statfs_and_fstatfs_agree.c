/* statfs and fstatfs of one file agree; names up to 255 bytes on / and
 * /tmp; fragments are blocks; free counts within totals; a pipe is on
 * pipefs; errors ENOENT, ENOTDIR, EFAULT, EBADF. Nothing that depends on
 * the file system type is printed. Through syscall(): musl's statfs
 * copies through its own buffer, which hides EFAULT. */
#include "../compat.h"
#include <sys/statfs.h>

#define PIPEFS_MAGIC 0x50495045

static long sfs(const char *path, struct statfs *sf)
{
	return syscall(SYS_statfs, path, sf);
}

static long fsfs(int fd, struct statfs *sf)
{
	return syscall(SYS_fstatfs, fd, sf);
}

static int same_fs(const struct statfs *a, const struct statfs *b)
{
	return a->f_type == b->f_type && a->f_bsize == b->f_bsize &&
	       a->f_blocks == b->f_blocks && a->f_files == b->f_files &&
	       a->f_namelen == b->f_namelen && a->f_frsize == b->f_frsize &&
	       a->f_flags == b->f_flags && !memcmp(&a->f_fsid, &b->f_fsid, sizeof(a->f_fsid));
}

static void sane(const char *label, const struct statfs *sf)
{
	printf("%s: f_namelen %ld\n", label, (long)sf->f_namelen);
	check("  f_frsize is f_bsize", sf->f_frsize == sf->f_bsize);
	check("  f_bsize > 0", sf->f_bsize > 0);
	check("  f_bavail <= f_bfree <= f_blocks",
	      sf->f_bavail <= sf->f_bfree && sf->f_bfree <= sf->f_blocks);
	check("  f_ffree <= f_files", sf->f_ffree <= sf->f_files);
	check("  ST_VALID in f_flags", (sf->f_flags & 0x20) != 0);
}

int main(void)
{
	struct statfs a, b, c;
	int fd, pfd, p[2];

	scratch_enter();
	write_file("f", "x");
	need("symlink", symlink("f", "l") == 0);
	show("statfs /", sfs("/", &a));
	sane("/", &a);
	show("statfs /tmp", sfs("/tmp", &a));
	sane("/tmp", &a);

	show("statfs f", sfs("f", &a));
	fd = open("f", O_RDONLY);
	show("fstatfs f", fsfs(fd, &b));
	check("statfs and fstatfs agree", same_fs(&a, &b));
	show("statfs through a symlink", sfs("l", &c));
	check("  the same file system", same_fs(&a, &c));
	show("statfs .", sfs(".", &c));
	check("  the same file system", same_fs(&a, &c));
	pfd = open("f", O_PATH);
	show("fstatfs O_PATH fd", fsfs(pfd, &c));
	check("  the same file system", same_fs(&a, &c));
	need("pipe", pipe(p) == 0);
	show("fstatfs pipe", fsfs(p[0], &c));
	check("  pipefs", c.f_type == PIPEFS_MAGIC);

	show("statfs missing", sfs("missing", &a));
	show("statfs under a file", sfs("f/x", &a));
	show("statfs empty path", sfs("", &a));
	show("statfs NULL buffer", sfs("f", NULL));
	show("statfs bad path pointer", sfs((const char *)8, &a));
	show("fstatfs bad fd", fsfs(99, &a));
	show("fstatfs NULL buffer", fsfs(fd, NULL));
	return 0;
}
