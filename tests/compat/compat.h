/*
 * compat.h: the little every Linux compatibility test shares: a fresh
 * scratch directory under /tmp, and printing results in a form that is the
 * same on every run and every Linux (errno names, never numbers that vary
 * such as pids, inodes, addresses or times).
 *
 * Each test is one static musl program, tests/compat/<area>/<behaviour>.c,
 * run natively on the host and inside the system; the two outputs must be
 * equal. Header-only so that each test stays one file.
 */
#ifndef COMPAT_H
#define COMPAT_H

#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* struct statx as the Linux ABI lays it out (musl 1.2.3 has none), for
 * the raw statx call. */
struct statx_ts { int64_t tv_sec; uint32_t tv_nsec; int32_t pad; };
struct lx_statx {
	uint32_t stx_mask, stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink, stx_uid, stx_gid;
	uint16_t stx_mode, pad1;
	uint64_t stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	uint64_t spare[14];
};
#define LX_STATX_BASIC_STATS 0x7ffu

/* A getdents64 record as the Linux ABI lays it out, for the raw call. */
struct lx_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char compat_scratch[64];

static inline const char *errname(int e)
{
	static char other[16];

	switch (e) {
	case 0: return "0";
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EBADF: return "EBADF";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EACCES: return "EACCES";
	case EFAULT: return "EFAULT";
	case EEXIST: return "EEXIST";
	case EXDEV: return "EXDEV";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EINVAL: return "EINVAL";
	case EMFILE: return "EMFILE";
	case ENOTTY: return "ENOTTY";
	case EFBIG: return "EFBIG";
	case ENOSPC: return "ENOSPC";
	case ESPIPE: return "ESPIPE";
	case EROFS: return "EROFS";
	case EMLINK: return "EMLINK";
	case ERANGE: return "ERANGE";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case ENOSYS: return "ENOSYS";
	case ENOTEMPTY: return "ENOTEMPTY";
	case ELOOP: return "ELOOP";
	case ENOEXEC: return "ENOEXEC";
	case ECHILD: return "ECHILD";
	case EOVERFLOW: return "EOVERFLOW";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ENXIO: return "ENXIO";
	case EBUSY: return "EBUSY";
	case ENODEV: return "ENODEV";
	}
	snprintf(other, sizeof(other), "errno %d", e);
	return other;
}

/* "label = 0" or "label = -1 ENOENT": a call's result and errno. */
static inline long show(const char *label, long r)
{
	if (r < 0)
		printf("%s = -1 %s\n", label, errname(errno));
	else
		printf("%s = %ld\n", label, r);
	return r;
}

/* For results that differ between systems (fds, sizes): only whether the
 * call worked, or its errno. */
static inline long show_ok(const char *label, long r)
{
	if (r < 0)
		printf("%s: -1 %s\n", label, errname(errno));
	else
		printf("%s: ok\n", label);
	return r;
}

static inline void check(const char *label, int cond)
{
	printf("%s: %s\n", label, cond ? "yes" : "no");
}

/* Fails the test loudly: a step the test needs did not work. */
static inline void need(const char *what, int cond)
{
	if (!cond) {
		printf("SETUP FAILED: %s (%s)\n", what, errname(errno));
		exit(1);
	}
}

static inline void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	need(path, fd >= 0);
	need("write", write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
}

static inline void remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	char child[4096];

	if (lstat(path, &st) != 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	chmod(path, 0700);
	d = opendir(path);
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(child, sizeof(child), "%s/%s", path, e->d_name) < (int)sizeof(child))
			remove_tree(child);
	}
	if (d)
		closedir(d);
	rmdir(path);
}

/* Makes /tmp/compat-XXXXXX and enters it; the directory is removed at exit. */
static inline void scratch_leave(void)
{
	if (chdir("/") == 0)
		remove_tree(compat_scratch);
}

static inline void scratch_enter(void)
{
	strcpy(compat_scratch, "/tmp/compat-XXXXXX");
	need("mkdtemp", mkdtemp(compat_scratch) != NULL);
	need("chdir scratch", chdir(compat_scratch) == 0);
	atexit(scratch_leave);
	umask(022);
}

#endif
