/*
 * pmap.c: 4-level x86-64 page tables for user address spaces.
 *
 * Tables are allocated on demand when a translation is entered and freed
 * only when the pmap is destroyed. The kernel half is shared by copying the
 * boot PML4's upper slots into each new PML4; the kernel never adds upper
 * slots after boot, so the copies never go stale (asserted at creation).
 * TLB: a single CPU for now, so invlpg on the current address space
 * suffices; a shootdown is needed once other CPUs run.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/layout.h"
#include "arch/x86_64/pmap.h"
#include "kern/alloc.h"
#include "kern/console.h"
#include "kern/pmm.h"
#include "lib/string.h"
#include "mk/return.h"
#include "mk/vm.h"
#include "kern/hot_path.h"

#define PTE_PRESENT  (1ull << 0)
#define PTE_WRITABLE (1ull << 1)
#define PTE_USER     (1ull << 2)
#define PTE_HUGE     (1ull << 7)
#define PTE_NX       (1ull << 63)
#define PTE_FRAME    0x000ffffffffff000ull
#define EFER_MSR     0xc0000080
#define EFER_NXE     (1ull << 11)

extern uint64_t boot_pml4[512];
static struct pmap kernel_pmap;
static int nx_enabled;

static uint64_t *table_at(uint64_t phys)
{
	return (uint64_t *)(DIRECT_MAP_BASE + phys);
}

static unsigned index_at(uint64_t va, int level)
{
	return (va >> (12 + 9 * level)) & 511;
}

void pmap_bootstrap(void)
{
	kernel_pmap.pml4_phys = (uint64_t)boot_pml4 - KERNEL_VIRT_BASE;
	spin_init(&kernel_pmap.lock);
	nx_enabled = (rdmsr(EFER_MSR) & EFER_NXE) != 0;
}

struct pmap *pmap_kernel(void)
{
	return &kernel_pmap;
}

struct pmap *pmap_create(void)
{
	struct pmap *p = kzalloc(sizeof(*p));
	uint64_t pml4 = pmm_alloc();

	if (!p || !pml4) {
		kfree(p);
		if (pml4)
			pmm_free(pml4);
		return 0;
	}
	uint64_t *t = table_at(pml4);
	memset(t, 0, 256 * sizeof(uint64_t));
	memcpy(t + 256, boot_pml4 + 256, 256 * sizeof(uint64_t));
	p->pml4_phys = pml4;
	p->table_pages = 1;
	spin_init(&p->lock);
	return p;
}

static void free_table(uint64_t phys, int level)
{
	uint64_t *t = table_at(phys);

	if (level > 1)
		for (int i = 0; i < 512; i++)
			if (t[i] & PTE_PRESENT)
				free_table(t[i] & PTE_FRAME, level - 1);
	pmm_free(phys);
}

void pmap_destroy(struct pmap *p)
{
	uint64_t *pml4 = table_at(p->pml4_phys);

	if (p == &kernel_pmap)
		panic("pmap_destroy on the kernel pmap");
	/* A kernel thread may still run on these tables (kernel threads keep
	 * the previous thread's CR3). */
	if ((read_cr3() & PTE_FRAME) == p->pml4_phys)
		pmap_activate(&kernel_pmap);
	for (int i = 0; i < 256; i++)
		if (pml4[i] & PTE_PRESENT)
			free_table(pml4[i] & PTE_FRAME, 3);
	pmm_free(p->pml4_phys);
	kfree(p);
}

/* The level-0 entry for va, creating the tables above it when create is
 * set; NULL when absent (or memory is short). Caller holds p->lock. */
static uint64_t *walk(struct pmap *p, uint64_t va, int create)
{
	uint64_t *t = table_at(p->pml4_phys);

	for (int level = 3; level > 0; level--) {
		uint64_t *e = &t[index_at(va, level)];
		if (!(*e & PTE_PRESENT)) {
			uint64_t phys = create ? pmm_alloc() : 0;
			if (!phys)
				return 0;
			memset(table_at(phys), 0, PAGE_SIZE);
			*e = phys | PTE_PRESENT | PTE_WRITABLE | PTE_USER;
			p->table_pages++;
		}
		t = table_at(*e & PTE_FRAME);
	}
	return &t[index_at(va, 0)];
}

/* The level-0 entry for va if its tables exist, and *next the address to
 * look at after va: past the whole span of a missing table, so that
 * removing or protecting a huge, mostly unmapped range costs its tables,
 * not its pages. Caller holds p->lock. */
static uint64_t *lookup(struct pmap *p, uint64_t va, uint64_t *next)
{
	uint64_t *t = table_at(p->pml4_phys);

	for (int level = 3; level > 0; level--) {
		uint64_t *e = &t[index_at(va, level)];
		if (!(*e & PTE_PRESENT)) {
			uint64_t span = 1ull << (12 + 9 * level);
			*next = (va & ~(span - 1)) + span;
			return 0;
		}
		t = table_at(*e & PTE_FRAME);
	}
	*next = va + PAGE_SIZE;
	return &t[index_at(va, 0)];
}

static uint64_t pte_bits(unsigned prot)
{
	uint64_t bits = PTE_PRESENT | PTE_USER;

	if (prot & MK_VM_PROT_WRITE)
		bits |= PTE_WRITABLE;
	if (!(prot & MK_VM_PROT_EXECUTE) && nx_enabled)
		bits |= PTE_NX;
	return bits;
}

static void flush(struct pmap *p, uint64_t va)
{
	if ((read_cr3() & PTE_FRAME) == p->pml4_phys)
		__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static int is_user_page(uint64_t va)
{
	return va >= MK_USER_MIN && va < MK_USER_MAX && !(va & (PAGE_SIZE - 1));
}

mk_return_t pmap_enter(struct pmap *p, uint64_t va, uint64_t pa, unsigned prot)
{
	if (!is_user_page(va) || (pa & (PAGE_SIZE - 1)))
		return MK_INVALID_ADDRESS;
	spin_lock(&p->lock);
	uint64_t *pte = walk(p, va, 1);
	if (pte) {
		*pte = pa | pte_bits(prot);
		flush(p, va);
	}
	spin_unlock(&p->lock);
	return pte ? MK_SUCCESS : MK_RESOURCE_SHORTAGE;
}

void pmap_remove(struct pmap *p, uint64_t start, uint64_t end)
{
	spin_lock(&p->lock);
	for (uint64_t va = start, next; va < end; va = next) {
		uint64_t *pte = lookup(p, va, &next);
		if (pte && (*pte & PTE_PRESENT)) {
			*pte = 0;
			flush(p, va);
		}
	}
	spin_unlock(&p->lock);
}

void pmap_protect(struct pmap *p, uint64_t start, uint64_t end, unsigned prot)
{
	spin_lock(&p->lock);
	for (uint64_t va = start, next; va < end; va = next) {
		uint64_t *pte = lookup(p, va, &next);
		if (!pte || !(*pte & PTE_PRESENT))
			continue;
		if (!(prot & (MK_VM_PROT_READ | MK_VM_PROT_WRITE | MK_VM_PROT_EXECUTE)))
			*pte = 0;
		if (!(prot & MK_VM_PROT_WRITE))
			*pte &= ~PTE_WRITABLE;
		if (!(prot & MK_VM_PROT_EXECUTE) && nx_enabled && *pte)
			*pte |= PTE_NX;
		flush(p, va);
	}
	spin_unlock(&p->lock);
}

uint64_t pmap_extract(struct pmap *p, uint64_t va, unsigned *prot)
{
	spin_lock(&p->lock);
	uint64_t *pte = walk(p, va & ~(uint64_t)(PAGE_SIZE - 1), 0);
	uint64_t entry = pte ? *pte : 0;
	spin_unlock(&p->lock);
	if (!(entry & PTE_PRESENT))
		return 0;
	if (prot)
		*prot = MK_VM_PROT_READ | (entry & PTE_WRITABLE ? MK_VM_PROT_WRITE : 0) |
			(entry & PTE_NX ? 0 : MK_VM_PROT_EXECUTE);
	return entry & PTE_FRAME;
}

MK_HOT_PATH void pmap_activate(struct pmap *p)
{
	if ((read_cr3() & PTE_FRAME) != p->pml4_phys)
		write_cr3(p->pml4_phys);
}
