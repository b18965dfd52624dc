/* elf.c: validates an ELF64 x86-64 executable and lists its PT_LOAD segments. */
#include "lib/elf.h"
#include "lib/string.h"

#define EI_CLASS_64     2
#define EI_DATA_LE      1
#define EM_X86_64       62
#define ET_EXEC         2
#define ET_DYN          3
#define PT_LOAD         1
#define PT_INTERP       3
#define PT_PHDR         6
#define PT_GNU_STACK    0x6474e551

struct elf64_header {
	unsigned char ident[16];
	uint16_t type, machine;
	uint32_t version;
	uint64_t entry, phoff, shoff;
	uint32_t flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static int fits(uint64_t offset, uint64_t len, size_t size)
{
	return offset <= size && len <= size - offset;
}

static enum elf_error read_segments(const char *base, size_t size, struct elf_image *out)
{
	for (uint16_t i = 0; i < out->phdr_count; i++) {
		struct elf64_phdr ph;
		memcpy(&ph, base + out->phdr_offset + (uint64_t)i * out->phdr_size, sizeof(ph));
		if (ph.type == PT_INTERP)
			out->has_interpreter = 1;
		if (ph.type == PT_PHDR) {
			out->has_phdr_segment = 1;
			out->phdr_vaddr = ph.vaddr;
		}
		if (ph.type == PT_GNU_STACK) {
			out->has_stack_segment = 1;
			out->stack_flags = ph.flags;
		}
		if (ph.type != PT_LOAD)
			continue;
		if (ph.filesz > ph.memsz || !fits(ph.offset, ph.filesz, size) ||
		    ph.vaddr + ph.memsz < ph.vaddr)
			return ELF_BAD_SEGMENT;
		if (out->segment_count == ELF_MAX_SEGMENTS)
			return ELF_TOO_MANY_SEGMENTS;
		out->segments[out->segment_count++] = (struct elf_segment){
			ph.vaddr, ph.memsz, ph.offset, ph.filesz, ph.flags
		};
	}
	return out->segment_count ? ELF_OK : ELF_NO_SEGMENTS;
}

enum elf_error elf_parse(const void *image, size_t size, struct elf_image *out)
{
	struct elf64_header h;

	memset(out, 0, sizeof(*out));
	if (size < sizeof(h))
		return ELF_TOO_SMALL;
	memcpy(&h, image, sizeof(h));
	if (memcmp(h.ident, "\177ELF", 4))
		return ELF_NOT_ELF;
	if (h.ident[4] != EI_CLASS_64 || h.ident[5] != EI_DATA_LE || h.machine != EM_X86_64)
		return ELF_NOT_X86_64;
	if (h.type != ET_EXEC && h.type != ET_DYN)
		return ELF_NOT_EXECUTABLE;
	if (h.phentsize != sizeof(struct elf64_phdr) ||
	    !fits(h.phoff, (uint64_t)h.phnum * h.phentsize, size))
		return ELF_BAD_PROGRAM_HEADERS;
	out->type = h.type;
	out->entry = h.entry;
	out->phdr_offset = h.phoff;
	out->phdr_count = h.phnum;
	out->phdr_size = h.phentsize;
	return read_segments(image, size, out);
}

const char *elf_error_string(enum elf_error e)
{
	static const char *const text[] = {
		[ELF_OK] = "ok",
		[ELF_TOO_SMALL] = "file too small for an ELF header",
		[ELF_NOT_ELF] = "not an ELF file",
		[ELF_NOT_X86_64] = "not a 64-bit little-endian x86-64 ELF file",
		[ELF_NOT_EXECUTABLE] = "not an executable (ET_EXEC or ET_DYN)",
		[ELF_BAD_PROGRAM_HEADERS] = "program headers outside the file",
		[ELF_BAD_SEGMENT] = "a segment's data lies outside the file",
		[ELF_TOO_MANY_SEGMENTS] = "too many load segments",
		[ELF_NO_SEGMENTS] = "no load segments",
	};
	return (unsigned)e < sizeof(text) / sizeof(text[0]) ? text[e] : "unknown error";
}
