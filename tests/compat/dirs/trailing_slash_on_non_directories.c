/* A trailing slash asks for a directory: on a file name it is ENOTDIR for
 * unlink, rmdir, rename, link and lstat; on a directory it is harmless for
 * rename and rmdir; creating a file or symlink with a trailing slash fails,
 * and unlink of a directory with one is EISDIR. */
#include "../compat.h"

int main(void)
{
	struct stat st;

	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	need("symlink", symlink("d", "ld") == 0);
	need("symlink", symlink("f", "lf") == 0);
	show("unlink f/", unlink("f/"));
	show("unlink d/", unlink("d/"));
	show("rmdir f/", rmdir("f/"));
	show("lstat f/", lstat("f/", &st));
	show("lstat ld/", lstat("ld/", &st));
	check("  ld/ is the directory", S_ISDIR(st.st_mode));
	show("lstat lf/", lstat("lf/", &st));
	show("rename f/ g", rename("f/", "g"));
	show("rename f g/", rename("f", "g/"));
	check("f still there", access("f", F_OK) == 0);
	show("link f/ g", link("f/", "g"));
	show("link f g/", link("f", "g/"));
	show("symlink f s/", symlink("f", "s/"));
	show_ok("open O_CREAT new/", open("new/", O_WRONLY | O_CREAT, 0644));
	check("new not created", access("new", F_OK) != 0);
	show("rename d/ e", rename("d/", "e"));
	show("rename e e2/", rename("e", "e2/"));
	show("rmdir e2//", rmdir("e2//"));
	show("mkdir d2//", mkdir("d2//", 0755));
	show("rmdir ld/", rmdir("ld/"));
	show("unlink ld/", unlink("ld/"));
	show("unlink lf/", unlink("lf/"));
	show("unlink ld", unlink("ld"));
	show("rmdir d2", rmdir("d2"));
	return 0;
}
