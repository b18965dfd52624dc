/* mkdir keeps the sticky bit of its mode but drops setuid and setgid; a
 * directory made inside a setgid directory inherits setgid; open(O_CREAT)
 * keeps all of 07777 less the umask; type bits in mkdir's mode are
 * ignored. */
#include "../compat.h"

static void show_mode(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		printf("%s: %s\n", path, errname(errno));
	else
		printf("%s: mode %06o\n", path, st.st_mode);
}

int main(void)
{
	scratch_enter();
	show("mkdir 07777", mkdir("all", 07777));
	show_mode("all");
	show("mkdir 01700", mkdir("sticky", 01700));
	show_mode("sticky");
	show("mkdir 04755", mkdir("setuid", 04755));
	show_mode("setuid");
	show("mkdir with type bits", mkdir("typed", S_IFREG | 0750));
	show_mode("typed");
	show("chmod parent 02755", chmod("setuid", 02755));
	show("mkdir inside setgid dir", mkdir("setuid/child", 0700));
	show_mode("setuid/child");
	show("mkdir inside, umask 0", (umask(0), mkdir("setuid/child2", 0777)));
	show_mode("setuid/child2");
	umask(022);
	show("creat 06777", close(open("file", O_CREAT | O_WRONLY, 06777)));
	show_mode("file");
	show("creat 01644", close(open("file2", O_CREAT | O_WRONLY, 01644)));
	show_mode("file2");
	show("creat with type bits", close(open("file3", O_CREAT | O_WRONLY, S_IFDIR | 0640)));
	show_mode("file3");
	return 0;
}
