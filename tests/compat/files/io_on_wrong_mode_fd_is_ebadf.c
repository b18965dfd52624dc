/* Reading a write-only descriptor and writing a read-only one are EBADF,
 * as are negative and never-opened descriptors. */
#include "../compat.h"

int main(void)
{
	char c;
	int r, w;

	scratch_enter();
	write_file("f", "x");
	r = open("f", O_RDONLY);
	w = open("f", O_WRONLY);
	show("write to O_RDONLY", write(r, "y", 1));
	show("read from O_WRONLY", read(w, &c, 1));
	show("pwrite to O_RDONLY", pwrite(r, "y", 1, 0));
	show("pread from O_WRONLY", pread(w, &c, 1, 0));
	show("read fd -1", read(-1, &c, 1));
	show("write fd 999", write(999, "y", 1));
	show("ftruncate O_RDONLY", ftruncate(r, 0));
	return 0;
}
