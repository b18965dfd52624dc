/*
 * pmap.h: the machine-dependent half of virtual memory, a task's x86-64
 * page tables. The machine-independent VM decides what is mapped; pmap
 * only enters, removes and protects 4 KiB translations. Every pmap shares
 * the kernel half (PML4 slots 256-511) with the boot tables.
 */
#ifndef MK_ARCH_PMAP_H
#define MK_ARCH_PMAP_H

#include <stdint.h>

#include "kern/spinlock.h"
#include "mk/types.h"

struct pmap {
	uint64_t pml4_phys;
	/* Guarded by lock: the page tables below the PML4. */
	struct spinlock lock;
	uint64_t table_pages;           /* page-table frames owned, PML4 included */
};

void pmap_bootstrap(void);
struct pmap *pmap_kernel(void);

struct pmap *pmap_create(void);                 /* NULL when memory is short */
void pmap_destroy(struct pmap *p);              /* frees the tables, not the mapped frames */

/* prot is MK_VM_PROT_*; a user mapping. Replaces an existing translation. */
mk_return_t pmap_enter(struct pmap *p, uint64_t va, uint64_t pa, unsigned prot);
void pmap_remove(struct pmap *p, uint64_t start, uint64_t end);
/* Only ever removes access: each translation keeps at most prot (none:
 * removed). Faults add access back through the VM map. */
void pmap_protect(struct pmap *p, uint64_t start, uint64_t end, unsigned prot);
/* The frame mapped at va, or 0 (with its protection in *prot if non-NULL). */
uint64_t pmap_extract(struct pmap *p, uint64_t va, unsigned *prot);
void pmap_activate(struct pmap *p);

#endif
