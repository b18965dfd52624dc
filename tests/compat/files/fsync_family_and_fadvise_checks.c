/* fsync and fdatasync work on files and directories and are EINVAL on
 * pipes and /dev/null (no fsync operation); syncfs works on any open
 * file; sync always; fadvise64 takes the six advice values on files,
 * directories and /dev/null, refuses a pipe (ESPIPE), an unknown advice
 * or a negative length (EINVAL). O_PATH and closed descriptors are
 * EBADF everywhere. Through syscall(): musl's posix_fadvise returns the
 * error instead of setting errno. */
#include "../compat.h"

static long fadvise(int fd, long off, long len, int advice)
{
	return syscall(SYS_fadvise64, fd, off, len, advice);
}

int main(void)
{
	int fd, dfd, pfd, nfd, p[2];
	char label[64];

	scratch_enter();
	write_file("f", "hello");
	need("mkdir", mkdir("d", 0755) == 0);
	fd = open("f", O_RDWR);
	dfd = open("d", O_RDONLY | O_DIRECTORY);
	pfd = open("f", O_PATH);
	nfd = open("/dev/null", O_RDWR);
	need("opens", fd >= 0 && dfd >= 0 && pfd >= 0 && nfd >= 0);
	need("pipe", pipe(p) == 0);

	show("fsync file", fsync(fd));
	show("fsync read-only dir", fsync(dfd));
	show("fsync pipe", fsync(p[1]));
	show("fsync /dev/null", fsync(nfd));
	show("fsync O_PATH", fsync(pfd));
	show("fsync bad fd", fsync(99));
	show("fdatasync file", fdatasync(fd));
	show("fdatasync dir", fdatasync(dfd));
	show("fdatasync pipe", fdatasync(p[0]));
	show("fdatasync O_PATH", fdatasync(pfd));
	show("fdatasync bad fd", fdatasync(99));
	show("syncfs file", syscall(SYS_syncfs, fd));
	show("syncfs pipe", syscall(SYS_syncfs, p[0]));
	show("syncfs /dev/null", syscall(SYS_syncfs, nfd));
	show("syncfs O_PATH", syscall(SYS_syncfs, pfd));
	show("syncfs bad fd", syscall(SYS_syncfs, 99));
	show("sync", syscall(SYS_sync));

	for (int advice = 0; advice <= 5; advice++) {
		snprintf(label, sizeof(label), "fadvise file advice %d", advice);
		show(label, fadvise(fd, 0, 0, advice));
	}
	show("fadvise advice 6", fadvise(fd, 0, 0, 6));
	show("fadvise advice -1", fadvise(fd, 0, 0, -1));
	show("fadvise length -1", fadvise(fd, 0, -1, 0));
	show("fadvise range past the end", fadvise(fd, 4096, 1 << 20, 3));
	show("fadvise dir", fadvise(dfd, 0, 0, 0));
	show("fadvise /dev/null", fadvise(nfd, 0, 0, 4));
	show("fadvise /dev/null advice 6", fadvise(nfd, 0, 0, 6));
	show("fadvise pipe", fadvise(p[0], 0, 0, 0));
	show("fadvise pipe advice 6", fadvise(p[0], 0, 0, 6));
	show("fadvise O_PATH", fadvise(pfd, 0, 0, 0));
	show("fadvise bad fd", fadvise(99, 0, 0, 6));
	return 0;
}
