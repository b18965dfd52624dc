/*
 * elf.h: reading a static x86-64 ELF executable's load segments. Pure and
 * bounds-checked (every offset and size against the image), shared by the
 * kernel's bootstrap loader, the UNIX server's exec and host tests.
 */
#ifndef MK_LIB_ELF_H
#define MK_LIB_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 16

#define ELF_SEGMENT_EXECUTE 1           /* the p_flags bits */
#define ELF_SEGMENT_WRITE   2
#define ELF_SEGMENT_READ    4

struct elf_segment {
	uint64_t vaddr, memsz;          /* where and how big in memory */
	uint64_t offset, filesz;        /* what of the file goes there */
	uint32_t flags;
};

struct elf_image {
	uint16_t type;                  /* 2 ET_EXEC, 3 ET_DYN */
	uint64_t entry;
	uint64_t phdr_offset;
	uint16_t phdr_count, phdr_size;
	struct elf_segment segments[ELF_MAX_SEGMENTS];
	size_t segment_count;
	int has_interpreter;            /* PT_INTERP present: dynamically linked */
	int has_phdr_segment;           /* PT_PHDR present: phdr_vaddr is valid */
	uint64_t phdr_vaddr;            /* PT_PHDR's p_vaddr */
	int has_stack_segment;          /* PT_GNU_STACK present: stack_flags valid */
	uint32_t stack_flags;           /* PT_GNU_STACK's p_flags (ELF_SEGMENT_*) */
};

enum elf_error {
	ELF_OK = 0,
	ELF_TOO_SMALL,
	ELF_NOT_ELF,
	ELF_NOT_X86_64,                 /* wrong class, data encoding or machine */
	ELF_NOT_EXECUTABLE,             /* neither ET_EXEC nor ET_DYN */
	ELF_BAD_PROGRAM_HEADERS,        /* outside the file, or wrong entry size */
	ELF_BAD_SEGMENT,                /* filesz > memsz, or data outside the file */
	ELF_TOO_MANY_SEGMENTS,
	ELF_NO_SEGMENTS,
};

enum elf_error elf_parse(const void *image, size_t size, struct elf_image *out);
const char *elf_error_string(enum elf_error e);

#endif
