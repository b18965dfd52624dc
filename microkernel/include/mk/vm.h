/* vm.h: virtual memory constants of the microkernel ABI. */
#ifndef MK_VM_H
#define MK_VM_H

#define MK_VM_PROT_NONE    0
#define MK_VM_PROT_READ    1
#define MK_VM_PROT_WRITE   2
#define MK_VM_PROT_EXECUTE 4
#define MK_VM_PROT_ALL     7

#define MK_PAGE_SIZE       4096

/* User tasks own [MK_USER_MIN, MK_USER_MAX): the canonical lower half minus
 * the first page (null dereferences always fault) and the last page. */
#define MK_USER_MIN        0x1000ull
#define MK_USER_MAX        0x00007ffffffff000ull

#endif
