/* O_CREAT|O_EXCL fails with EEXIST on any existing name, even a dangling
 * symlink; without O_EXCL it opens the existing file. */
#include "../compat.h"

int main(void)
{
	scratch_enter();
	write_file("f", "x");
	need("mkdir", mkdir("d", 0755) == 0);
	need("symlink", symlink("nowhere", "dangling") == 0);
	show_ok("O_CREAT|O_EXCL existing file", open("f", O_WRONLY | O_CREAT | O_EXCL, 0644));
	show_ok("O_CREAT|O_EXCL existing dir", open("d", O_RDONLY | O_CREAT | O_EXCL, 0644));
	show_ok("O_CREAT|O_EXCL dangling symlink", open("dangling", O_WRONLY | O_CREAT | O_EXCL, 0644));
	check("target not created", access("nowhere", F_OK) != 0);
	show_ok("O_CREAT existing file", open("f", O_WRONLY | O_CREAT, 0644));
	show_ok("O_CREAT on a directory", open("d", O_RDONLY | O_CREAT, 0644));
	show_ok("O_CREAT through dangling symlink", open("dangling", O_WRONLY | O_CREAT, 0644));
	check("target created", access("nowhere", F_OK) == 0);
	return 0;
}
