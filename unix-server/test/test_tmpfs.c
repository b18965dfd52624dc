/*
 * test_tmpfs.c: every tmpfs operation on names and the tree (lookups,
 * symlinks, links, removal, readdir, rename, running out of memory) and
 * each of its errors, with the Linux behaviour it copies named in the
 * case. File contents and attributes: test_tmpfs_file.c.
 */
#include "tmpfs_test_util.h"

static void root_is_a_directory_that_is_its_own_parent(void)
{
	setup();
	UNIT_CHECK(tmpfs_is_dir(fs.root) && fs.root->nlink == 2);
	UNIT_CHECK(walk("/") == fs.root && walk("/..") == fs.root && walk("//.//") == fs.root);
	teardown();
}

static void create_lookup_and_stat(void)
{
	struct tmpfs_node *d, *f, *n;
	struct tmpfs_stat st;

	setup();
	d = mkdir_in(fs.root, "etc");
	f = file_in(d, "passwd", "root:x:0:0\n");
	UNIT_CHECK(tmpfs_lookup(d, N("passwd"), &n) == 0 && n == f);
	UNIT_CHECK(walk("/etc/passwd") == f && walk("etc//passwd") == f);
	UNIT_CHECK(walk("/etc/../etc/./passwd") == f);
	tmpfs_stat(&fs, f, &st);
	UNIT_CHECK(st.dev == 7 && st.ino == f->ino && st.mode == (TMPFS_S_IFREG | 0644));
	UNIT_CHECK(st.nlink == 1 && st.uid == 1 && st.gid == 2 && st.size == 11);
	UNIT_CHECK(st.blksize == 4096 && st.blocks == 8 && st.mtime.sec == 1000);
	tmpfs_stat(&fs, d, &st);
	UNIT_CHECK(st.nlink == 2 && st.size == 60 && fs.root->nlink == 3);
	UNIT_CHECK(f->ino != d->ino && d->ino != fs.root->ino);
	teardown();
}

static void lookup_errors(void)
{
	struct tmpfs_node *f, *n;
	char long_name[300];

	setup();
	f = file_in(fs.root, "f", "x");
	UNIT_CHECK(walk_err("/missing", 0) == -UX_ENOENT);
	UNIT_CHECK(walk_err("/missing/x", 0) == -UX_ENOENT);
	UNIT_CHECK(walk_err("", 0) == -UX_ENOENT);
	UNIT_CHECK(walk_err("/f/x", 0) == -UX_ENOTDIR);
	UNIT_CHECK(walk_err("/f/", 0) == -UX_ENOTDIR);
	UNIT_CHECK(walk_err("/f/.", 0) == -UX_ENOTDIR);
	UNIT_CHECK(tmpfs_lookup(f, N("x"), &n) == -UX_ENOTDIR);
	memset(long_name, 'a', 256);
	long_name[256] = 0;
	UNIT_CHECK(walk_err(long_name, 0) == -UX_ENAMETOOLONG);
	long_name[255] = 0;
	UNIT_CHECK(walk_err(long_name, 0) == -UX_ENOENT);
	teardown();
}

static void path_of_4096_bytes_is_enametoolong(void)
{
	static char path[5000];

	setup();
	for (int i = 0; i < 4095; i += 2)
		memcpy(path + i, "./", 2);
	path[4095] = 0;
	UNIT_CHECK(walk_err(path, 0) == 0);             /* 4095 bytes is fine */
	path[4095] = '.';
	path[4096] = 0;
	UNIT_CHECK(walk_err(path, 0) == -UX_ENAMETOOLONG);
	teardown();
}

static void symlinks_are_followed_relative_and_absolute(void)
{
	struct tmpfs_node *bin, *bb, *n;

	setup();
	bin = mkdir_in(fs.root, "bin");
	bb = file_in(bin, "busybox", "ELF");
	UNIT_CHECK(symlink_in(bin, "sh", "busybox") == 0);
	UNIT_CHECK(symlink_in(fs.root, "b", "/bin") == 0);
	UNIT_CHECK(symlink_in(fs.root, "up", "bin/..") == 0);
	UNIT_CHECK(walk("/bin/sh") == bb && walk("/b/sh") == bb && walk("/up/b/sh") == bb);
	UNIT_CHECK(tmpfs_walk(&fs, fs.root, "/bin/sh", TMPFS_NOFOLLOW, &n) == 0 &&
		   tmpfs_is_symlink(n) && n->size == 7);
	UNIT_CHECK(tmpfs_walk(&fs, fs.root, "/b", TMPFS_NOFOLLOW, &n) == 0 && tmpfs_is_symlink(n));
	UNIT_CHECK(tmpfs_walk(&fs, fs.root, "/b/", TMPFS_NOFOLLOW, &n) == 0 && n == bin);
	UNIT_CHECK(walk_err("/bin/sh/", 0) == -UX_ENOTDIR);
	teardown();
}

static void readlink_copies_without_nul(void)
{
	struct tmpfs_node *n;
	char buf[16];

	setup();
	UNIT_CHECK(symlink_in(fs.root, "l", "target") == 0);
	UNIT_CHECK(tmpfs_walk(&fs, fs.root, "l", TMPFS_NOFOLLOW, &n) == 0);
	UNIT_CHECK(tmpfs_readlink(n, buf, sizeof(buf)) == 6 && !memcmp(buf, "target", 6));
	UNIT_CHECK(tmpfs_readlink(n, buf, 3) == 3 && !memcmp(buf, "tar", 3));
	UNIT_CHECK(tmpfs_readlink(fs.root, buf, 3) == -UX_EINVAL);
	teardown();
}

static void symlink_loops_give_eloop(void)
{
	char name[16], target[16];

	setup();
	UNIT_CHECK(symlink_in(fs.root, "a", "b") == 0);
	UNIT_CHECK(symlink_in(fs.root, "b", "a") == 0);
	UNIT_CHECK(walk_err("/a", 0) == -UX_ELOOP);
	UNIT_CHECK(walk_err("/a", TMPFS_NOFOLLOW) == 0);
	UNIT_CHECK(walk_err("/a/x", TMPFS_NOFOLLOW) == -UX_ELOOP);
	/* A chain of 40 links resolves; 41 is too many. */
	file_in(fs.root, "end", NULL);
	UNIT_CHECK(symlink_in(fs.root, "l0", "end") == 0);
	for (int i = 1; i <= 40; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		snprintf(target, sizeof(target), "l%d", i - 1);
		UNIT_CHECK(symlink_in(fs.root, name, target) == 0);
	}
	UNIT_CHECK(walk_err("/l39", 0) == 0);
	UNIT_CHECK(walk_err("/l40", 0) == -UX_ELOOP);
	teardown();
}

static void walk_parent_splits_the_last_name(void)
{
	struct tmpfs_node *d, *dir;
	const char *name;
	size_t len;
	bool slash;

	setup();
	d = mkdir_in(fs.root, "d");
	file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_walk_parent(&fs, fs.root, "/d/new//", &dir, &name, &len, &slash) == 0);
	UNIT_CHECK(dir == d && len == 3 && !memcmp(name, "new", 3) && slash);
	UNIT_CHECK(tmpfs_walk_parent(&fs, d, "x", &dir, &name, &len, &slash) == 0);
	UNIT_CHECK(dir == d && len == 1 && !slash);
	UNIT_CHECK(tmpfs_walk_parent(&fs, d, "/", &dir, &name, &len, &slash) == 0);
	UNIT_CHECK(dir == fs.root && len == 1 && name[0] == '.');
	UNIT_CHECK(tmpfs_walk_parent(&fs, d, "/f/x", &dir, &name, &len, &slash) == -UX_ENOTDIR);
	UNIT_CHECK(tmpfs_walk_parent(&fs, d, "/no/x", &dir, &name, &len, &slash) == -UX_ENOENT);
	UNIT_CHECK(tmpfs_walk_parent(&fs, d, "", &dir, &name, &len, &slash) == -UX_ENOENT);
	teardown();
}

static void creating_an_existing_name_is_eexist(void)
{
	struct tmpfs_node *f, *n;

	setup();
	f = file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_create(&fs, fs.root, N("f"), 0644, 0, 0, &n) == -UX_EEXIST);
	UNIT_CHECK(tmpfs_mkdir(&fs, fs.root, N("f"), 0755, 0, 0, &n) == -UX_EEXIST);
	UNIT_CHECK(tmpfs_mkdir(&fs, fs.root, N("."), 0755, 0, 0, &n) == -UX_EEXIST);
	UNIT_CHECK(tmpfs_mkdir(&fs, fs.root, N(".."), 0755, 0, 0, &n) == -UX_EEXIST);
	UNIT_CHECK(symlink_in(fs.root, "f", "x") == -UX_EEXIST);
	UNIT_CHECK(tmpfs_link(&fs, fs.root, N("f"), f) == -UX_EEXIST);
	UNIT_CHECK(tmpfs_create(&fs, f, N("x"), 0644, 0, 0, &n) == -UX_ENOTDIR);
	teardown();
}

static void names_longer_than_255_are_enametoolong(void)
{
	char name[257];
	struct tmpfs_node *n;

	setup();
	memset(name, 'n', 256);
	name[256] = 0;
	UNIT_CHECK(tmpfs_create(&fs, fs.root, N(name), 0644, 0, 0, &n) == -UX_ENAMETOOLONG);
	UNIT_CHECK(tmpfs_mkdir(&fs, fs.root, N(name), 0755, 0, 0, &n) == -UX_ENAMETOOLONG);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N(name)) == -UX_ENAMETOOLONG);
	name[255] = 0;
	UNIT_CHECK(tmpfs_create(&fs, fs.root, N(name), 0644, 0, 0, &n) == 0);
	teardown();
}

static void symlink_target_rules(void)
{
	static char target[4097];

	setup();
	UNIT_CHECK(symlink_in(fs.root, "l", "") == -UX_ENOENT);
	memset(target, 'x', 4096);
	UNIT_CHECK(symlink_in(fs.root, "l", target) == -UX_ENAMETOOLONG);
	target[4095] = 0;
	UNIT_CHECK(symlink_in(fs.root, "l", target) == 0);
	UNIT_CHECK(walk_err("/l", 0) == -UX_ENAMETOOLONG);
	teardown();
}

static void mknod_keeps_type_and_rdev(void)
{
	struct tmpfs_node *n;
	struct tmpfs_stat st;

	setup();
	UNIT_CHECK(tmpfs_mknod(&fs, fs.root, N("null"), TMPFS_S_IFCHR | 0666, 0x103, 0, 0, &n) == 0);
	tmpfs_stat(&fs, n, &st);
	UNIT_CHECK(st.mode == (TMPFS_S_IFCHR | 0666) && st.rdev == 0x103 && st.size == 0);
	UNIT_CHECK(tmpfs_mknod(&fs, fs.root, N("p"), TMPFS_S_IFIFO | 0600, 0, 0, 0, &n) == 0);
	UNIT_CHECK(tmpfs_read(n, 0, &st, 1) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_mknod(&fs, fs.root, N("r"), 0600, 0, 0, 0, &n) == 0 && tmpfs_is_reg(n));
	UNIT_CHECK(tmpfs_mknod(&fs, fs.root, N("d"), TMPFS_S_IFDIR, 0, 0, 0, &n) == -UX_EINVAL);
	teardown();
}

static void link_shares_the_inode(void)
{
	struct tmpfs_node *d, *f;
	char buf[8];

	setup();
	d = mkdir_in(fs.root, "d");
	f = file_in(fs.root, "f", "data");
	UNIT_CHECK(tmpfs_link(&fs, d, N("g"), f) == 0 && f->nlink == 2);
	UNIT_CHECK(walk("/d/g") == f);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("f")) == 0 && f->nlink == 1);
	UNIT_CHECK(tmpfs_read(walk("/d/g"), 0, buf, 8) == 4 && !memcmp(buf, "data", 4));
	UNIT_CHECK(tmpfs_link(&fs, fs.root, N("d2"), d) == -UX_EPERM);
	teardown();
}

static void unlink_rules(void)
{
	struct tmpfs_node *f;

	setup();
	mkdir_in(fs.root, "d");
	f = file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("missing")) == -UX_ENOENT);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("d")) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N(".")) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_unlink(&fs, f, N("x")) == -UX_ENOTDIR);
	UNIT_CHECK(symlink_in(fs.root, "l", "d") == 0);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("l")) == 0 && walk("/d"));
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("f")) == 0 && !walk("/f"));
	teardown();
}

static void unlinked_open_file_lives_until_put(void)
{
	struct tmpfs_node *f;
	char buf[4];

	setup();
	f = file_in(fs.root, "f", "abc");
	tmpfs_node_get(f);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("f")) == 0 && f->nlink == 0);
	UNIT_CHECK(tmpfs_read(f, 0, buf, 4) == 3 && fs.nodes == 2);
	UNIT_CHECK(tmpfs_link(&fs, fs.root, N("g"), f) == -UX_ENOENT);
	tmpfs_node_put(&fs, f);
	UNIT_CHECK(fs.nodes == 1);
	teardown();
}

static void rmdir_rules(void)
{
	struct tmpfs_node *d;

	setup();
	d = mkdir_in(fs.root, "d");
	mkdir_in(d, "sub");
	file_in(fs.root, "f", NULL);
	UNIT_CHECK(d->nlink == 3 && fs.root->nlink == 3);
	UNIT_CHECK(tmpfs_rmdir(&fs, fs.root, N("d")) == -UX_ENOTEMPTY);
	UNIT_CHECK(tmpfs_rmdir(&fs, fs.root, N("f")) == -UX_ENOTDIR);
	UNIT_CHECK(tmpfs_rmdir(&fs, fs.root, N("x")) == -UX_ENOENT);
	UNIT_CHECK(tmpfs_rmdir(&fs, d, N(".")) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_rmdir(&fs, d, N("..")) == -UX_ENOTEMPTY);
	UNIT_CHECK(tmpfs_rmdir(&fs, d, N("sub")) == 0 && d->nlink == 2);
	tmpfs_node_get(d);
	UNIT_CHECK(tmpfs_rmdir(&fs, fs.root, N("d")) == 0 && fs.root->nlink == 2);
	UNIT_CHECK(d->nlink == 0);
	/* A removed directory (a cwd) takes no new names and lists nothing. */
	UNIT_CHECK(tmpfs_create(&fs, d, N("x"), 0644, 0, 0, NULL) == -UX_ENOENT);
	UNIT_CHECK(tmpfs_readdir(d, 0, NULL, NULL) == -UX_ENOENT);
	tmpfs_node_put(&fs, d);
	teardown();
}

/* A removed directory someone is in keeps its old parent, removed or
 * not, until it goes itself (rmdir and rename over it alike). */
static void removed_directory_holds_its_parent(void)
{
	struct tmpfs_node *a, *b, *c;

	setup();
	a = mkdir_in(fs.root, "a");
	b = mkdir_in(a, "b");
	tmpfs_node_get(b);
	UNIT_CHECK(tmpfs_rmdir(&fs, a, N("b")) == 0 && a->refs == 1);
	UNIT_CHECK(tmpfs_rmdir(&fs, fs.root, N("a")) == 0 && fs.nodes == 3);
	UNIT_CHECK(b->u.dir.parent == a && a->nlink == 0 && a->u.dir.parent == fs.root);
	tmpfs_node_put(&fs, b);         /* b goes, then a with it */
	UNIT_CHECK(fs.nodes == 1 && fs.root->refs == 0 && fs.root->nlink == 2);

	a = mkdir_in(fs.root, "a");
	c = mkdir_in(fs.root, "c");
	tmpfs_node_get(c);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), fs.root, N("c"), 0) == 0);
	UNIT_CHECK(c->nlink == 0 && fs.root->refs == 1 && fs.nodes == 3);
	tmpfs_node_put(&fs, c);
	UNIT_CHECK(fs.nodes == 2 && fs.root->refs == 0);
	teardown();
}

struct listing {
	char names[16][16];
	uint64_t next[16];
	unsigned types[16];
	int n, max;
};

static int fill(void *arg, const char *name, size_t len, uint64_t ino, unsigned type,
		uint64_t next)
{
	struct listing *l = arg;

	(void)ino;
	if (l->n == l->max)
		return 1;
	snprintf(l->names[l->n], 16, "%.*s", (int)len, name);
	l->types[l->n] = type;
	l->next[l->n++] = next;
	return 0;
}

static void readdir_lists_dots_then_entries_with_stable_cookies(void)
{
	struct listing l = { .max = 16 };

	setup();
	file_in(fs.root, "a", NULL);
	mkdir_in(fs.root, "b");
	file_in(fs.root, "c", NULL);
	UNIT_CHECK(tmpfs_readdir(fs.root, 0, fill, &l) == 0 && l.n == 5);
	UNIT_CHECK_STR(l.names[0], ".");
	UNIT_CHECK_STR(l.names[1], "..");
	UNIT_CHECK_STR(l.names[2], "a");
	UNIT_CHECK_STR(l.names[3], "b");
	UNIT_CHECK_STR(l.names[4], "c");
	UNIT_CHECK(l.types[2] == 8 && l.types[3] == 4);
	/* Two at a time, removing an entry between calls: nothing repeats or is lost. */
	struct listing p = { .max = 3 };
	UNIT_CHECK(tmpfs_readdir(fs.root, 0, fill, &p) == 0 && p.n == 3);
	UNIT_CHECK(tmpfs_unlink(&fs, fs.root, N("a")) == 0);
	file_in(fs.root, "d", NULL);
	p.max = 16;
	UNIT_CHECK(tmpfs_readdir(fs.root, p.next[2], fill, &p) == 0 && p.n == 6);
	UNIT_CHECK_STR(p.names[3], "b");
	UNIT_CHECK_STR(p.names[4], "c");
	UNIT_CHECK_STR(p.names[5], "d");
	UNIT_CHECK(tmpfs_readdir(fs.root, p.next[5], fill, &p) == 0 && p.n == 6);
	UNIT_CHECK(tmpfs_readdir(walk("/a") ? fs.root : walk("/c"), 0, fill, &p) == -UX_ENOTDIR);
	teardown();
}

static void rename_moves_and_replaces_files(void)
{
	struct tmpfs_node *d, *f, *g;

	setup();
	d = mkdir_in(fs.root, "d");
	f = file_in(fs.root, "f", "new");
	g = file_in(d, "g", "old");
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("g"), 0) == 0);
	UNIT_CHECK(walk("/d/g") == f && !walk("/f") && fs.nodes == 3);
	UNIT_CHECK(tmpfs_rename(&fs, d, N("g"), d, N("h"), 0) == 0 && walk("/d/h") == f);
	UNIT_CHECK(tmpfs_rename(&fs, d, N("missing"), d, N("x"), 0) == -UX_ENOENT);
	(void)g;
	teardown();
}

static void rename_of_two_links_to_one_inode_does_nothing(void)
{
	struct tmpfs_node *f;

	setup();
	f = file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_link(&fs, fs.root, N("g"), f) == 0);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), fs.root, N("g"), 0) == 0);
	UNIT_CHECK(walk("/f") == f && walk("/g") == f && f->nlink == 2);
	teardown();
}

static void rename_directory_rules(void)
{
	struct tmpfs_node *a, *b, *e;

	setup();
	a = mkdir_in(fs.root, "a");
	b = mkdir_in(a, "b");
	e = mkdir_in(fs.root, "empty");
	mkdir_in(fs.root, "full");
	mkdir_in(walk("/full"), "x");
	file_in(fs.root, "f", NULL);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), fs.root, N("f"), 0) == -UX_ENOTDIR);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), fs.root, N("a"), 0) == -UX_EISDIR);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), fs.root, N("full"), 0) == -UX_ENOTEMPTY);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), b, N("c"), 0) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), a, N("c"), 0) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_rename(&fs, a, N("b"), fs.root, N("a"), 0) == -UX_ENOTEMPTY);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("."), fs.root, N("z"), 0) == -UX_EBUSY);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("a"), fs.root, N(".."), 0) == -UX_EBUSY);
	/* Moving b up replaces the empty directory: link counts follow. */
	UNIT_CHECK(fs.root->nlink == 5 && a->nlink == 3);
	(void)e;
	UNIT_CHECK(tmpfs_rename(&fs, a, N("b"), fs.root, N("empty"), 0) == 0);
	UNIT_CHECK(walk("/empty") == b && walk("/empty/..") == fs.root);
	UNIT_CHECK(a->nlink == 2 && fs.root->nlink == 5 && fs.nodes == 6);
	teardown();
}

static void renameat2_noreplace_and_exchange(void)
{
	struct tmpfs_node *d, *f, *g;

	setup();
	d = mkdir_in(fs.root, "d");
	f = file_in(fs.root, "f", NULL);
	g = file_in(d, "g", NULL);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("g"), TMPFS_RENAME_NOREPLACE) == -UX_EEXIST);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("x"), TMPFS_RENAME_EXCHANGE) == -UX_ENOENT);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("g"), 3) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("g"), 4) == -UX_EINVAL);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("g"), TMPFS_RENAME_EXCHANGE) == 0);
	UNIT_CHECK(walk("/f") == g && walk("/d/g") == f);
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("d"), fs.root, N("f"), TMPFS_RENAME_EXCHANGE) == 0);
	UNIT_CHECK(walk("/f") == d && walk("/d") == g && walk("/f/g") == f);
	teardown();
}

static void allocation_failure_is_enospc_and_changes_nothing(void)
{
	struct tmpfs_node *d, *f, *n;

	setup();
	d = mkdir_in(fs.root, "d");
	f = file_in(fs.root, "f", "abc");
	for (int i = 0; i < 2; i++) {
		test_fail_in = i;
		UNIT_CHECK(tmpfs_mkdir(&fs, d, N("x"), 0755, 0, 0, &n) == -UX_ENOSPC);
		test_fail_in = i;
		UNIT_CHECK(symlink_in(d, "x", "t") == -UX_ENOSPC);
		test_fail_in = i;
		UNIT_CHECK(tmpfs_create(&fs, d, N("x"), 0644, 0, 0, &n) == -UX_ENOSPC);
	}
	test_fail_in = 0;
	UNIT_CHECK(tmpfs_link(&fs, d, N("x"), f) == -UX_ENOSPC && f->nlink == 1);
	test_fail_in = 0;
	UNIT_CHECK(tmpfs_rename(&fs, fs.root, N("f"), d, N("x"), 0) == -UX_ENOSPC);
	test_fail_in = 0;
	UNIT_CHECK(tmpfs_write(&fs, f, 1000, "x", 1) == -UX_ENOSPC && f->size == 3);
	test_fail_in = -1;
	UNIT_CHECK(d->u.dir.count == 0 && walk("/f") == f && fs.nodes == 3);
	teardown();
	test_fail_in = 0;
	UNIT_CHECK(tmpfs_init(&fs, &test_env, 1) == -UX_ENOSPC);
	test_fail_in = -1;
}

static const struct unit_case cases[] = {
	UNIT_CASE(root_is_a_directory_that_is_its_own_parent),
	UNIT_CASE(create_lookup_and_stat),
	UNIT_CASE(lookup_errors),
	UNIT_CASE(path_of_4096_bytes_is_enametoolong),
	UNIT_CASE(symlinks_are_followed_relative_and_absolute),
	UNIT_CASE(readlink_copies_without_nul),
	UNIT_CASE(symlink_loops_give_eloop),
	UNIT_CASE(walk_parent_splits_the_last_name),
	UNIT_CASE(creating_an_existing_name_is_eexist),
	UNIT_CASE(names_longer_than_255_are_enametoolong),
	UNIT_CASE(symlink_target_rules),
	UNIT_CASE(mknod_keeps_type_and_rdev),
	UNIT_CASE(link_shares_the_inode),
	UNIT_CASE(unlink_rules),
	UNIT_CASE(unlinked_open_file_lives_until_put),
	UNIT_CASE(rmdir_rules),
	UNIT_CASE(readdir_lists_dots_then_entries_with_stable_cookies),
	UNIT_CASE(removed_directory_holds_its_parent),
	UNIT_CASE(rename_moves_and_replaces_files),
	UNIT_CASE(rename_of_two_links_to_one_inode_does_nothing),
	UNIT_CASE(rename_directory_rules),
	UNIT_CASE(renameat2_noreplace_and_exchange),
	UNIT_CASE(allocation_failure_is_enospc_and_changes_nothing),
};
UNIT_MAIN("host/unix-server/tmpfs", cases)
