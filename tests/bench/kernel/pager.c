/* pager.c: the cost of a page fault a user-level pager answers: the
 * request message, a switch to the pager thread, its receive and supply
 * traps, and the switch back (tests/kernel/user/pager_util.h's pager). */
#include "../../kernel/user/pager_util.h"
#include "bench.h"

#define PAGES 64

BENCH(pager_fault)
{
	struct test_pager pg = { .mode = PAGER_SUPPLY };
	uint64_t address = 0;
	int64_t r = mk_port_allocate(MK_RIGHT_RECEIVE, &pg.port);

	if (r == MK_SUCCESS)
		r = native_thread_spawn(pager_serve, (uint64_t)&pg, 0, NULL);
	if (r == MK_SUCCESS)
		r = mk_vm_map_pager(MK_PORT_NULL, &address, PAGES * PAGE, pg.port, 0,
				    MK_VM_FLAGS_ANYWHERE | MK_VM_MAP_PROT(MK_VM_PROT_READ));
	if (r != MK_SUCCESS)
		bench_abort("pager setup", r);
	uint64_t start = bench_cycles();
	for (int i = 0; i < PAGES; i++)
		(void)((volatile char *)address)[i * PAGE];
	uint64_t per_fault = (bench_cycles() - start) / PAGES;
	mk_vm_deallocate(MK_PORT_NULL, address, PAGES * PAGE);
	if (pg.requests != PAGES || !pager_wait_terminated(&pg))
		bench_abort("pager", pg.failure);
	mk_port_destroy(pg.port);
	return per_fault;
}
