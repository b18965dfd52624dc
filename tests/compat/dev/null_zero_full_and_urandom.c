/* The memory devices: stat shows character devices 1:3, 1:5, 1:7, 1:9
 * with mode 0666; /dev/null reads end of file and takes every write;
 * /dev/zero reads zeros; /dev/full reads zeros and refuses writes with
 * ENOSPC; /dev/urandom fills any size read; lseek on them returns 0;
 * fstat of the fd agrees with stat of the path. */
#include "../compat.h"
#include <sys/sysmacros.h>

static void show_node(const char *path)
{
	struct stat st, fst;
	int fd;

	if (stat(path, &st) != 0) {
		printf("%s: stat %s\n", path, errname(errno));
		return;
	}
	printf("%s: chr %s mode %04o rdev %u:%u\n", path, S_ISCHR(st.st_mode) ? "yes" : "no",
	       st.st_mode & 07777, major(st.st_rdev), minor(st.st_rdev));
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &fst) != 0) {
		printf("  open/fstat %s\n", errname(errno));
		return;
	}
	check("  fstat agrees", fst.st_mode == st.st_mode && fst.st_rdev == st.st_rdev && fst.st_ino == st.st_ino);
	close(fd);
}

int main(void)
{
	static unsigned char buf[70000];
	int fd, nonzero = 0;
	long n;

	show_node("/dev/null");
	show_node("/dev/zero");
	show_node("/dev/full");
	show_node("/dev/urandom");

	fd = open("/dev/null", O_RDWR);
	show("null read", read(fd, buf, 100));
	show("null write", write(fd, "abc", 3));
	show("null write 0", write(fd, "", 0));
	show("null lseek", lseek(fd, 1234, SEEK_SET));
	show("null pread", pread(fd, buf, 10, 100));
	show("null pwrite", pwrite(fd, "x", 1, 100));
	close(fd);

	fd = open("/dev/zero", O_RDWR);
	memset(buf, 'x', sizeof(buf));
	n = show("zero read 70000", read(fd, buf, sizeof(buf)));
	for (long i = 0; i < n; i++)
		nonzero |= buf[i];
	check("  all zero", !nonzero);
	show("zero write", write(fd, "abc", 3));
	show("zero lseek", lseek(fd, 99, SEEK_CUR));
	close(fd);

	fd = open("/dev/full", O_RDWR);
	memset(buf, 'x', 16);
	show("full read", read(fd, buf, 16));
	check("  zeros", buf[0] == 0 && buf[15] == 0);
	show("full write", write(fd, "abc", 3));
	show("full write 0", write(fd, "", 0));
	show("full pwrite", pwrite(fd, "abc", 3, 0));
	close(fd);

	fd = open("/dev/urandom", O_RDONLY);
	show("urandom read 1", read(fd, buf, 1));
	show("urandom read 513", read(fd, buf, 513));
	memset(buf, 0, sizeof(buf));
	n = show("urandom read 70000", read(fd, buf, sizeof(buf)));
	nonzero = 0;
	for (long i = 65536; i < n; i++)
		nonzero |= buf[i];
	check("  tail filled", nonzero != 0);
	show("urandom lseek", lseek(fd, 5, SEEK_SET));
	close(fd);
	show_ok("open /dev/null/", open("/dev/null/", O_RDONLY));
	show_ok("open /dev/null O_DIRECTORY", open("/dev/null", O_RDONLY | O_DIRECTORY));
	show("ftruncate /dev/null", ftruncate(open("/dev/null", O_WRONLY), 0));
	show("truncate /dev/null", truncate("/dev/null", 0));
	return 0;
}
