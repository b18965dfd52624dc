/*
 * ool.c: the cost of moving 64 KiB out of line: a message to the task's
 * own port carrying the region copy-on-write, received (mapped) and
 * freed; and a vm_read of the same region. Neither touches the data, so
 * the figures are the mapping work alone, not page copies.
 */
#include "bench.h"
#include "mk/vm.h"

#define ROUNDS 500
#define SIZE (64 * 1024)

struct ool_bench_msg {
	struct mk_msg_header header;
	struct mk_msg_body body;
	struct mk_msg_descriptor ool;
};

static uint64_t region(void)
{
	static uint64_t address;
	int64_t r;

	if (!address) {
		if ((r = mk_vm_allocate(MK_PORT_NULL, &address, SIZE, MK_VM_FLAGS_ANYWHERE)))
			bench_abort("vm_allocate", r);
		for (uint64_t i = 0; i < SIZE; i += MK_PAGE_SIZE)
			((volatile char *)address)[i] = 1;      /* resident */
	}
	return address;
}

BENCH(ipc_ool_64k)
{
	mk_port_name_t port = MK_PORT_NULL;
	struct ool_bench_msg m;
	int64_t r = mk_port_allocate(MK_RIGHT_RECEIVE, &port);

	if (r != MK_SUCCESS)
		bench_abort("port_allocate", r);
	uint64_t start = bench_cycles();
	for (int i = 0; i < ROUNDS; i++) {
		m = (struct ool_bench_msg){
			{ MK_MSGH_BITS(MK_MSG_TYPE_MAKE_SEND, 0) | MK_MSGH_COMPLEX, sizeof(m), port,
			  0, 0, 1 },
			{ 1, 0 },
			{ region(), SIZE, 0, { 0, 0 }, MK_MSG_OOL_DESCRIPTOR } };
		r = mk_msg(&m, MK_MSG_OPTION_SEND | MK_MSG_OPTION_RECEIVE, sizeof(m), sizeof(m),
			   port, 0);
		if (r == MK_SUCCESS)
			r = mk_vm_deallocate(MK_PORT_NULL, m.ool.address, SIZE);
		if (r != MK_SUCCESS)
			bench_abort("send/receive 64 KiB out of line", r);
	}
	uint64_t per_round = (bench_cycles() - start) / ROUNDS;
	mk_port_destroy(port);
	return per_round;
}

BENCH(vm_read_64k)
{
	uint64_t start = bench_cycles();

	for (int i = 0; i < ROUNDS; i++) {
		uint64_t data = 0;
		int64_t r = mk_vm_read(MK_PORT_NULL, region(), SIZE, &data);
		if (r == MK_SUCCESS)
			r = mk_vm_deallocate(MK_PORT_NULL, data, SIZE);
		if (r != MK_SUCCESS)
			bench_abort("vm_read 64 KiB", r);
	}
	return (bench_cycles() - start) / ROUNDS;
}
