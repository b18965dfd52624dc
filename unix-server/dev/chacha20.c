/*
 * chacha20.c: the ChaCha20 block function of RFC 8439 section 2.3:
 * 20 rounds over the constants, key, block counter and nonce, the input
 * added back, serialized little-endian. Integer operations only (no SSE),
 * so it builds with -mgeneral-regs-only.
 */
#include "dev.h"

static inline uint32_t rotl(uint32_t x, int n)
{
	return (x << n) | (x >> (32 - n));
}

#define QUARTER(a, b, c, d)                                   \
	do {                                                  \
		a += b; d ^= a; d = rotl(d, 16);              \
		c += d; b ^= c; b = rotl(b, 12);              \
		a += b; d ^= a; d = rotl(d, 8);               \
		c += d; b ^= c; b = rotl(b, 7);               \
	} while (0)

void dev_chacha20_block(const uint32_t key[8], uint32_t counter, const uint32_t nonce[3],
			uint8_t out[64])
{
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 }, x[16];

	for (int i = 0; i < 8; i++)
		in[4 + i] = key[i];
	in[12] = counter;
	in[13] = nonce[0];
	in[14] = nonce[1];
	in[15] = nonce[2];
	memcpy(x, in, sizeof(x));
	for (int round = 0; round < 10; round++) {
		QUARTER(x[0], x[4], x[8], x[12]);
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]);
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++) {
		uint32_t w = x[i] + in[i];

		out[4 * i] = (uint8_t)w;
		out[4 * i + 1] = (uint8_t)(w >> 8);
		out[4 * i + 2] = (uint8_t)(w >> 16);
		out[4 * i + 3] = (uint8_t)(w >> 24);
	}
}
