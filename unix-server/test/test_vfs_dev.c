/*
 * test_vfs_dev.c: character devices: /dev's nodes, null/zero/full,
 * random/urandom and the ChaCha20 under them (RFC 8439's vector), and
 * the driver interface with a fake terminal: registration, open and
 * release hooks, -UX_EPARK for a blocking read and -EAGAIN for an
 * O_NONBLOCK one, ioctl and poll passed through, ESPIPE for streams.
 */
#include "vfs_test_util.h"
#include <dirent.h>

static void dev_lists_the_linux_nodes(void)
{
	static const struct {
		const char *path;
		unsigned mode, major, minor;
	} want[] = {
		{ "/dev/console", 0600, 5, 1 }, { "/dev/tty", 0666, 5, 0 },
		{ "/dev/null", 0666, 1, 3 },    { "/dev/zero", 0666, 1, 5 },
		{ "/dev/full", 0666, 1, 7 },    { "/dev/random", 0666, 1, 8 },
		{ "/dev/urandom", 0666, 1, 9 },
	};
	struct linux_stat st;
	uint8_t buf[1024];
	int64_t len, at = 0;
	int n = 0;

	vsetup();
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, want[i].path, &st, 0) == 0);
		UNIT_CHECK(st.st_mode == (S_IFCHR | want[i].mode));
		UNIT_CHECK(st.st_rdev == linux_makedev(want[i].major, want[i].minor));
		UNIT_CHECK(st.st_uid == 0 && st.st_gid == 0 && st.st_size == 0);
	}
	UNIT_CHECK(vfs_newfstatat(&P, AT_FDCWD, "/dev", &st, 0) == 0);
	UNIT_CHECK(st.st_mode == (S_IFDIR | 0755));
	len = vfs_getdents64(&P, vopen("/dev", O_RDONLY), buf, sizeof(buf));
	while (at < len) {
		const struct linux_dirent64 *d = (const void *)(buf + at);

		if (d->d_name[0] != '.')
			UNIT_CHECK(d->d_type == DT_CHR && ++n);
		at += d->d_reclen;
	}
	UNIT_CHECK(n == 7);
	vteardown();
}

static void make_nodes_replaces_what_the_image_had(void)
{
	vsetup();
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/dev/null", 0) == 0);
	vmkfile("/dev/null", "stale");
	UNIT_CHECK(dev_make_nodes(&v) == 0);
	UNIT_CHECK(vnode("/dev/null")->mode == (S_IFCHR | 0666));
	UNIT_CHECK(vfs_unlinkat(&P, AT_FDCWD, "/dev/zero", 0) == 0);
	vmkdir("/dev/zero");
	UNIT_CHECK(dev_make_nodes(&v) == -UX_EISDIR);
	vteardown();
}

static void make_nodes_makes_dev_when_missing(void)
{
	struct vfs w;

	test_fail_in = -1;
	UNIT_CHECK(vfs_init(&w, &test_env, 1) == 0);
	UNIT_CHECK(dev_make_nodes(&w) == 0);
	UNIT_CHECK(tmpfs_walk(&w.fs, w.fs.root, "/dev/urandom", 0, &(struct tmpfs_node *){ 0 }) == 0);
	vfs_destroy(&w);
	UNIT_CHECK(vfs_init(&w, &test_env, 1) == 0);
	UNIT_CHECK(tmpfs_create(&w.fs, w.fs.root, "dev", 3, 0644, 0, 0, NULL) == 0);
	UNIT_CHECK(dev_make_nodes(&w) == -UX_ENOTDIR);
	vfs_destroy(&w);
	UNIT_CHECK(test_live_bytes == 0);
}

static void null_zero_full(void)
{
	char buf[16];
	int n, z, f;

	vsetup();
	n = vopen("/dev/null", O_RDWR);
	z = vopen("/dev/zero", O_RDWR);
	f = vopen("/dev/full", O_RDWR);
	UNIT_CHECK(vfs_read(&P, n, buf, sizeof(buf)) == 0);
	UNIT_CHECK(vfs_write(&P, n, "abc", 3) == 3);
	memset(buf, 'x', sizeof(buf));
	UNIT_CHECK(vfs_read(&P, z, buf, 10) == 10);
	UNIT_CHECK(buf[0] == 0 && buf[9] == 0 && buf[10] == 'x');
	UNIT_CHECK(vfs_write(&P, z, "abc", 3) == 3);
	memset(buf, 'x', sizeof(buf));
	UNIT_CHECK(vfs_read(&P, f, buf, 4) == 4 && buf[3] == 0);
	UNIT_CHECK(vfs_write(&P, f, "a", 1) == -UX_ENOSPC);
	UNIT_CHECK(vfs_write(&P, f, "", 0) == -UX_ENOSPC);
	UNIT_CHECK(vfs_lseek(&P, n, 100, SEEK_SET) == 0);
	UNIT_CHECK(vfs_lseek(&P, z, 100, SEEK_END) == 0);
	UNIT_CHECK(vfs_lseek(&P, f, 100, SEEK_CUR) == 0);
	UNIT_CHECK(vfs_pread64(&P, n, buf, 10, 5) == 0);
	UNIT_CHECK(vfs_pread64(&P, z, buf, 10, 5) == 10);
	UNIT_CHECK(vfs_pread64(&P, z, buf, 10, -1) == -UX_EINVAL);
	UNIT_CHECK(vfs_pwrite64(&P, f, "a", 1, 0) == -UX_ENOSPC);
	UNIT_CHECK(vfs_ioctl(&P, n, 0x5401, 0, NULL, 0) == -UX_ENOTTY);
	UNIT_CHECK(vfs_ioctl(&P, n, LINUX_FIONREAD, 0, buf, 4) == -UX_ENOTTY);
	UNIT_CHECK(vfs_poll(&P, z, LINUX_POLLIN | LINUX_POLLOUT) == (LINUX_POLLIN | LINUX_POLLOUT));
	UNIT_CHECK(vfs_write(&P, vopen("/dev/null", O_RDONLY), "a", 1) == -UX_EBADF);
	vteardown();
}

/* RFC 8439 2.3.2: key 00..1f, counter 1, nonce 00 00 00 09 00 00 00 4a 00 00 00 00. */
static void chacha20_block_matches_rfc8439(void)
{
	static const uint8_t want[64] = {
		0x10, 0xf1, 0xe7, 0xe4, 0xd1, 0x3b, 0x59, 0x15, 0x50, 0x0f, 0xdd, 0x1f, 0xa3, 0x20,
		0x71, 0xc4, 0xc7, 0xd1, 0xf4, 0xc7, 0x33, 0xc0, 0x68, 0x03, 0x04, 0x22, 0xaa, 0x9a,
		0xc3, 0xd4, 0x6c, 0x4e, 0xd2, 0x82, 0x64, 0x46, 0x07, 0x9f, 0xaa, 0x09, 0x14, 0xc2,
		0xd7, 0x05, 0xd9, 0x8b, 0x02, 0xa2, 0xb5, 0x12, 0x9c, 0xd1, 0xde, 0x16, 0x4e, 0xb9,
		0xcb, 0xd0, 0x83, 0xe8, 0xa2, 0x50, 0x3c, 0x4e,
	};
	const uint32_t nonce[3] = { 0x09000000, 0x4a000000, 0 };
	uint32_t key[8];
	uint8_t out[64];

	for (int i = 0; i < 8; i++)
		key[i] = (uint32_t)(4 * i) | (uint32_t)(4 * i + 1) << 8 |
			 (uint32_t)(4 * i + 2) << 16 | (uint32_t)(4 * i + 3) << 24;
	dev_chacha20_block(key, 1, nonce, out);
	UNIT_CHECK(!memcmp(out, want, sizeof(want)));
}

static int seeds;

static void counting_seed(void *ctx, uint8_t *out, size_t len)
{
	(void)ctx;
	seeds++;
	memset(out, seeds, len);
}

static void random_never_repeats_and_reseeds(void)
{
	struct dev_random r;
	struct vfs w;
	uint8_t a[100], b[100], big[4096];

	seeds = 0;
	test_fail_in = -1;
	UNIT_CHECK(vfs_init(&w, &test_env, 1) == 0);
	UNIT_CHECK(dev_random_register(&w, &r, NULL, NULL) == -UX_EINVAL);
	UNIT_CHECK(dev_random_register(&w, &r, counting_seed, NULL) == 0);
	UNIT_CHECK(seeds == 1);
	UNIT_CHECK(dev_random_register(&w, &r, counting_seed, NULL) == -UX_EBUSY);
	dev_random_fill(&r, a, sizeof(a));
	dev_random_fill(&r, b, sizeof(b));
	UNIT_CHECK(memcmp(a, b, sizeof(a)) != 0);
	UNIT_CHECK(memcmp(a, a + 50, 50) != 0);
	for (int i = 0; i < 256; i++)
		dev_random_fill(&r, big, sizeof(big));
	UNIT_CHECK(seeds == 1);
	dev_random_fill(&r, big, sizeof(big));
	UNIT_CHECK(seeds == 2);
	dev_random_fill(&r, big, sizeof(big));
	UNIT_CHECK(seeds == 2);
	vfs_destroy(&w);
}

static void random_devices_read_and_accept_writes(void)
{
	uint8_t a[64] = { 0 }, b[64] = { 0 }, zero[64] = { 0 };
	int fd, u;

	vsetup();
	fd = vopen("/dev/random", O_RDONLY);
	u = vopen("/dev/urandom", O_RDWR);
	UNIT_CHECK(vfs_read(&P, fd, a, sizeof(a)) == 64);
	UNIT_CHECK(vfs_read(&P, u, b, sizeof(b)) == 64);
	UNIT_CHECK(memcmp(a, zero, 64) && memcmp(b, zero, 64) && memcmp(a, b, 64));
	UNIT_CHECK(vfs_write(&P, u, "entropy", 7) == 7);
	UNIT_CHECK(vfs_lseek(&P, u, 100, SEEK_SET) == 0);
	UNIT_CHECK(vfs_pread64(&P, u, a, 10, 5) == 10);
	vteardown();
}

/* A terminal-like device: reads park until input arrives. */
struct fake_tty {
	char input[16];
	size_t have;
	int opens, releases;
	bool busy;              /* refuse opens */
	uint32_t open_flags;    /* as the open hook saw them */
	unsigned last_cmd;
	uint64_t deadline_ns;   /* nonzero: a read parks with this deadline */
	const struct vfs_wait *wait_seen;       /* as the last read saw it */
};

static int fake_open(void *dev, struct vfs_file *f)
{
	struct fake_tty *t = dev;

	if (t->busy)
		return -UX_EBUSY;
	t->open_flags = f->flags;
	t->opens++;
	f->priv = t;
	return 0;
}

static void fake_release(void *dev, struct vfs_file *f)
{
	(void)f;
	((struct fake_tty *)dev)->releases++;
}

static int64_t fake_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			 struct vfs_wait *wait)
{
	struct fake_tty *t = dev;

	(void)f;
	t->wait_seen = wait;
	if (!t->have) {
		if (wait && t->deadline_ns) {
			if (wait->since_ns >= t->deadline_ns)
				return 0;       /* as a VTIME read that ran out */
			wait->timed = true;
		}
		return -UX_EPARK;
	}
	if (len > t->have)
		len = t->have;
	memcpy(buf, t->input, len);
	memmove(t->input, t->input + len, t->have - len);
	t->have -= len;
	return (int64_t)len;
}

static int64_t fake_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	(void)dev, (void)f, (void)buf;
	return (int64_t)len;
}

static int64_t fake_ioctl(void *dev, struct vfs_file *f, unsigned cmd, uint64_t arg,
			  void *buf, size_t len)
{
	struct fake_tty *t = dev;

	(void)f, (void)arg;
	t->last_cmd = cmd;
	if (cmd != 0x5401)
		return -UX_ENOTTY;
	memset(buf, 0x11, len);
	return 0;
}

static unsigned fake_poll(void *dev, struct vfs_file *f)
{
	(void)f;
	return LINUX_POLLOUT | (((struct fake_tty *)dev)->have ? LINUX_POLLIN : 0);
}

static const struct vfs_chardev_ops fake_ops = {
	.open = fake_open, .release = fake_release, .read = fake_read, .write = fake_write,
	.ioctl = fake_ioctl, .poll = fake_poll,
};

static void terminals_need_a_registered_driver(void)
{
	vsetup();
	UNIT_CHECK(vopen("/dev/console", O_RDWR) == -UX_ENXIO);
	UNIT_CHECK(vopen("/dev/tty", O_RDWR) == -UX_ENXIO);
	UNIT_CHECK(vopen("/dev/tty", O_PATH) >= 0);
	UNIT_CHECK(v.files == 1);
	vteardown();
}

static void registered_driver_gets_the_calls(void)
{
	struct fake_tty t = { 0 };
	struct vfs_file *held;
	char buf[8], termios[60];
	int fd, dupfd, nb;

	vsetup();
	UNIT_CHECK(vfs_chardev_register(&v, 5, 1, &fake_ops, &t) == 0);
	UNIT_CHECK(vfs_chardev_register(&v, 5, 1, &fake_ops, &t) == -UX_EBUSY);
	UNIT_CHECK(vfs_chardev_register(&v, 5, 2, NULL, &t) == -UX_EINVAL);
	fd = vopen("/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);
	UNIT_CHECK(fd >= 0 && t.opens == 1);
	UNIT_CHECK(t.open_flags & O_NOCTTY);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_GETFL, 0) == (O_RDWR | LINUX_O_LARGEFILE));
	t.busy = true;
	UNIT_CHECK(vopen("/dev/console", O_RDWR) == -UX_EBUSY);
	t.busy = false;
	UNIT_CHECK(t.opens == 1 && t.releases == 0 && v.files == 1);
	UNIT_CHECK(vfs_read(&P, fd, buf, sizeof(buf)) == -UX_EPARK && !t.wait_seen);
	UNIT_CHECK(vfs_poll(&P, fd, LINUX_POLLIN) == 0);
	/* A read with its call behind it: the driver sees when the call came
	 * and can ask to be tried again as time passes. */
	struct vfs_wait wait = { .since_ns = 100 };
	t.deadline_ns = 150;
	UNIT_CHECK(vfs_read_call(&P, fd, buf, sizeof(buf), &wait) == -UX_EPARK);
	UNIT_CHECK(t.wait_seen == &wait && wait.timed);
	wait = (struct vfs_wait){ .since_ns = 150 };
	UNIT_CHECK(vfs_read_call(&P, fd, buf, sizeof(buf), &wait) == 0 && !wait.timed);
	t.deadline_ns = 0;
	memcpy(t.input, "ls\n", 3);
	t.have = 3;
	UNIT_CHECK(vfs_poll(&P, fd, LINUX_POLLIN | LINUX_POLLOUT) ==
		   (LINUX_POLLIN | LINUX_POLLOUT));
	UNIT_CHECK(vfs_read(&P, fd, buf, sizeof(buf)) == 3 && !memcmp(buf, "ls\n", 3));
	UNIT_CHECK(vfs_write(&P, fd, "out", 3) == 3);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, SEEK_SET) == -UX_ESPIPE);
	UNIT_CHECK(vfs_pread64(&P, fd, buf, 1, 0) == -UX_ESPIPE);
	UNIT_CHECK(vfs_pwrite64(&P, fd, buf, 1, 0) == -UX_ESPIPE);
	UNIT_CHECK(vfs_ioctl(&P, fd, 0x5401, 0, termios, sizeof(termios)) == 0);
	UNIT_CHECK(termios[59] == 0x11 && t.last_cmd == 0x5401);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIONREAD, 0, buf, 4) == -UX_ENOTTY);
	UNIT_CHECK(vfs_ioctl(&P, fd, LINUX_FIOCLEX, 0, NULL, 0) == 0 && t.last_cmd == LINUX_FIONREAD);

	nb = 1;
	dupfd = vfs_dup(&P, fd);
	UNIT_CHECK(vfs_ioctl(&P, dupfd, LINUX_FIONBIO, 0, &nb, sizeof(nb)) == 0);
	UNIT_CHECK(vfs_read(&P, fd, buf, sizeof(buf)) == -UX_EAGAIN);
	UNIT_CHECK(vfs_fcntl(&P, fd, F_SETFL, 0) == 0);
	UNIT_CHECK(vfs_read(&P, dupfd, buf, sizeof(buf)) == -UX_EPARK);

	/* A parked call keeps the file across the app's close. */
	UNIT_CHECK(vfs_fget(&P, fd, &held) == 0);
	UNIT_CHECK(vfs_close(&P, fd) == 0 && vfs_close(&P, dupfd) == 0);
	UNIT_CHECK(t.releases == 0);
	t.have = 1;
	t.input[0] = 'x';
	UNIT_CHECK(vfs_file_read(&v, held, buf, 8) == 1 && buf[0] == 'x');
	UNIT_CHECK(vfs_file_write(&v, held, "y", 1) == 1);
	vfs_file_put(&v, held);
	UNIT_CHECK(t.releases == 1 && v.files == 0);
	vteardown();
}

static void device_without_operations_gives_linux_defaults(void)
{
	static const struct vfs_chardev_ops bare = { 0 };
	char buf[4];
	int fd;

	vsetup();
	UNIT_CHECK(vfs_chardev_register(&v, 5, 0, &bare, NULL) == 0);
	fd = vopen("/dev/tty", O_RDWR);
	UNIT_CHECK(vfs_read(&P, fd, buf, 4) == -UX_EINVAL);
	UNIT_CHECK(vfs_write(&P, fd, buf, 4) == -UX_EINVAL);
	UNIT_CHECK(vfs_ioctl(&P, fd, 0x5401, 0, NULL, 0) == -UX_ENOTTY);
	UNIT_CHECK(vfs_poll(&P, fd, LINUX_POLLIN) == LINUX_POLLIN);
	UNIT_CHECK(vfs_lseek(&P, fd, 0, SEEK_CUR) == -UX_ESPIPE);
	vteardown();
}

static void chardev_table_fills_up(void)
{
	static const struct vfs_chardev_ops bare = { 0 };
	int err = 0, i;

	vsetup();
	for (i = 0; i < 100 && !err; i++)
		err = vfs_chardev_register(&v, 200, (uint32_t)i, &bare, NULL);
	UNIT_CHECK(err == -UX_ENOSPC && i == VFS_CHARDEV_MAX - 5 + 1);
	UNIT_CHECK(vfs_chardev_find(&v, linux_makedev(200, 0)) != NULL);
	UNIT_CHECK(vfs_chardev_find(&v, linux_makedev(200, 99)) == NULL);
	vteardown();
}

static const struct unit_case cases[] = {
	UNIT_CASE(dev_lists_the_linux_nodes),
	UNIT_CASE(make_nodes_replaces_what_the_image_had),
	UNIT_CASE(make_nodes_makes_dev_when_missing),
	UNIT_CASE(null_zero_full),
	UNIT_CASE(chacha20_block_matches_rfc8439),
	UNIT_CASE(random_never_repeats_and_reseeds),
	UNIT_CASE(random_devices_read_and_accept_writes),
	UNIT_CASE(terminals_need_a_registered_driver),
	UNIT_CASE(registered_driver_gets_the_calls),
	UNIT_CASE(device_without_operations_gives_linux_defaults),
	UNIT_CASE(chardev_table_fills_up),
};

UNIT_MAIN("vfs_dev", cases)
