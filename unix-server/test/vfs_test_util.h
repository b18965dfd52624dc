/*
 * vfs_test_util.h: what the VFS tests share: a file system with the
 * simple devices and /dev made, one process (P) in it, teardown with
 * leak checks (files, descriptor tables, nodes, bytes), and short
 * helpers. The host's <fcntl.h> names are used freely: test_vfs_abi
 * checks that they equal the LINUX_* values.
 */
#ifndef UX_TEST_VFS_TEST_UTIL_H
#define UX_TEST_VFS_TEST_UTIL_H

#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/stat.h>
#include "fs_test_util.h"
#include "unit.h"
#include "vfs/vfs.h"
#include "dev/dev.h"

static struct vfs v;
static struct vfs_proc P;
static struct dev_random rnd;

static void test_seed(void *ctx, uint8_t *out, size_t len)
{
	(void)ctx;
	for (size_t i = 0; i < len; i++)
		out[i] = (uint8_t)(i * 7 + 1);
}

static void vsetup(void)
{
	test_fail_in = -1;
	UNIT_CHECK(vfs_init(&v, &test_env, 0x801) == 0);
	UNIT_CHECK(dev_mem_register(&v) == 0);
	UNIT_CHECK(dev_random_register(&v, &rnd, test_seed, NULL) == 0);
	UNIT_CHECK(dev_make_nodes(&v) == 0);
	UNIT_CHECK(vfs_proc_init(&P, &v) == 0);
}

static void vteardown(void)
{
	vfs_proc_release(&P);
	UNIT_CHECK(v.files == 0);
	UNIT_CHECK(v.fdtables == 0);
	vfs_destroy(&v);
	UNIT_CHECK(v.fs.nodes == 0);
	UNIT_CHECK(test_live_bytes == 0);
}

static inline int vopen(const char *path, uint32_t flags)
{
	return vfs_openat(&P, AT_FDCWD, path, flags, 0644);
}

/* Makes a file holding text (or empty). */
static inline void vmkfile(const char *path, const char *text)
{
	int fd = vopen(path, O_CREAT | O_WRONLY | O_TRUNC);

	UNIT_CHECK(fd >= 0);
	if (fd >= 0 && text)
		UNIT_CHECK(vfs_write(&P, fd, text, strlen(text)) == (int64_t)strlen(text));
	if (fd >= 0)
		UNIT_CHECK(vfs_close(&P, fd) == 0);
}

static inline void vmkdir(const char *path)
{
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, path, 0755) == 0);
}

static inline struct tmpfs_node *vnode(const char *path)
{
	struct tmpfs_node *n;

	return tmpfs_walk(&v.fs, v.fs.root, path, TMPFS_NOFOLLOW, &n) ? NULL : n;
}

/* The whole content of path, NUL-terminated, in a static buffer. */
static inline const char *vcat(const char *path)
{
	static char buf[4096];
	int fd = vopen(path, O_RDONLY);
	int64_t n = fd < 0 ? -1 : vfs_read(&P, fd, buf, sizeof(buf) - 1);

	if (fd >= 0)
		vfs_close(&P, fd);
	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

#endif
