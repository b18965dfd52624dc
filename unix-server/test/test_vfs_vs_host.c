/*
 * test_vfs_vs_host.c: differential test. One script of name and file
 * calls runs twice, on the host's Linux in a fresh directory under
 * /tmp (raw system calls) and on the VFS in a fresh directory; every
 * step's result must match: the errno, or success (an fd counts as
 * success; stat-like steps compare the type and size they saw). Paths
 * are relative and never climb out of the directory, and no step
 * depends on permission bits, so the host run is the same as root or not.
 */
#include "vfs_test_util.h"
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

enum op {
	OPEN, MKDIR, UNLINK, RMDIR, RENAME, LINK, LINK_FOLLOW, SYMLINK, READLINK, TRUNCATE,
	STAT, LSTAT, ACCESS, CHDIR, WRITE, READ_ALL, SEEK_END_OF, GETDENTS_COUNT,
};

struct step {
	enum op op;
	const char *a, *b;
	unsigned flags;
};

static const struct step script[] = {
	{ MKDIR, "d", 0, 0755 }, { MKDIR, "d", 0, 0755 }, { MKDIR, "d/", 0, 0755 },
	{ MKDIR, "e/", 0, 0755 }, { MKDIR, ".", 0, 0755 }, { MKDIR, "x/y", 0, 0755 },
	{ OPEN, "f", 0, O_CREAT | O_RDWR }, { WRITE, "f", "hello", 0 },
	{ OPEN, "f", 0, O_CREAT | O_EXCL | O_RDWR }, { OPEN, "f/", 0, O_RDONLY },
	{ OPEN, "f/", 0, O_CREAT | O_RDWR }, { OPEN, "g/", 0, O_CREAT | O_RDWR },
	{ OPEN, "d", 0, O_WRONLY }, { OPEN, "d", 0, O_RDONLY | O_TRUNC }, { OPEN, "d", 0, O_CREAT },
	{ OPEN, "f", 0, O_DIRECTORY }, { OPEN, "f", 0, O_CREAT | O_DIRECTORY },
	{ OPEN, "", 0, O_RDONLY }, { OPEN, "nope", 0, O_RDONLY }, { OPEN, "f/x", 0, O_RDONLY },
	{ OPEN, "d", 0, O_RDONLY | O_DIRECTORY }, { OPEN, "d/..", 0, O_RDONLY },
	{ OPEN, ".", 0, O_CREAT | O_EXCL }, { OPEN, "d", 0, O_PATH | O_WRONLY },
	{ SYMLINK, "f", "lf", 0 }, { SYMLINK, "d", "ld", 0 }, { SYMLINK, "missing", "dl", 0 },
	{ SYMLINK, "loop", "loop", 0 }, { SYMLINK, "", "empty", 0 }, { SYMLINK, "x", "f", 0 },
	{ SYMLINK, "x", "new/", 0 }, { SYMLINK, "x", "f/", 0 },
	{ OPEN, "lf", 0, O_RDONLY | O_NOFOLLOW }, { OPEN, "ld/", 0, O_RDONLY | O_NOFOLLOW },
	{ OPEN, "lf", 0, O_PATH | O_NOFOLLOW }, { OPEN, "lf", 0, O_PATH | O_NOFOLLOW | O_DIRECTORY },
	{ OPEN, "loop", 0, O_RDONLY }, { OPEN, "loop/x", 0, O_RDONLY },
	{ OPEN, "dl", 0, O_CREAT | O_EXCL | O_WRONLY }, { OPEN, "dl", 0, O_CREAT | O_NOFOLLOW },
	{ OPEN, "dl", 0, O_CREAT | O_WRONLY }, { STAT, "missing", 0, 0 },
	{ READLINK, "lf", 0, 0 }, { READLINK, "f", 0, 0 }, { READLINK, "lf/", 0, 0 },
	{ READLINK, "ld/", 0, 0 }, { READLINK, "", 0, 0 }, { READLINK, "nope", 0, 0 },
	{ STAT, "lf", 0, 0 }, { LSTAT, "lf", 0, 0 }, { STAT, "ld/", 0, 0 }, { LSTAT, "ld/", 0, 0 },
	{ STAT, "f/", 0, 0 }, { STAT, "", 0, 0 }, { STAT, "d/../f", 0, 0 },
	{ ACCESS, "f", 0, F_OK }, { ACCESS, "nope", 0, F_OK }, { ACCESS, "f", 0, 8 },
	{ ACCESS, "loop", 0, F_OK }, { ACCESS, "f/", 0, R_OK },
	{ LINK, "f", "h", 0 }, { LINK, "f", "h", 0 }, { LINK, "d", "dd", 0 }, { LINK, "d/", "dd", 0 },
	{ LINK, "f", "g/", 0 }, { LINK, "f", "f/", 0 }, { LINK, "f", ".", 0 },
	{ LINK, "nope", "z", 0 }, { LINK, "lf", "l2", 0 }, { LSTAT, "l2", 0, 0 },
	{ LINK_FOLLOW, "lf", "l3", 0 }, { LSTAT, "l3", 0, 0 }, { LINK_FOLLOW, "dl", "l4", 0 },
	{ UNLINK, ".", 0, 0 }, { UNLINK, "d", 0, 0 }, { UNLINK, "d/", 0, 0 }, { UNLINK, "f/", 0, 0 },
	{ UNLINK, "ld/", 0, 0 }, { UNLINK, "nope", 0, 0 }, { UNLINK, "nope/", 0, 0 },
	{ UNLINK, "d/..", 0, 0 }, { UNLINK, "h", 0, 0 }, { UNLINK, "h", 0, 0 },
	{ MKDIR, "full", 0, 0755 }, { OPEN, "full/x", 0, O_CREAT | O_WRONLY },
	{ RMDIR, ".", 0, 0 }, { RMDIR, "d/.", 0, 0 }, { RMDIR, "d/..", 0, 0 }, { RMDIR, "f", 0, 0 },
	{ RMDIR, "ld/", 0, 0 }, { RMDIR, "ld", 0, 0 }, { RMDIR, "full", 0, 0 },
	{ RMDIR, "nope", 0, 0 }, { RMDIR, "e/", 0, 0 },
	{ RENAME, "f/", "z", 0 }, { RENAME, "f", "z/", 0 }, { RENAME, "nope", "z", 0 },
	{ RENAME, ".", "z", 0 }, { RENAME, "d", ".", 0 }, { RENAME, "d", "..", 0 },
	{ RENAME, "d", "d/sub", 0 }, { RENAME, "d", "f", 0 }, { RENAME, "f", "d", 0 },
	{ RENAME, "full", "d", 0 }, { RENAME, "d", "full", 0 }, { RENAME, "f", "lf", 0 },
	{ LSTAT, "lf", 0, 0 }, { RENAME, "lf", "f", 0 }, { RENAME, "d", "e/", 0 },
	{ STAT, "d", 0, 0 }, { RENAME, "e", "d/", 0 }, { RENAME, "l2", "l2", 0 },
	{ TRUNCATE, "f", 0, 2 }, { READ_ALL, "f", 0, 0 }, { TRUNCATE, "d", 0, 0 },
	{ TRUNCATE, "lf", 0, 9 }, { STAT, "f", 0, 0 }, { TRUNCATE, "nope", 0, 0 },
	{ SEEK_END_OF, "f", 0, 0 }, { GETDENTS_COUNT, "full", 0, 0 },
	{ GETDENTS_COUNT, "f", 0, 0 }, { GETDENTS_COUNT, ".", 0, 0 },
	{ CHDIR, "f", 0, 0 }, { CHDIR, "nope", 0, 0 }, { CHDIR, "", 0, 0 }, { CHDIR, "ld", 0, 0 },
	{ OPEN, "../f", 0, O_RDONLY }, { CHDIR, "..", 0, 0 }, { STAT, "f", 0, 0 },
};

#define NSTEPS (sizeof(script) / sizeof(script[0]))

static long host_ret(long r)
{
	return r < 0 ? -errno : r;
}

/* A stat step's result: type and size folded into one comparable value. */
static long stat_value(unsigned mode, long long size)
{
	return (long)((mode & S_IFMT) >> 12) * 1000000 + (S_ISREG(mode) ? size : 0);
}

static long host_step(const struct step *s)
{
	char buf[512];
	struct stat st;
	long r;
	int fd;

	switch (s->op) {
	case OPEN:
		r = host_ret(syscall(SYS_openat, AT_FDCWD, s->a, s->flags, 0644));
		if (r >= 0)
			close((int)r);
		return r < 0 ? r : 0;
	case MKDIR: return host_ret(syscall(SYS_mkdirat, AT_FDCWD, s->a, s->flags));
	case UNLINK: return host_ret(syscall(SYS_unlinkat, AT_FDCWD, s->a, 0));
	case RMDIR: return host_ret(syscall(SYS_unlinkat, AT_FDCWD, s->a, AT_REMOVEDIR));
	case RENAME:
		return host_ret(syscall(SYS_renameat2, AT_FDCWD, s->a, AT_FDCWD, s->b, s->flags));
	case LINK: return host_ret(syscall(SYS_linkat, AT_FDCWD, s->a, AT_FDCWD, s->b, 0));
	case LINK_FOLLOW:
		return host_ret(syscall(SYS_linkat, AT_FDCWD, s->a, AT_FDCWD, s->b,
					AT_SYMLINK_FOLLOW));
	case SYMLINK: return host_ret(syscall(SYS_symlinkat, s->a, AT_FDCWD, s->b));
	case READLINK: return host_ret(syscall(SYS_readlinkat, AT_FDCWD, s->a, buf, sizeof(buf)));
	case TRUNCATE: return host_ret(syscall(SYS_truncate, s->a, (long)s->flags));
	case STAT:
	case LSTAT:
		r = host_ret(syscall(SYS_newfstatat, AT_FDCWD, s->a, &st,
				     s->op == LSTAT ? AT_SYMLINK_NOFOLLOW : 0));
		return r < 0 ? r : stat_value(st.st_mode, st.st_size);
	case ACCESS: return host_ret(syscall(SYS_faccessat, AT_FDCWD, s->a, s->flags));
	case CHDIR: return host_ret(syscall(SYS_chdir, s->a));
	case WRITE:
	case READ_ALL:
	case SEEK_END_OF:
	case GETDENTS_COUNT:
		fd = (int)host_ret(syscall(SYS_openat, AT_FDCWD, s->a,
					   s->op == WRITE ? O_WRONLY | O_APPEND : O_RDONLY));
		if (fd < 0)
			return fd;
		if (s->op == WRITE)
			r = host_ret(syscall(SYS_write, fd, s->b, strlen(s->b)));
		else if (s->op == READ_ALL)
			r = host_ret(syscall(SYS_read, fd, buf, sizeof(buf)));
		else if (s->op == SEEK_END_OF)
			r = host_ret(syscall(SYS_lseek, fd, 0, SEEK_END));
		else
			r = host_ret(syscall(SYS_getdents64, fd, buf, sizeof(buf)));
		close(fd);
		return r;
	}
	return -1;
}

static long vfs_step(const struct step *s)
{
	char buf[512];
	struct linux_stat st;
	long r;
	int fd;

	switch (s->op) {
	case OPEN:
		r = vfs_openat(&P, AT_FDCWD, s->a, s->flags, 0644);
		if (r >= 0)
			vfs_close(&P, (int)r);
		return r < 0 ? r : 0;
	case MKDIR: return vfs_mkdirat(&P, AT_FDCWD, s->a, s->flags);
	case UNLINK: return vfs_unlinkat(&P, AT_FDCWD, s->a, 0);
	case RMDIR: return vfs_unlinkat(&P, AT_FDCWD, s->a, AT_REMOVEDIR);
	case RENAME: return vfs_renameat2(&P, AT_FDCWD, s->a, AT_FDCWD, s->b, s->flags);
	case LINK: return vfs_linkat(&P, AT_FDCWD, s->a, AT_FDCWD, s->b, 0);
	case LINK_FOLLOW: return vfs_linkat(&P, AT_FDCWD, s->a, AT_FDCWD, s->b, AT_SYMLINK_FOLLOW);
	case SYMLINK: return vfs_symlinkat(&P, s->a, AT_FDCWD, s->b);
	case READLINK: return vfs_readlinkat(&P, AT_FDCWD, s->a, buf, sizeof(buf));
	case TRUNCATE: return vfs_truncate(&P, s->a, s->flags);
	case STAT:
	case LSTAT:
		r = vfs_newfstatat(&P, AT_FDCWD, s->a, &st,
				   s->op == LSTAT ? AT_SYMLINK_NOFOLLOW : 0);
		return r < 0 ? r : stat_value(st.st_mode, st.st_size);
	case ACCESS: return vfs_faccessat2(&P, AT_FDCWD, s->a, s->flags, 0);
	case CHDIR: return vfs_chdir(&P, s->a);
	case WRITE:
	case READ_ALL:
	case SEEK_END_OF:
	case GETDENTS_COUNT:
		fd = vfs_openat(&P, AT_FDCWD, s->a, s->op == WRITE ? O_WRONLY | O_APPEND : O_RDONLY, 0);
		if (fd < 0)
			return fd;
		if (s->op == WRITE)
			r = vfs_write(&P, fd, s->b, strlen(s->b));
		else if (s->op == READ_ALL)
			r = vfs_read(&P, fd, buf, sizeof(buf));
		else if (s->op == SEEK_END_OF)
			r = vfs_lseek(&P, fd, 0, SEEK_END);
		else
			r = vfs_getdents64(&P, fd, buf, sizeof(buf));
		vfs_close(&P, fd);
		return r;
	}
	return -1;
}

static void script_matches_the_host(void)
{
	static long host[NSTEPS];
	char dir[] = "/tmp/vfs-vs-host-XXXXXX", old[4096], cmd[64];

	UNIT_CHECK(getcwd(old, sizeof(old)) != NULL);
	UNIT_CHECK(mkdtemp(dir) != NULL);
	UNIT_CHECK(chdir(dir) == 0);
	for (size_t i = 0; i < NSTEPS; i++)
		host[i] = host_step(&script[i]);
	UNIT_CHECK(chdir(old) == 0);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	UNIT_CHECK(system(cmd) == 0);

	vsetup();
	vmkdir("/w");
	UNIT_CHECK(vfs_chdir(&P, "/w") == 0);
	for (size_t i = 0; i < NSTEPS; i++) {
		long got = vfs_step(&script[i]);

		if (got != host[i] && !unit_failure) {
			snprintf(unit_failure_buf, sizeof(unit_failure_buf),
				 "step %zu (op %d \"%s\" \"%s\" %#x): host %ld, vfs %ld", i,
				 script[i].op, script[i].a, script[i].b ? script[i].b : "",
				 script[i].flags, host[i], got);
			unit_failure = unit_failure_buf;
		}
	}
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(script_matches_the_host),
};

UNIT_MAIN("vfs_vs_host", cases)
