/*
 * test_initramfs.c: filling a tmpfs from cpio archives: ones built here
 * entry by entry, and the real $(ROOTFS_CPIO) when it has been built
 * (UX_INITRAMFS in the environment names another one).
 */
#include <stdlib.h>
#include <sys/stat.h>
#include "fs/initramfs.h"
#include "fs_test_util.h"
#include "unit.h"

#ifndef ROOTFS_CPIO
#define ROOTFS_CPIO "build/rootfs/initramfs.cpio"
#endif

static struct tmpfs fs;
static struct newc arc;
static struct initramfs_result res;

static int load(unsigned flags)
{
	UNIT_CHECK(tmpfs_init(&fs, &test_env, 1) == 0);
	return initramfs_load(&fs, arc.buf, arc.len, flags, &res);
}

static void finish(void)
{
	tmpfs_destroy(&fs);
	UNIT_CHECK(fs.nodes == 0 && test_live_bytes == 0);
	arc.len = 0;
}

static struct tmpfs_node *get(const char *path, int flags)
{
	struct tmpfs_node *n = NULL;

	return tmpfs_walk(&fs, fs.root, path, flags, &n) ? NULL : n;
}

static void loads_files_directories_and_symlinks(void)
{
	struct tmpfs_node *n;
	char buf[16];

	newc_add(&arc, ".", S_IFDIR | 0700, 1, 3, "", 0);
	newc_add(&arc, "bin", S_IFDIR | 0755, 2, 2, "", 0);
	newc_add(&arc, "bin/busybox", S_IFREG | 0755, 3, 1, "ELF!", 4);
	newc_add(&arc, "bin/sh", S_IFLNK | 0777, 4, 1, "/bin/busybox", 12);
	newc_add(&arc, "dev/null", S_IFCHR | 0666, 5, 1, "", 0);
	newc_trailer(&arc);
	for (unsigned flags = 0; flags <= INITRAMFS_BORROW; flags++) {
		UNIT_CHECK(load(flags) == 0 && res.entries == 5 && res.cpio_error == 0);
		UNIT_CHECK(fs.root->mode == (S_IFDIR | 0700) && fs.root->mtime.sec == 1234);
		n = get("/bin/busybox", 0);
		UNIT_CHECK(n && n->mode == (S_IFREG | 0755) && n->size == 4);
		UNIT_CHECK(n && tmpfs_read(n, 0, buf, 16) == 4 && !memcmp(buf, "ELF!", 4));
		UNIT_CHECK(n && (n->u.file.cap == 0) == (flags == INITRAMFS_BORROW));
		UNIT_CHECK(get("/bin/sh", 0) == n);
		n = get("/bin/sh", TMPFS_NOFOLLOW);
		UNIT_CHECK(n && tmpfs_is_symlink(n) && !strcmp(n->u.link.target, "/bin/busybox"));
		n = get("/dev", 0);     /* made because the archive lacks it */
		UNIT_CHECK(n && n->mode == (S_IFDIR | 0755));
		n = get("/dev/null", 0);
		UNIT_CHECK(n && (n->mode & S_IFMT) == S_IFCHR);
		finish();
		newc_add(&arc, ".", S_IFDIR | 0700, 1, 3, "", 0);
		newc_add(&arc, "bin", S_IFDIR | 0755, 2, 2, "", 0);
		newc_add(&arc, "bin/busybox", S_IFREG | 0755, 3, 1, "ELF!", 4);
		newc_add(&arc, "bin/sh", S_IFLNK | 0777, 4, 1, "/bin/busybox", 12);
		newc_add(&arc, "dev/null", S_IFCHR | 0666, 5, 1, "", 0);
		newc_trailer(&arc);
	}
	arc.len = 0;
}

static void hard_links_share_one_node(void)
{
	struct tmpfs_node *a, *b;

	/* GNU cpio's way: the data comes with the last name of the set. */
	newc_add(&arc, "a", S_IFREG | 0644, 9, 2, "", 0);
	newc_add(&arc, "d/b", S_IFREG | 0644, 9, 2, "shared", 6);
	newc_trailer(&arc);
	UNIT_CHECK(load(0) == 0);
	a = get("/a", 0);
	b = get("/d/b", 0);
	UNIT_CHECK(a && a == b && a->nlink == 2 && a->size == 6);
	finish();
}

static void later_entries_replace_earlier_ones(void)
{
	struct tmpfs_node *n;

	newc_add(&arc, "x", S_IFREG | 0644, 1, 1, "file", 4);
	newc_add(&arc, "x", S_IFDIR | 0700, 2, 2, "", 0);
	newc_add(&arc, "x/y", S_IFREG | 0600, 3, 1, "", 0);
	newc_add(&arc, "x", S_IFDIR | 0750, 2, 2, "", 0);
	newc_add(&arc, "./leading/./slash", S_IFREG | 0644, 4, 1, "", 0);
	newc_trailer(&arc);
	UNIT_CHECK(load(0) == 0);
	n = get("/x", 0);
	UNIT_CHECK(n && n->mode == (S_IFDIR | 0750) && get("/x/y", 0));
	UNIT_CHECK(get("/leading/slash", 0) != NULL);
	finish();
}

static void parents_through_symlinks_are_followed(void)
{
	newc_add(&arc, "usr/lib", S_IFDIR | 0755, 1, 2, "", 0);
	newc_add(&arc, "lib", S_IFLNK | 0777, 2, 1, "usr/lib", 7);
	newc_add(&arc, "lib/libc.so", S_IFREG | 0755, 3, 1, "", 0);
	newc_trailer(&arc);
	UNIT_CHECK(load(0) == 0 && get("/usr/lib/libc.so", 0) != NULL);
	finish();
}

static void dotdot_names_are_refused(void)
{
	newc_add(&arc, "../escape", S_IFREG | 0644, 1, 1, "", 0);
	newc_trailer(&arc);
	UNIT_CHECK(load(0) == -UX_EINVAL && res.name && !strcmp(res.name, "../escape"));
	finish();
}

static void malformed_archive_is_einval_with_cpio_error(void)
{
	newc_add(&arc, "f", S_IFREG | 0644, 1, 1, "abc", 3);
	newc_trailer(&arc);
	arc.buf[0] = 'X';
	UNIT_CHECK(load(0) == -UX_EINVAL && res.cpio_error == CPIO_EMAGIC);
	finish();
	newc_add(&arc, "f", S_IFREG | 0644, 1, 1, "abc", 3);
	arc.len -= 3;
	UNIT_CHECK(load(0) == -UX_EINVAL && res.cpio_error == CPIO_EDATA && res.entries == 0);
	finish();
}

static void running_out_of_memory_fails_cleanly(void)
{
	newc_add(&arc, "a/b/c", S_IFREG | 0644, 1, 1, "abc", 3);
	newc_add(&arc, "l", S_IFLNK | 0777, 2, 1, "a", 1);
	newc_trailer(&arc);
	long i;
	int err = -1;

	/* Fail each allocation in turn until the load needs no more. */
	for (i = 0; err && i < 100; i++) {
		UNIT_CHECK(tmpfs_init(&fs, &test_env, 1) == 0);
		test_fail_in = i;
		err = initramfs_load(&fs, arc.buf, arc.len, 0, &res);
		UNIT_CHECK(err == 0 || err == -UX_ENOSPC);
		test_fail_in = -1;
		tmpfs_destroy(&fs);
		UNIT_CHECK(fs.nodes == 0 && test_live_bytes == 0);
	}
	UNIT_CHECK(err == 0 && i > 8);
	arc.len = 0;
}

static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long len;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0) {
		buf = malloc(len);
		*size = fread(buf, 1, len, f);
	}
	fclose(f);
	return buf;
}

static void loads_the_rootfs_image_when_built(void)
{
	const char *path = getenv("UX_INITRAMFS") ? getenv("UX_INITRAMFS") : ROOTFS_CPIO;
	struct tmpfs_node *bb, *sh, *tmp;
	size_t size = 0;
	char *image = read_file(path, &size);

	if (!image) {
		printf("note: %s not built, rootfs image check skipped\n", path);
		return;
	}
	UNIT_CHECK(tmpfs_init(&fs, &test_env, 1) == 0);
	UNIT_CHECK(initramfs_load(&fs, image, size, INITRAMFS_BORROW, &res) == 0);
	bb = get("/bin/busybox", 0);
	UNIT_CHECK(bb && bb->mode == (S_IFREG | 0755) && bb->size > 100000);
	UNIT_CHECK(bb && bb->u.file.cap == 0 && !memcmp(bb->u.file.data, "\177ELF", 4));
	sh = get("/bin/sh", TMPFS_NOFOLLOW);
	UNIT_CHECK(sh && tmpfs_is_symlink(sh) && !strcmp(sh->u.link.target, "/bin/busybox"));
	UNIT_CHECK(get("/bin/sh", 0) == bb && get("/sbin/init", 0) == bb);
	tmp = get("/tmp", 0);
	UNIT_CHECK(tmp && tmp->mode == (S_IFDIR | 01777));
	UNIT_CHECK(get("/root", 0) && get("/root", 0)->mode == (S_IFDIR | 0700));
	UNIT_CHECK(get("/etc", 0) && tmpfs_is_dir(get("/etc", 0)));
	tmpfs_destroy(&fs);
	UNIT_CHECK(fs.nodes == 0 && test_live_bytes == 0);
	free(image);
}

static const struct unit_case cases[] = {
	UNIT_CASE(loads_files_directories_and_symlinks),
	UNIT_CASE(hard_links_share_one_node),
	UNIT_CASE(later_entries_replace_earlier_ones),
	UNIT_CASE(parents_through_symlinks_are_followed),
	UNIT_CASE(dotdot_names_are_refused),
	UNIT_CASE(malformed_archive_is_einval_with_cpio_error),
	UNIT_CASE(running_out_of_memory_fails_cleanly),
	UNIT_CASE(loads_the_rootfs_image_when_built),
};
UNIT_MAIN("host/unix-server/initramfs", cases)
