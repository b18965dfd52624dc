/*
 * mm_vm.c: mm_vm.h on the microkernel's traps, each on the caller's own
 * task (MK_PORT_NULL). The one file of emulator/mm that traps; the host
 * tests replace it with a simulated map (test/test_mm_fake.h).
 */
#include "mk/traps.h"
#include "mm/linux_mman.h"
#include "mm/mm_vm.h"

_Static_assert(LINUX_PROT_READ == MK_VM_PROT_READ && LINUX_PROT_WRITE == MK_VM_PROT_WRITE &&
	       LINUX_PROT_EXEC == MK_VM_PROT_EXECUTE, "Linux and kernel protections differ");

int64_t mm_vm_allocate(uint64_t addr, uint64_t size)
{
	return mk_vm_allocate(MK_PORT_NULL, &addr, size, MK_VM_FLAGS_FIXED);
}

int64_t mm_vm_deallocate(uint64_t addr, uint64_t size)
{
	return mk_vm_deallocate(MK_PORT_NULL, addr, size);
}

int64_t mm_vm_protect(uint64_t addr, uint64_t size, int set_maximum, unsigned prot)
{
	return mk_vm_protect(MK_PORT_NULL, addr, size, set_maximum != 0, prot);
}

int64_t mm_vm_inherit(uint64_t addr, uint64_t size, unsigned inheritance)
{
	return mk_vm_inherit(MK_PORT_NULL, addr, size, inheritance);
}

int64_t mm_vm_copy(uint64_t src, uint64_t size, uint64_t dst)
{
	return mk_vm_copy(MK_PORT_NULL, src, size, dst);
}
