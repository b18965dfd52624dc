/*
 * mm_vm.h: the microkernel VM traps the memory calls use, on the
 * emulator's own task (mm_vm.c); every result is an mk_return_t. The
 * only way the memory calls change the address space, so that the host
 * tests can put a simulated kernel map behind them.
 *
 * What the kernel does (microkernel/vm/vm_map.c, vm_remote.c):
 * allocate: zero-filled, read/write, maximum all, inheritance copy, at
 * exactly addr (MK_NO_SPACE when anything is mapped there: never over
 * a mapping); deallocate: anything in the range, holes allowed;
 * protect and inherit: MK_INVALID_ADDRESS when the range has a hole
 * (nothing changed), protect MK_PROTECTION_FAILURE above the maximum;
 * copy: by value, the source readable and the destination writable.
 */
#ifndef EMULATOR_MM_VM_H
#define EMULATOR_MM_VM_H

#include <stdint.h>

int64_t mm_vm_allocate(uint64_t addr, uint64_t size);
int64_t mm_vm_deallocate(uint64_t addr, uint64_t size);
int64_t mm_vm_protect(uint64_t addr, uint64_t size, int set_maximum, unsigned prot);
int64_t mm_vm_inherit(uint64_t addr, uint64_t size, unsigned inheritance);
int64_t mm_vm_copy(uint64_t src, uint64_t size, uint64_t dst);

#endif
