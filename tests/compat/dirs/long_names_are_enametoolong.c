/* A component longer than 255 bytes, or a path of 4096 bytes or more, is
 * ENAMETOOLONG; a 255-byte component is fine. */
#include "../compat.h"

int main(void)
{
	static char name[300], path[5000];
	struct stat st;
	int fd;

	scratch_enter();
	memset(name, 'n', 255);
	fd = open(name, O_WRONLY | O_CREAT, 0644);
	show_ok("create 255-byte name", fd);
	close(fd);
	show("stat it", stat(name, &st));
	show("unlink it", unlink(name));
	memset(name, 'n', 256);
	show_ok("open 256-byte name", open(name, O_WRONLY | O_CREAT, 0644));
	show("mkdir 256-byte name", mkdir(name, 0755));
	show("stat 256-byte name", stat(name, &st));
	for (int i = 0; i < 4500; i += 2)
		memcpy(path + i, "a/", 2);
	show_ok("open 4500-byte path", open(path, O_RDONLY));
	show("chdir 4500-byte path", chdir(path));
	memset(path, 0, sizeof(path));
	for (int i = 0; i < 4094; i += 2)
		memcpy(path + i, "./", 2);
	path[4094] = '.';
	show_ok("open 4095-byte path", open(path, O_RDONLY | O_DIRECTORY));
	path[4095] = '/';
	show_ok("open 4096-byte path", open(path, O_RDONLY | O_DIRECTORY));
	return 0;
}
