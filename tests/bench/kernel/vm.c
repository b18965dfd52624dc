/* vm.c: the cost of page faults the kernel resolves itself. */
#include "bench.h"
#include "mk/vm.h"

#define PAGES 128

BENCH(zero_fill_fault)
{
	uint64_t address = 0;
	int64_t r = mk_vm_allocate(MK_PORT_NULL, &address, PAGES * MK_PAGE_SIZE,
				   MK_VM_FLAGS_ANYWHERE);

	if (r != MK_SUCCESS)
		bench_abort("vm_allocate", r);
	uint64_t start = bench_cycles();
	for (int i = 0; i < PAGES; i++)
		((volatile char *)address)[i * MK_PAGE_SIZE] = 1;
	uint64_t per_fault = (bench_cycles() - start) / PAGES;
	mk_vm_deallocate(MK_PORT_NULL, address, PAGES * MK_PAGE_SIZE);
	return per_fault;
}
