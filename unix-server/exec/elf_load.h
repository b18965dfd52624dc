/*
 * elf_load.h: the load plan of a static x86-64 executable, as exec needs it.
 *
 * elf_load_plan() reads an ELF image held in memory (parsed by the shared
 * microkernel/lib/elf.c) and says, for each PT_LOAD segment, which pages to
 * map, which file bytes go there, what to zero and with what protection,
 * plus the entry point, AT_PHDR and whether the stack is executable. It
 * neither maps nor allocates: the caller turns the plan into vm calls on the
 * new task. Everything is checked before the caller's point of no return.
 *
 * Errors are negative Linux errnos. Every malformed image is -ENOEXEC, also
 * where Linux fails later with -EINVAL or a SIGSEGV after the point of no
 * return (filesz > memsz, offset not congruent to the address, addresses past
 * the user range): Linux's caller cannot see those values, ours can.
 * A dynamically linked image (PT_INTERP) is -ENOEXEC too, with its own
 * reason (ELF_LOAD_DYNAMIC) so that the server can log it distinctly.
 */
#ifndef UX_EXEC_ELF_LOAD_H
#define UX_EXEC_ELF_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "lib/elf.h"

#define EXEC_PAGE_SIZE     4096ull
/* Linux's ELF_ET_DYN_BASE for x86-64 (2/3 of the 47-bit user range). */
#define EXEC_DYN_BASE      0x555555554000ull
/* Linux's default vm.mmap_min_addr: nothing is mapped below. */
#define EXEC_USER_START    0x10000ull
/* Linux's TASK_SIZE_MAX for 4-level paging: the end of the user range. */
#define EXEC_USER_END      0x7ffffffff000ull

#define EXEC_PROT_READ     1    /* the PROT_* values */
#define EXEC_PROT_WRITE    2
#define EXEC_PROT_EXEC     4

/*
 * One PT_LOAD segment, load bias applied. The caller, in segment order:
 *   maps [start, end) with prot;
 *   fills [start, start + file_bytes) from the file at file_offset;
 *   leaves [start + file_bytes, end) zero: the partial last file page
 *   [start + file_bytes, zero_page) must be cleared explicitly when the
 *   file's page is mapped, the pages [zero_page, end) are anonymous.
 * Two segments may share a page (never bytes); the later one wins it.
 */
struct exec_segment {
	uint64_t start, end;            /* page-aligned range in memory */
	uint64_t file_offset;           /* page-aligned offset mapped at start */
	uint64_t file_bytes;            /* file bytes copied from start on */
	uint64_t zero_page;             /* page_up(start + file_bytes) */
	int prot;                       /* EXEC_PROT_* */
};

enum elf_load_reason {
	ELF_LOAD_OK = 0,
	ELF_LOAD_PARSE,                 /* see parse_error */
	ELF_LOAD_DYNAMIC,               /* PT_INTERP: needs an interpreter */
	ELF_LOAD_UNSORTED,              /* PT_LOAD not in ascending p_vaddr */
	ELF_LOAD_OVERLAP,               /* two PT_LOAD share bytes */
	ELF_LOAD_MISALIGNED,            /* p_offset != p_vaddr modulo the page */
	ELF_LOAD_BAD_BASE,              /* dyn_base not page-aligned: -EINVAL */
	ELF_LOAD_OUT_OF_RANGE,          /* outside the user range, or overflow */
};

struct elf_load_plan {
	uint16_t type;                  /* 2 ET_EXEC, 3 ET_DYN */
	uint64_t bias;                  /* added to every p_vaddr (0 for ET_EXEC) */
	uint64_t entry;                 /* e_entry + bias: AT_ENTRY, first rip */
	uint64_t phdr;                  /* AT_PHDR, 0 if no segment holds them */
	uint64_t phent, phnum;          /* AT_PHENT, AT_PHNUM */
	uint64_t start, end;            /* page-aligned span of all segments */
	uint64_t brk;                   /* page_up(end of the last segment) */
	int stack_executable;           /* PT_GNU_STACK has PF_X (absent: no, as
	                                   x86-64 Linux since 5.8) */
	struct exec_segment segments[ELF_MAX_SEGMENTS];
	size_t segment_count;
	enum elf_load_reason reason;    /* why it failed, for the log */
	enum elf_error parse_error;
};

/* dyn_base: where the lowest page of an ET_DYN goes (EXEC_DYN_BASE). */
int elf_load_plan(const void *image, size_t size, uint64_t dyn_base,
		  struct elf_load_plan *plan);
const char *elf_load_reason_string(const struct elf_load_plan *plan);

#endif
