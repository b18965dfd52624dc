/*
 * cpio.c: the newc cpio reader (see cpio.h).
 *
 * Layout of an entry: a 110-byte header ("070701", then 13 fields of 8
 * hex digits), the name with its NUL (namesize counts it), padding so that
 * header plus name is a multiple of 4, then filesize bytes of data padded
 * to a multiple of 4. Offsets are computed in size_t after checking each
 * step against the bytes left, so no sum can overflow.
 */
#include "cpio.h"

enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	F_COUNT
};

static const char trailer[] = "TRAILER!!!";

void cpio_open(struct cpio_reader *r, const void *archive, size_t size)
{
	r->base = archive;
	r->size = size;
	r->pos = 0;
	r->state = CPIO_ENTRY;
}

static int hex_field(const uint8_t *p, uint32_t *out)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		uint8_t c = p[i];
		uint32_t d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return CPIO_EFIELD;
		v = v << 4 | d;
	}
	*out = v;
	return 0;
}

static size_t pad4(size_t n)
{
	return (4 - (n & 3)) & 3;
}

static bool fits(const struct cpio_reader *r, size_t pos, size_t n)
{
	return n <= r->size - pos;
}

/*
 * Past n bytes at pos and their padding to 4. Padding the archive lacks
 * at its very end is forgiven: the next read then finds no trailer.
 */
static size_t skip_padded(const struct cpio_reader *r, size_t pos, size_t n)
{
	pos += n;
	return pad4(pos) <= r->size - pos ? pos + pad4(pos) : r->size;
}

static int parse_header(const uint8_t *h, uint32_t f[F_COUNT], bool *crc)
{
	if (memcmp(h, "07070", 5) || (h[5] != '1' && h[5] != '2'))
		return CPIO_EMAGIC;
	*crc = h[5] == '2';
	for (int i = 0; i < F_COUNT; i++)
		if (hex_field(h + 6 + 8 * i, &f[i]))
			return CPIO_EFIELD;
	return 0;
}

static void fill_entry(struct cpio_entry *e, const uint32_t f[F_COUNT])
{
	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->dev_major = f[F_DEVMAJOR];
	e->dev_minor = f[F_DEVMINOR];
	e->rdev_major = f[F_RDEVMAJOR];
	e->rdev_minor = f[F_RDEVMINOR];
	e->check = f[F_CHECK];
	e->size = f[F_FILESIZE];
}

static bool checksum_ok(const struct cpio_entry *e)
{
	const uint8_t *p = e->data;
	uint32_t sum = 0;

	for (size_t i = 0; i < e->size; i++)
		sum += p[i];
	return sum == e->check;
}

static int read_entry(struct cpio_reader *r, struct cpio_entry *e)
{
	uint32_t f[F_COUNT];
	size_t pos = r->pos, namesize;
	bool crc;
	int err;

	if (r->size - pos < CPIO_HEADER_SIZE)
		return pos == r->size ? CPIO_ENOTRAILER : CPIO_ETRUNCATED;
	err = parse_header(r->base + pos, f, &crc);
	if (err)
		return err;
	fill_entry(e, f);
	e->offset = pos;
	pos += CPIO_HEADER_SIZE;
	namesize = f[F_NAMESIZE];
	if (namesize == 0 || !fits(r, pos, namesize) || r->base[pos + namesize - 1])
		return CPIO_ENAME;
	e->name = (const char *)r->base + pos;
	e->name_len = namesize - 1;
	if (strlen(e->name) != e->name_len)
		return CPIO_ENAME;
	pos = skip_padded(r, pos, namesize);
	if (!fits(r, pos, e->size))
		return CPIO_EDATA;
	e->data = r->base + pos;
	if (crc && !checksum_ok(e))
		return CPIO_ECHECKSUM;
	r->pos = skip_padded(r, pos, e->size);
	return CPIO_ENTRY;
}

int cpio_next(struct cpio_reader *r, struct cpio_entry *e)
{
	int result;

	if (r->state != CPIO_ENTRY)
		return r->state;
	result = read_entry(r, e);
	if (result == CPIO_ENTRY && e->name_len == sizeof(trailer) - 1 &&
	    !memcmp(e->name, trailer, e->name_len))
		result = CPIO_END;
	if (result != CPIO_ENTRY)
		r->state = result;
	return result;
}

const char *cpio_strerror(int result)
{
	switch (result) {
	case CPIO_ENTRY: return "entry";
	case CPIO_END: return "end of archive";
	case CPIO_ETRUNCATED: return "archive truncated inside a header";
	case CPIO_EMAGIC: return "bad magic (not newc 070701/070702)";
	case CPIO_EFIELD: return "header field is not hexadecimal";
	case CPIO_ENAME: return "bad name size or name runs past the end";
	case CPIO_EDATA: return "file data runs past the end";
	case CPIO_ECHECKSUM: return "070702 data checksum mismatch";
	case CPIO_ENOTRAILER: return "archive ends without TRAILER!!!";
	}
	return "unknown cpio error";
}
