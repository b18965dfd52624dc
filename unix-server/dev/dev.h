/*
 * dev.h: the simple character devices and the /dev directory.
 *
 *   dev_mem_register     /dev/null (1:3), /dev/zero (1:5), /dev/full (1:7)
 *   dev_random_register  /dev/random (1:8) and /dev/urandom (1:9): a
 *                        ChaCha20 generator (dev_random_fill is getrandom's)
 *   dev_make_nodes       /dev and its nodes in the root tmpfs, Linux's modes:
 *                        null zero full random urandom tty 0666, console 0600
 *
 * The terminal devices, tty (5:0) and console (5:1), are registered by
 * the server with the terminal driver's operations (vfs_chardev_register);
 * until then opening them gives -ENXIO.
 */
#ifndef UX_DEV_DEV_H
#define UX_DEV_DEV_H

#include "../vfs/vfs.h"

#define DEV_MEM_MAJOR     1
#define DEV_NULL_MINOR    3
#define DEV_ZERO_MINOR    5
#define DEV_FULL_MINOR    7
#define DEV_RANDOM_MINOR  8
#define DEV_URANDOM_MINOR 9
#define DEV_TTYAUX_MAJOR  5
#define DEV_TTY_MINOR     0
#define DEV_CONSOLE_MINOR 1

int dev_mem_register(struct vfs *v);

/*
 * The generator: ChaCha20 keyed from seed (the server's entropy: RDRAND,
 * the TSC, ... called once at registration and again every
 * DEV_RANDOM_RESEED_BYTES of output), with fast key erasure (after each
 * request the key is replaced by fresh keystream, so earlier output
 * cannot be recomputed from the state). It is as unpredictable as its
 * seed and no more: with a weak seed it is not cryptographic, and
 * /dev/random never blocks (as Linux's since 5.6 once seeded). Writes
 * are mixed into the key.
 */
#define DEV_RANDOM_RESEED_BYTES (1u << 20)

typedef void (*dev_random_seed_fn)(void *ctx, uint8_t *out, size_t len);

struct dev_random {
	uint32_t key[8];
	uint64_t since_seed;            /* bytes of output since the last seeding */
	dev_random_seed_fn seed;
	void *seed_ctx;
};

int dev_random_register(struct vfs *v, struct dev_random *r, dev_random_seed_fn seed,
			void *seed_ctx);
void dev_random_fill(struct dev_random *r, void *buf, size_t len);
void dev_random_mix(struct dev_random *r, const void *buf, size_t len);

/* ChaCha20's block function (RFC 8439): 64 bytes of keystream. */
void dev_chacha20_block(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3],
			uint8_t out[64]);

/* Makes /dev (0755 if missing) and its nodes; an existing entry of a node's name is replaced. */
int dev_make_nodes(struct vfs *v);

#endif
