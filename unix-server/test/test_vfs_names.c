/*
 * test_vfs_names.c: the calls on names and the cwd: mkdirat, unlinkat
 * (and rmdir), renameat2, linkat, symlinkat, readlinkat, getcwd, chdir,
 * fchdir, umask. Expected errnos are the host Linux's for the same calls.
 */
#include "vfs_test_util.h"

static int rm(const char *path)
{
	return vfs_unlinkat(&P, AT_FDCWD, path, 0);
}

static int rmd(const char *path)
{
	return vfs_unlinkat(&P, AT_FDCWD, path, AT_REMOVEDIR);
}

static int mv(const char *a, const char *b, unsigned flags)
{
	return vfs_renameat2(&P, AT_FDCWD, a, AT_FDCWD, b, flags);
}

static int ln(const char *a, const char *b, unsigned flags)
{
	return vfs_linkat(&P, AT_FDCWD, a, AT_FDCWD, b, flags);
}

static int sym(const char *target, const char *path)
{
	return vfs_symlinkat(&P, target, AT_FDCWD, path);
}

static const char *cwd(void)
{
	static char buf[4096];

	return vfs_getcwd(&P, buf, sizeof(buf)) > 0 ? buf : "(error)";
}

static void mkdir_modes_and_errors(void)
{
	vsetup();
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/a", 07777) == 0);
	UNIT_CHECK(vnode("/a")->mode == (S_IFDIR | 01755));
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/b/", 0700) == 0);
	UNIT_CHECK(vnode("/b")->mode == (S_IFDIR | 0700));
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/a", 0755) == -UX_EEXIST);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/", 0755) == -UX_EEXIST);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, ".", 0755) == -UX_EEXIST);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/a/..", 0755) == -UX_EEXIST);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/x/y", 0755) == -UX_ENOENT);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "", 0755) == -UX_ENOENT);
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/f/y", 0755) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "/f", 0755) == -UX_EEXIST);
	UNIT_CHECK(vfs_mkdirat(&P, vopen("/a", O_RDONLY), "in", 0755) == 0);
	UNIT_CHECK(vnode("/a/in") != NULL);
	vteardown();
}

static void unlink_rules(void)
{
	vsetup();
	vmkfile("/f", NULL);
	vmkdir("/d");
	UNIT_CHECK(sym("d", "/ld") == 0);
	UNIT_CHECK(rm(".") == -UX_EISDIR);
	UNIT_CHECK(rm("/") == -UX_EISDIR);
	UNIT_CHECK(rm("/d/..") == -UX_EISDIR);
	UNIT_CHECK(rm("/f/") == -UX_ENOTDIR);
	UNIT_CHECK(rm("/d") == -UX_EISDIR);
	UNIT_CHECK(rm("/d/") == -UX_EISDIR);
	UNIT_CHECK(rm("/ld/") == -UX_ENOTDIR);
	UNIT_CHECK(rm("/nope") == -UX_ENOENT);
	UNIT_CHECK(rm("/nope/") == -UX_ENOENT);
	UNIT_CHECK(rm("") == -UX_ENOENT);
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/f", 0x400) == -UX_EINVAL);
	UNIT_CHECK(rm("/ld") == 0 && vnode("/d") != NULL);
	UNIT_CHECK(rm("/f") == 0 && vnode("/f") == NULL);
	UNIT_CHECK(vfs_unlinkat(&P, vopen("/d", O_RDONLY), "..", 0) == -UX_EISDIR);
	vteardown();
}

static void rmdir_rules(void)
{
	vsetup();
	vmkfile("/f", NULL);
	vmkdir("/d");
	vmkdir("/full");
	vmkfile("/full/x", NULL);
	UNIT_CHECK(sym("d", "/ld") == 0);
	UNIT_CHECK(rmd("/") == -UX_EBUSY);
	UNIT_CHECK(rmd("//") == -UX_EBUSY);
	UNIT_CHECK(rmd(".") == -UX_EINVAL);
	UNIT_CHECK(rmd("/d/.") == -UX_EINVAL);
	UNIT_CHECK(rmd("..") == -UX_ENOTEMPTY);
	UNIT_CHECK(rmd("/f") == -UX_ENOTDIR);
	UNIT_CHECK(rmd("/ld/") == -UX_ENOTDIR);
	UNIT_CHECK(rmd("/full") == -UX_ENOTEMPTY);
	UNIT_CHECK(rmd("/nope") == -UX_ENOENT);
	UNIT_CHECK(rmd("/d/") == 0 && vnode("/d") == NULL);
	vteardown();
}

static void rename_rules(void)
{
	vsetup();
	vmkfile("/f", "F");
	vmkfile("/g", "G");
	vmkdir("/d");
	vmkdir("/e");
	UNIT_CHECK(mv("/f/", "/z", 0) == -UX_ENOTDIR);
	UNIT_CHECK(mv("/f", "/z/", 0) == -UX_ENOTDIR);
	UNIT_CHECK(mv("/nope", "/z/", 0) == -UX_ENOENT);
	UNIT_CHECK(mv(".", "/z", 0) == -UX_EBUSY);
	UNIT_CHECK(mv("/", "/z", 0) == -UX_EBUSY);
	UNIT_CHECK(mv("/d", "/.", 0) == -UX_EBUSY);
	UNIT_CHECK(mv("/d", "/.", RENAME_NOREPLACE) == -UX_EEXIST);
	UNIT_CHECK(mv("/d", "/d/sub", 0) == -UX_EINVAL);
	UNIT_CHECK(mv("/d", "/f", 0) == -UX_ENOTDIR);
	UNIT_CHECK(mv("/f", "/d", 0) == -UX_EISDIR);
	UNIT_CHECK(mv("/f", "/g", RENAME_NOREPLACE) == -UX_EEXIST);
	UNIT_CHECK(mv("/f", "/g", RENAME_NOREPLACE | RENAME_EXCHANGE) == -UX_EINVAL);
	UNIT_CHECK(mv("/f", "/g", RENAME_WHITEOUT | RENAME_EXCHANGE) == -UX_EINVAL);
	UNIT_CHECK(mv("/f", "/g", 8) == -UX_EINVAL);
	UNIT_CHECK(mv("/f", "/new", RENAME_EXCHANGE) == -UX_ENOENT);
	UNIT_CHECK(mv("/f", "/d/", RENAME_EXCHANGE) == 0);
	UNIT_CHECK(vnode("/f") && tmpfs_is_dir(vnode("/f")));
	UNIT_CHECK_STR(vcat("/d"), "F");
	UNIT_CHECK(mv("/f/", "/d", RENAME_EXCHANGE) == 0);
	UNIT_CHECK(mv("/d", "/f/", RENAME_EXCHANGE) == -UX_ENOTDIR);
	UNIT_CHECK(mv("/d", "/e/", 0) == 0 && vnode("/d") == NULL);
	UNIT_CHECK(mv("/f", "/g", 0) == 0);
	UNIT_CHECK_STR(vcat("/g"), "F");
	UNIT_CHECK(mv("/g", "/h", RENAME_NOREPLACE) == 0);
	UNIT_CHECK(vnode("/g") == NULL);
	vteardown();
}

static void link_rules(void)
{
	vsetup();
	vmkfile("/f", "F");
	vmkdir("/d");
	UNIT_CHECK(sym("f", "/lf") == 0);
	UNIT_CHECK(ln("/f", "/g/", 0) == -UX_ENOENT);
	UNIT_CHECK(ln("/f", "/f/", 0) == -UX_EEXIST);
	UNIT_CHECK(ln("/f", "/.", 0) == -UX_EEXIST);
	UNIT_CHECK(ln("/f", "/d", 0) == -UX_EEXIST);
	UNIT_CHECK(ln("/d", "/dd", 0) == -UX_EPERM);
	UNIT_CHECK(ln("/d/", "/dd", 0) == -UX_EPERM);
	UNIT_CHECK(ln("/d", "/d", 0) == -UX_EEXIST);
	UNIT_CHECK(ln("/f", "/h", 1) == -UX_EINVAL);
	UNIT_CHECK(ln("/nope", "/h", 0) == -UX_ENOENT);
	UNIT_CHECK(ln("/f", "/h", 0) == 0 && vnode("/h") == vnode("/f") && vnode("/f")->nlink == 2);
	UNIT_CHECK(ln("/lf", "/l2", 0) == 0 && tmpfs_is_symlink(vnode("/l2")));
	UNIT_CHECK(ln("/lf", "/l3", AT_SYMLINK_FOLLOW) == 0 && vnode("/l3") == vnode("/f"));
	UNIT_CHECK(vfs_linkat(&P, vopen("/f", O_RDONLY), "", AT_FDCWD, "/l4", AT_EMPTY_PATH) == 0);
	UNIT_CHECK(vnode("/f")->nlink == 4);
	vteardown();
}

static void linkat_empty_path_of_an_unlinked_file_is_enoent(void)
{
	int fd;

	vsetup();
	vmkfile("/f", NULL);
	fd = vopen("/f", O_RDONLY);
	UNIT_CHECK(rm("/f") == 0);
	UNIT_CHECK(vfs_linkat(&P, fd, "", AT_FDCWD, "/back", AT_EMPTY_PATH) == -UX_ENOENT);
	UNIT_CHECK(vfs_linkat(&P, fd, "", AT_FDCWD, "/back", 0) == -UX_ENOENT);
	vteardown();
}

static void symlink_and_readlink(void)
{
	char buf[8];

	vsetup();
	vmkfile("/f", NULL);
	vmkdir("/d");
	UNIT_CHECK(sym("x", "/ne/") == -UX_ENOENT);
	UNIT_CHECK(sym("", "/ne") == -UX_ENOENT);
	UNIT_CHECK(sym("x", "/f/") == -UX_EEXIST);
	UNIT_CHECK(sym("x", "/f") == -UX_EEXIST);
	UNIT_CHECK(sym("f", "/lf") == 0);
	UNIT_CHECK(sym("d", "/ld") == 0);
	UNIT_CHECK(vnode("/lf")->mode == (S_IFLNK | 0777));
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/lf", buf, 0) == -UX_EINVAL);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/lf", buf, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/lf", buf, 8) == 1 && buf[0] == 'f');
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/f", buf, 8) == -UX_EINVAL);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "", buf, 8) == -UX_ENOENT);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/lf/", buf, 8) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/ld/", buf, 8) == -UX_EINVAL);
	UNIT_CHECK(vfs_readlinkat(&P, vopen("/f", O_PATH), "", buf, 8) == -UX_ENOENT);
	UNIT_CHECK(vfs_readlinkat(&P, vopen("/d", O_PATH), "", buf, 8) == -UX_ENOENT);
	UNIT_CHECK(vfs_readlinkat(&P, 99, "", buf, 8) == -UX_EBADF);
	UNIT_CHECK(sym("0123456789", "/long") == 0);
	UNIT_CHECK(vfs_readlinkat(&P, AT_FDCWD, "/long", buf, 3) == 3 && !memcmp(buf, "012", 3));
	vteardown();
}

static void getcwd_walks_up_to_the_root(void)
{
	char buf[16];

	vsetup();
	UNIT_CHECK_STR(cwd(), "/");
	UNIT_CHECK(vfs_getcwd(&P, buf, 2) == 2);
	UNIT_CHECK(vfs_getcwd(&P, buf, 1) == -UX_ERANGE);
	vmkdir("/usr");
	vmkdir("/usr/lib");
	UNIT_CHECK(vfs_chdir(&P, "/usr/lib") == 0);
	UNIT_CHECK_STR(cwd(), "/usr/lib");
	UNIT_CHECK(vfs_getcwd(&P, buf, 9) == 9 && !strcmp(buf, "/usr/lib"));
	UNIT_CHECK(vfs_getcwd(&P, buf, 8) == -UX_ERANGE);
	UNIT_CHECK(vfs_getcwd(&P, buf, 0) == -UX_ERANGE);
	UNIT_CHECK(vfs_chdir(&P, "..") == 0);
	UNIT_CHECK_STR(cwd(), "/usr");
	UNIT_CHECK(mv("/usr", "/opt", 0) == 0);
	UNIT_CHECK_STR(cwd(), "/opt");
	vteardown();
}

static void getcwd_past_4096_bytes_is_enametoolong(void)
{
	static char big[8192];
	char name[201];

	vsetup();
	memset(name, 'n', 200);
	name[200] = 0;
	for (int i = 0; i < 21; i++) {
		vmkdir(name);
		UNIT_CHECK(vfs_chdir(&P, name) == 0);
	}
	UNIT_CHECK(vfs_getcwd(&P, big, sizeof(big)) == -UX_ENAMETOOLONG);
	UNIT_CHECK(vfs_chdir(&P, "..") == 0);
	UNIT_CHECK(vfs_getcwd(&P, big, sizeof(big)) == 20 * 201 + 1);
	vteardown();
}

static void chdir_and_fchdir(void)
{
	vsetup();
	vmkdir("/d");
	vmkfile("/f", NULL);
	UNIT_CHECK(vfs_chdir(&P, "") == -UX_ENOENT);
	UNIT_CHECK(vfs_chdir(&P, "/f") == -UX_ENOTDIR);
	UNIT_CHECK(vfs_chdir(&P, "/nope") == -UX_ENOENT);
	UNIT_CHECK(vfs_fchdir(&P, vopen("/f", O_RDONLY)) == -UX_ENOTDIR);
	UNIT_CHECK(vfs_fchdir(&P, 99) == -UX_EBADF);
	UNIT_CHECK(vfs_fchdir(&P, vopen("/d", O_PATH)) == 0);
	UNIT_CHECK_STR(cwd(), "/d");
	vmkfile("rel", "r");
	UNIT_CHECK(vnode("/d/rel") != NULL);
	UNIT_CHECK(sym("/d", "/sd") == 0);
	UNIT_CHECK(vfs_chdir(&P, "/") == 0);
	UNIT_CHECK(vfs_chdir(&P, "/sd") == 0);
	UNIT_CHECK_STR(cwd(), "/d");
	vteardown();
}

static void removed_cwd(void)
{
	int fd;

	vsetup();
	vmkdir("/d");
	UNIT_CHECK(vfs_chdir(&P, "/d") == 0);
	fd = vopen(".", O_RDONLY);
	UNIT_CHECK(rmd("/d") == 0);
	UNIT_CHECK(vfs_getcwd(&P, (char[64]){ 0 }, 64) == -UX_ENOENT);
	UNIT_CHECK(vopen("x", O_CREAT | O_RDWR) == -UX_ENOENT);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "y", 0755) == -UX_ENOENT);
	UNIT_CHECK(vopen(".", O_RDONLY) >= 0);
	UNIT_CHECK(vfs_getdents64(&P, fd, (char[64]){ 0 }, 64) == -UX_ENOENT);
	UNIT_CHECK(vfs_fchdir(&P, fd) == 0);
	UNIT_CHECK(vfs_chdir(&P, "/") == 0);
	vteardown();
}

/* The removed directory's old parent was removed too: ".." still reaches
 * it, as on Linux, and takes no new names; both go once nobody is in
 * them (vteardown checks that no node is left). */
static void dotdot_from_removed_cwd_reaches_its_removed_parent(void)
{
	struct tmpfs_node *n, *a;
	uint64_t nodes;

	vsetup();
	nodes = v.fs.nodes;
	vmkdir("/a");
	vmkdir("/a/b");
	UNIT_CHECK(vfs_lookup(&P, AT_FDCWD, "/a", 0, &a) == 0);
	vfs_node_put(&v, a);
	UNIT_CHECK(vfs_chdir(&P, "/a/b") == 0);
	UNIT_CHECK(rmd("/a/b") == 0);
	UNIT_CHECK(rmd("/a") == 0);
	UNIT_CHECK(vfs_lookup(&P, AT_FDCWD, "..", 0, &n) == 0 && n == a);
	vfs_node_put(&v, n);
	UNIT_CHECK(vopen("../x", O_CREAT | O_RDWR) == -UX_ENOENT);
	UNIT_CHECK(vfs_mkdirat(&P, AT_FDCWD, "../x", 0755) == -UX_ENOENT);
	UNIT_CHECK(vfs_lookup(&P, AT_FDCWD, "./../..", 0, &n) == 0 && n == v.fs.root);
	vfs_node_put(&v, n);
	UNIT_CHECK(vfs_chdir(&P, "..") == 0);   /* into /a: b is freed, a stays */
	UNIT_CHECK(v.fs.nodes == nodes + 1);
	UNIT_CHECK(vfs_chdir(&P, "..") == 0 && !strcmp(cwd(), "/"));
	UNIT_CHECK(v.fs.nodes == nodes);
	vteardown();
}

static void umask_returns_the_old_mask(void)
{
	vsetup();
	UNIT_CHECK(vfs_umask(&P, 0777) == 022);
	UNIT_CHECK(vfs_umask(&P, 0177777) == 0777);
	UNIT_CHECK(vfs_umask(&P, 022) == 0777);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(mkdir_modes_and_errors),
	UNIT_CASE(unlink_rules),
	UNIT_CASE(rmdir_rules),
	UNIT_CASE(rename_rules),
	UNIT_CASE(link_rules),
	UNIT_CASE(linkat_empty_path_of_an_unlinked_file_is_enoent),
	UNIT_CASE(symlink_and_readlink),
	UNIT_CASE(getcwd_walks_up_to_the_root),
	UNIT_CASE(getcwd_past_4096_bytes_is_enametoolong),
	UNIT_CASE(chdir_and_fchdir),
	UNIT_CASE(removed_cwd),
	UNIT_CASE(dotdot_from_removed_cwd_reaches_its_removed_parent),
	UNIT_CASE(umask_returns_the_old_mask),
};

UNIT_MAIN("vfs_names", cases)
