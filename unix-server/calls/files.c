/*
 * files.c: a process's files (files.h).
 */
#include "files.h"
#include "server/process.h"
#include "server/server.h"


int files_init_console(struct process *p)
{
	struct vfs_proc *f = native_calloc(1, sizeof(*f));
	int r;

	if (!f)
		return -UX_ENOMEM;
	if ((r = vfs_proc_init(f, &server.vfs)) < 0) {
		native_free(f);
		return r;
	}
	p->files = f;
	static const uint32_t modes[3] = { LINUX_O_RDONLY, LINUX_O_WRONLY, LINUX_O_WRONLY };
	for (int fd = 0; fd < 3; fd++) {
		r = vfs_openat(f, LINUX_AT_FDCWD, "/dev/console", modes[fd], 0);
		if (r != fd) {
			files_release(p);
			return r < 0 ? r : -UX_EBADF;
		}
	}
	return 0;
}

void files_release(struct process *p)
{
	if (!p->files)
		return;
	vfs_proc_release(p->files);
	native_free(p->files);
	p->files = NULL;
}
