/* rename between two hard links of one file does nothing and succeeds:
 * both names stay; rename of a symlink moves the link, not its target;
 * renaming a file onto a symlink replaces the link, not the file it names;
 * a directory onto a symlink is ENOTDIR. */
#include "../compat.h"

int main(void)
{
	struct stat st;
	char buf[16];
	long n;

	scratch_enter();
	write_file("a", "A");
	need("link", link("a", "b") == 0);
	show("rename a b (same inode)", rename("a", "b"));
	check("a still there", access("a", F_OK) == 0);
	check("b still there", access("b", F_OK) == 0);
	stat("a", &st);
	printf("nlink: %ld\n", (long)st.st_nlink);
	show("renameat2 NOREPLACE a b", syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "b", 1));
	need("symlink", symlink("a", "l") == 0);
	show("rename l m", rename("l", "m"));
	check("m is a symlink", lstat("m", &st) == 0 && S_ISLNK(st.st_mode));
	n = readlink("m", buf, sizeof(buf));
	printf("m -> %.*s\n", (int)(n > 0 ? n : 0), buf);
	check("a untouched", lstat("a", &st) == 0 && S_ISREG(st.st_mode));
	write_file("c", "C");
	show("rename c m (onto symlink)", rename("c", "m"));
	check("m is now regular", lstat("m", &st) == 0 && S_ISREG(st.st_mode));
	check("a untouched", lstat("a", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 1);
	need("symlink", symlink("a", "l2") == 0);
	show("rename l2 a (link over its target)", rename("l2", "a"));
	check("a is now the symlink", lstat("a", &st) == 0 && S_ISLNK(st.st_mode));
	show("stat a (loops to itself)", stat("a", &st));
	need("mkdir", mkdir("d", 0755) == 0);
	need("symlink", symlink("d", "ld") == 0);
	write_file("g", "G");
	show("rename g ld (symlink to dir)", rename("g", "ld"));
	check("ld is regular now", lstat("ld", &st) == 0 && S_ISREG(st.st_mode));
	check("d untouched", lstat("d", &st) == 0 && S_ISDIR(st.st_mode));
	need("symlink", symlink("d", "ld2") == 0);
	show("rename d ld2 (dir over symlink)", rename("d", "ld2"));
	check("ld2 still the symlink", lstat("ld2", &st) == 0 && S_ISLNK(st.st_mode));
	return 0;
}
