/*
 * tmpfs_test_util.h: what the tmpfs tests share: one file system per
 * case (setup; teardown checks that every node and byte went back),
 * paths walked from the root, and making directories, files and links.
 */
#ifndef UX_TEST_TMPFS_TEST_UTIL_H
#define UX_TEST_TMPFS_TEST_UTIL_H

#include "fs_test_util.h"
#include "unit.h"

static struct tmpfs fs;

static inline void setup(void)
{
	test_fail_in = -1;
	UNIT_CHECK(tmpfs_init(&fs, &test_env, 7) == 0);
}

static inline void teardown(void)
{
	tmpfs_destroy(&fs);
	UNIT_CHECK(fs.nodes == 0);
	UNIT_CHECK(test_live_bytes == 0);
}

static inline struct tmpfs_node *walk(const char *path)
{
	struct tmpfs_node *n = NULL;

	return tmpfs_walk(&fs, fs.root, path, 0, &n) ? NULL : n;
}

static inline int walk_err(const char *path, int flags)
{
	struct tmpfs_node *n;

	return tmpfs_walk(&fs, fs.root, path, flags, &n);
}

static inline struct tmpfs_node *mkdir_in(struct tmpfs_node *dir, const char *name)
{
	struct tmpfs_node *n = NULL;

	UNIT_CHECK(tmpfs_mkdir(&fs, dir, name, strlen(name), 0755, 0, 0, &n) == 0);
	return n;
}

static inline struct tmpfs_node *file_in(struct tmpfs_node *dir, const char *name, const char *text)
{
	struct tmpfs_node *n = NULL;

	UNIT_CHECK(tmpfs_create(&fs, dir, name, strlen(name), 0644, 1, 2, &n) == 0);
	if (n && text)
		UNIT_CHECK(tmpfs_write(&fs, n, 0, text, strlen(text)) == (int64_t)strlen(text));
	return n;
}

static inline int symlink_in(struct tmpfs_node *dir, const char *name, const char *target)
{
	return tmpfs_symlink(&fs, dir, name, strlen(name), target, 0, 0, NULL);
}

#define N(s) s, strlen(s)

#endif
