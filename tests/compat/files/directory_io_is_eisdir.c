/* A directory cannot be opened for writing, nor read() like a file. */
#include "../compat.h"

int main(void)
{
	char buf[16];
	int fd;

	scratch_enter();
	need("mkdir", mkdir("d", 0755) == 0);
	show_ok("open dir O_WRONLY", open("d", O_WRONLY));
	show_ok("open dir O_RDWR", open("d", O_RDWR));
	show_ok("open dir O_CREAT|O_WRONLY", open("d", O_WRONLY | O_CREAT, 0644));
	fd = open("d", O_RDONLY);
	show_ok("open dir O_RDONLY", fd);
	show("read dir", read(fd, buf, sizeof(buf)));
	show("write dir", write(fd, "x", 1));
	show("ftruncate dir", ftruncate(fd, 0));
	show("truncate dir", truncate("d", 0));
	close(fd);
	return 0;
}
