/*
 * ool_util.h: helpers of the out-of-line memory and vm_read/vm_write
 * tests: a message with one OOL descriptor (and optionally a port) and
 * regions filled with a pattern (leak checks: object_counts.h).
 */
#ifndef MK_TESTS_OOL_UTIL_H
#define MK_TESTS_OOL_UTIL_H

#include "ipc_util.h"
#include "object_counts.h"

struct ool_msg {
	struct mk_msg_header header;
	struct mk_msg_body body;
	struct mk_msg_descriptor ool;
	struct mk_msg_descriptor port;
	uint64_t data;
};

/* A message to dest carrying [address, address + size) (flags MK_OOL_*)
 * and, if carry is not MK_PORT_NULL, a port descriptor. */
static inline struct ool_msg ool_msg_make(mk_port_name_t dest, unsigned remote, uint64_t address,
					  uint32_t size, uint8_t flags, mk_port_name_t carry,
					  unsigned carry_disposition)
{
	struct ool_msg m = { 0 };

	m.header.bits = MK_MSGH_BITS(remote, 0) | MK_MSGH_COMPLEX;
	m.header.size = sizeof(m);
	m.header.remote_port = dest;
	m.header.id = 3000;
	m.body.descriptor_count = 2;
	m.ool = (struct mk_msg_descriptor){ .address = address, .value = size,
					    .disposition = flags, .type = MK_MSG_OOL_DESCRIPTOR };
	m.port = (struct mk_msg_descriptor){ .value = carry,
					     .disposition = (uint8_t)(carry ? carry_disposition
									    : MK_MSG_TYPE_COPY_SEND),
					     .type = MK_MSG_PORT_DESCRIPTOR };
	return m;
}

static inline int64_t ool_send(struct ool_msg *m)
{
	return mk_msg(m, MK_MSG_OPTION_SEND, sizeof(*m), 0, MK_PORT_NULL, 0);
}

static inline int64_t ool_receive(struct ool_msg *m, mk_port_name_t from)
{
	return mk_msg(m, MK_MSG_OPTION_RECEIVE | MK_MSG_OPTION_RCV_TIMEOUT, 0, sizeof(*m), from,
		      2000);
}

static inline uint8_t ool_pattern(uint64_t seed, uint64_t i)
{
	return (uint8_t)(seed + i * 7 + (i >> 12));
}

static inline void ool_fill(uint64_t address, uint64_t size, uint64_t seed)
{
	for (uint64_t i = 0; i < size; i++)
		((volatile uint8_t *)address)[i] = ool_pattern(seed, i);
}

/* How many bytes of [address, address + size) differ from the pattern. */
static inline uint64_t ool_mismatches(uint64_t address, uint64_t size, uint64_t seed)
{
	uint64_t bad = 0;

	for (uint64_t i = 0; i < size; i++)
		bad += ((volatile uint8_t *)address)[i] != ool_pattern(seed, i);
	return bad;
}

static inline uint64_t ool_allocate(uint64_t size)
{
	uint64_t address = 0;

	UTEST_EXPECT_RETURN(mk_vm_allocate(MK_PORT_NULL, &address, size, MK_VM_FLAGS_ANYWHERE),
			    MK_SUCCESS);
	return address;
}

/* Whether the page at address is mapped (vm_protect refuses holes). */
static inline int ool_is_mapped(uint64_t address)
{
	return mk_vm_inherit(MK_PORT_NULL, address & ~4095ull, 4096, MK_VM_INHERIT_COPY) ==
	       MK_SUCCESS;
}

#endif
