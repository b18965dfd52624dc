/*
 * initramfs.h: fills a tmpfs from a newc cpio archive, as Linux unpacks
 * its initramfs: directories, regular files, symlinks (the entry's data
 * is the target), device nodes, fifos and sockets, with their modes,
 * owners and mtimes; hard links (newc entries sharing dev and ino with
 * nlink > 1; the data comes with one of them, GNU cpio puts it on the
 * last); missing parent directories made 0755; the "." entry sets the
 * root's attributes. A later entry replaces an earlier one of the same
 * name, except that a directory over a directory only updates attributes.
 */
#ifndef UX_FS_INITRAMFS_H
#define UX_FS_INITRAMFS_H

#include "cpio.h"
#include "tmpfs.h"

/*
 * Regular files point at their data in the archive instead of copying it:
 * only when the archive stays mapped, unchanged, as long as the file
 * system (a boot module the server keeps). A file's first write that
 * grows it or any write copies its data (tmpfs_file.c).
 */
#define INITRAMFS_BORROW 1

struct initramfs_result {
	unsigned entries;       /* entries applied */
	int cpio_error;         /* CPIO_E* when the archive is malformed, else 0 */
	size_t offset;          /* of the entry that failed */
	const char *name;       /* and its name (in the archive), or NULL */
};

/* 0, or a negative errno (-UX_EINVAL for a malformed archive). */
int initramfs_load(struct tmpfs *fs, const void *archive, size_t size, unsigned flags,
		   struct initramfs_result *res);

#endif
