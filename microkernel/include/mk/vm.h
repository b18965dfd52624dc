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

/* vm_allocate flags */
#define MK_VM_FLAGS_FIXED    0   /* at *address exactly */
#define MK_VM_FLAGS_ANYWHERE 1   /* wherever there is room; *address is a hint */

/* Inheritance of a region when a task is created from a parent. */
#define MK_VM_INHERIT_NONE   0
#define MK_VM_INHERIT_SHARE  1
#define MK_VM_INHERIT_COPY   2

#endif
