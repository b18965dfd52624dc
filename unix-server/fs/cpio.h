/*
 * cpio.h: a reader for "newc" cpio archives (magic 070701, and 070702
 * whose data checksum it verifies), the format of Linux initramfs images.
 *
 * cpio_open() starts a reader over archive bytes it never copies;
 * cpio_next() yields one entry at a time until the "TRAILER!!!" entry.
 * Every field is bounds-checked against the archive size: a truncated or
 * malformed archive gives a CPIO_E* error, never an out-of-bounds read.
 * Name and data pointers in an entry point into the archive.
 */
#ifndef UX_FS_CPIO_H
#define UX_FS_CPIO_H

#include "fs_lib.h"

#define CPIO_HEADER_SIZE 110

enum cpio_result {
	CPIO_ENTRY = 1,         /* cpio_next filled in an entry */
	CPIO_END = 0,           /* the trailer was reached */
	CPIO_ETRUNCATED = -1,   /* the archive ends inside a header */
	CPIO_EMAGIC = -2,       /* not 070701 / 070702 */
	CPIO_EFIELD = -3,       /* a header field is not 8 hex digits */
	CPIO_ENAME = -4,        /* name size 0, past the end, or not NUL-terminated */
	CPIO_EDATA = -5,        /* file data runs past the end */
	CPIO_ECHECKSUM = -6,    /* 070702 data does not add up to its check */
	CPIO_ENOTRAILER = -7,   /* the archive ends without "TRAILER!!!" */
};

struct cpio_entry {
	const char *name;       /* NUL-terminated, inside the archive */
	size_t name_len;        /* without the NUL */
	const void *data;       /* file contents or symlink target */
	size_t size;
	uint32_t ino, mode, uid, gid, nlink, mtime;
	uint32_t dev_major, dev_minor, rdev_major, rdev_minor;
	uint32_t check;
	size_t offset;          /* of the header in the archive */
};

struct cpio_reader {
	const uint8_t *base;
	size_t size;
	size_t pos;
	int state;              /* CPIO_ENTRY while entries may follow */
};

void cpio_open(struct cpio_reader *r, const void *archive, size_t size);
int cpio_next(struct cpio_reader *r, struct cpio_entry *e);
const char *cpio_strerror(int result);

#endif
