/*
 * random.c: /dev/random and /dev/urandom over one ChaCha20 generator
 * (see dev.h for what it promises). Each request is keystream blocks
 * 1, 2, ... under the current key; block 0 then becomes the next key.
 * Reads never wait; writes are mixed into the key and accepted whole;
 * lseek leaves the position alone (Linux's noop_llseek).
 */
#include "dev.h"

static const uint32_t zero_nonce[3];

static uint32_t load32(const uint8_t *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* XORs up to 32 bytes into the key, then rekeys so every key bit depends on them. */
static void mix_block(struct dev_random *r, const uint8_t *data, size_t len)
{
	uint8_t bytes[32] = { 0 }, block[64];

	if (len)
		memcpy(bytes, data, len);
	for (int i = 0; i < 8; i++)
		r->key[i] ^= load32(bytes + 4 * i);
	dev_chacha20_block(r->key, 0, zero_nonce, block);
	for (int i = 0; i < 8; i++)
		r->key[i] = load32(block + 4 * i);
	memset(block, 0, sizeof(block));
}

void dev_random_mix(struct dev_random *r, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	while (len) {
		size_t n = len < 32 ? len : 32;

		mix_block(r, p, n);
		p += n;
		len -= n;
	}
}

static void reseed(struct dev_random *r)
{
	uint8_t seed[32];

	r->seed(r->seed_ctx, seed, sizeof(seed));
	mix_block(r, seed, sizeof(seed));
	memset(seed, 0, sizeof(seed));
	r->since_seed = 0;
}

void dev_random_fill(struct dev_random *r, void *buf, size_t len)
{
	uint8_t block[64], *out = buf;
	uint32_t counter = 1;

	if (r->since_seed >= DEV_RANDOM_RESEED_BYTES)
		reseed(r);
	while (len) {
		size_t n = len < sizeof(block) ? len : sizeof(block);

		dev_chacha20_block(r->key, counter++, zero_nonce, block);
		memcpy(out, block, n);
		out += n;
		len -= n;
		r->since_seed += n;
	}
	mix_block(r, NULL, 0);
	memset(block, 0, sizeof(block));
}

static int64_t random_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			   struct vfs_wait *wait)
{
	(void)f, (void)wait;
	dev_random_fill(dev, buf, len);
	return (int64_t)len;
}

static int64_t random_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	(void)f;
	dev_random_mix(dev, buf, len);
	return (int64_t)len;
}

static int64_t random_lseek(void *dev, struct vfs_file *f, int64_t off, int whence)
{
	(void)dev, (void)off, (void)whence;
	return (int64_t)f->pos;
}

static const struct vfs_chardev_ops random_ops = {
	.read = random_read, .write = random_write, .lseek = random_lseek,
};

int dev_random_register(struct vfs *v, struct dev_random *r, dev_random_seed_fn seed,
			void *seed_ctx)
{
	int err;

	if (!seed)
		return -UX_EINVAL;
	if (vfs_chardev_find(v, linux_makedev(DEV_MEM_MAJOR, DEV_RANDOM_MINOR)) ||
	    vfs_chardev_find(v, linux_makedev(DEV_MEM_MAJOR, DEV_URANDOM_MINOR)))
		return -UX_EBUSY;
	memset(r, 0, sizeof(*r));
	r->seed = seed;
	r->seed_ctx = seed_ctx;
	reseed(r);
	err = vfs_chardev_register(v, DEV_MEM_MAJOR, DEV_RANDOM_MINOR, &random_ops, r);
	if (!err)
		err = vfs_chardev_register(v, DEV_MEM_MAJOR, DEV_URANDOM_MINOR, &random_ops, r);
	return err;
}
