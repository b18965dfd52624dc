/* prctl's PR_SET_NAME and PR_GET_NAME: the name starts as the program's
 * file name cut to 15 bytes; a set name is cut to 15 bytes too (only
 * those are read: 15 bytes at the very end of a mapping are enough);
 * PR_GET_NAME writes all 16 bytes, zero after the name; EFAULT for bad
 * pointers; EINVAL for options Linux does not have. */
#include "../compat.h"
#include <sys/mman.h>
#include <sys/prctl.h>

static char name[16];

static void show_name(const char *label)
{
	memset(name, 0x5a, sizeof(name));
	long r = syscall(SYS_prctl, PR_GET_NAME, name, 0, 0, 0);
	if (r < 0) {
		show(label, r);
		return;
	}
	int zeros = 1;
	for (size_t i = strlen(name); i < sizeof(name); i++)
		zeros &= name[i] == 0;
	printf("%s: \"%s\", rest zero: %s\n", label, name, zeros ? "yes" : "no");
}

int main(int argc, char **argv)
{
	char expect[16];
	const char *base = strrchr(argv[0], '/');

	(void)argc;
	snprintf(expect, sizeof(expect), "%s", base ? base + 1 : argv[0]);
	show_name("at start");
	check("the program's name cut to 15 bytes", strcmp(name, expect) == 0);

	show("set \"short\"", syscall(SYS_prctl, PR_SET_NAME, "short", 0, 0, 0));
	show_name("now");
	show("set a long name", syscall(SYS_prctl, PR_SET_NAME, "a-name-longer-than-fifteen",
					0, 0, 0));
	show_name("now");
	show("set \"\"", syscall(SYS_prctl, PR_SET_NAME, "", 0, 0, 0));
	show_name("now");

	long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	need("mmap", m != MAP_FAILED);
	need("munmap", munmap(m + page, page) == 0);
	memcpy(m + page - 15, "fifteen-bytes!!", 15);
	show("set 15 bytes at a mapping's end", syscall(SYS_prctl, PR_SET_NAME, m + page - 15,
							0, 0, 0));
	show_name("now");
	memcpy(m + page - 4, "abcd", 4);
	show("set 4 bytes then the end", syscall(SYS_prctl, PR_SET_NAME, m + page - 4, 0, 0, 0));
	show_name("now");

	show("set from a bad pointer", syscall(SYS_prctl, PR_SET_NAME, (void *)8, 0, 0, 0));
	show("get into a bad pointer", syscall(SYS_prctl, PR_GET_NAME, (void *)8, 0, 0, 0));
	show("get into the last 8 bytes", syscall(SYS_prctl, PR_GET_NAME, m + page - 8, 0, 0, 0));
	show("option 0", syscall(SYS_prctl, 0, 0, 0, 0, 0));
	show("option 12345", syscall(SYS_prctl, 12345, 0, 0, 0, 0));
	show("option -1", syscall(SYS_prctl, -1, 0, 0, 0, 0));
	return 0;
}
