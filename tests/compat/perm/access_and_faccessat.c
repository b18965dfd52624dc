/* access and faccessat check existence and execute bits (results that do
 * not depend on being root): F_OK on missing is ENOENT, X_OK on a file
 * with no execute bit is EACCES, bad modes and flags are EINVAL. */
#include "../compat.h"

int main(void)
{
	int dir;

	scratch_enter();
	write_file("plain", "x");
	write_file("tool", "x");
	need("chmod", chmod("plain", 0644) == 0 && chmod("tool", 0755) == 0);
	need("mkdir", mkdir("d", 0755) == 0);
	show("F_OK plain", access("plain", F_OK));
	show("R_OK plain", access("plain", R_OK));
	show("X_OK plain", access("plain", X_OK));
	show("X_OK tool", access("tool", X_OK));
	show("R_OK|X_OK tool", access("tool", R_OK | X_OK));
	show("X_OK dir", access("d", X_OK));
	show("F_OK missing", access("missing", F_OK));
	show("F_OK under a file", access("plain/x", F_OK));
	show("bad mode", syscall(SYS_access, "plain", 0x10));
	dir = open("d", O_RDONLY | O_DIRECTORY);
	need("write", symlinkat("../tool", dir, "t") == 0);
	show("faccessat via dirfd", syscall(SYS_faccessat, dir, "t", X_OK));
	show("faccessat AT_FDCWD", syscall(SYS_faccessat, AT_FDCWD, "plain", R_OK));
	show("faccessat2 AT_EACCESS", syscall(SYS_faccessat2, AT_FDCWD, "tool", X_OK, AT_EACCESS));
	show("faccessat2 AT_SYMLINK_NOFOLLOW", syscall(SYS_faccessat2, dir, "t", F_OK, AT_SYMLINK_NOFOLLOW));
	show("faccessat2 bad flag", syscall(SYS_faccessat2, AT_FDCWD, "plain", F_OK, 0x1));
	return 0;
}
