/* gdt.h: segment selectors and the TSS interface. */
#ifndef MK_ARCH_GDT_H
#define MK_ARCH_GDT_H

#define GDT_KERNEL_CODE 0x08
#define GDT_KERNEL_DATA 0x10
#define GDT_USER_DATA   0x18
#define GDT_USER_CODE   0x20
#define GDT_TSS         0x28

/* What user mode runs with: the selectors with RPL 3 (0x1b and 0x23). */
#define USER_SS (GDT_USER_DATA | 3)
#define USER_CS (GDT_USER_CODE | 3)

/* Interrupt stack table slots (1-based as the IDT encodes them). */
#define IST_DOUBLE_FAULT  1
#define IST_NMI           2
#define IST_MACHINE_CHECK 3
#define IST_COUNT         3

#ifndef __ASSEMBLER__
#include <stddef.h>
#include <stdint.h>

void gdt_init(void);
void gdt_set_kernel_stack(uint64_t rsp0);
/* The running task's I/O permission bitmap: bytes of it (bit set: port
 * denied); every port past them is denied. NULL, 0: no port allowed. */
void tss_set_io_bitmap(const uint8_t *map, size_t bytes);

#endif /* __ASSEMBLER__ */

#endif
