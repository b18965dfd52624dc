/*
 * elf_load.c: the load plan of a static executable (see elf_load.h).
 * lib/elf.c checks the header and each segment against the file; this file
 * adds what exec needs on top: order and overlap of segments, page
 * congruence, the load bias of a static-pie, the user address range, and
 * where the program headers land for AT_PHDR.
 */
#include "exec/elf_load.h"
#include "exec/exec_errno.h"

#define PAGE_MASK (EXEC_PAGE_SIZE - 1)

static uint64_t page_down(uint64_t a) { return a & ~PAGE_MASK; }
static uint64_t page_up(uint64_t a) { return (a + PAGE_MASK) & ~PAGE_MASK; }

static int fail(struct elf_load_plan *plan, enum elf_load_reason reason)
{
	plan->reason = reason;
	return -LX_ENOEXEC;
}

static int prot_of(uint32_t flags)
{
	return (flags & ELF_SEGMENT_READ ? EXEC_PROT_READ : 0) |
	       (flags & ELF_SEGMENT_WRITE ? EXEC_PROT_WRITE : 0) |
	       (flags & ELF_SEGMENT_EXECUTE ? EXEC_PROT_EXEC : 0);
}

/* Ascending, disjoint in bytes, congruent offsets: the shape Linux maps. */
static int check_segments(const struct elf_image *elf, struct elf_load_plan *plan)
{
	for (size_t i = 0; i < elf->segment_count; i++) {
		const struct elf_segment *s = &elf->segments[i];
		if ((s->vaddr & PAGE_MASK) != (s->offset & PAGE_MASK))
			return fail(plan, ELF_LOAD_MISALIGNED);
		if (i == 0)
			continue;
		const struct elf_segment *prev = &elf->segments[i - 1];
		if (s->vaddr < prev->vaddr)
			return fail(plan, ELF_LOAD_UNSORTED);
		if (s->vaddr < prev->vaddr + prev->memsz)
			return fail(plan, ELF_LOAD_OVERLAP);
	}
	return 0;
}

/* The bias that puts the lowest page at dyn_base (Linux's ET_DYN rule). */
static int choose_bias(const struct elf_image *elf, uint64_t dyn_base,
		       struct elf_load_plan *plan)
{
	if (elf->type != 2 /* ET_EXEC */) {
		if (dyn_base & PAGE_MASK) {
			plan->reason = ELF_LOAD_BAD_BASE;
			return -LX_EINVAL;      /* the caller's mistake, not the file's */
		}
		plan->bias = dyn_base - page_down(elf->segments[0].vaddr);
	}
	return 0;
}

/* The span, moved by the bias, must lie in [EXEC_USER_START, EXEC_USER_END)
 * and hold the entry (an entry elsewhere could only fault). */
static int check_range(const struct elf_image *elf, struct elf_load_plan *plan)
{
	const struct elf_segment *last = &elf->segments[elf->segment_count - 1];
	uint64_t low = page_down(elf->segments[0].vaddr);
	uint64_t top = last->vaddr + last->memsz;    /* no wrap: lib/elf.c */
	if (top > EXEC_USER_END)
		return fail(plan, ELF_LOAD_OUT_OF_RANGE);
	uint64_t high = page_up(top), new_low = low + plan->bias;
	if (new_low < EXEC_USER_START || new_low > EXEC_USER_END ||
	    high - low > EXEC_USER_END - new_low ||
	    elf->entry < low || elf->entry >= high)
		return fail(plan, ELF_LOAD_OUT_OF_RANGE);
	return 0;
}

static void plan_segment(const struct elf_segment *s, uint64_t bias, struct exec_segment *out)
{
	uint64_t addr = s->vaddr + bias;

	out->start = page_down(addr);
	out->end = page_up(addr + s->memsz);
	out->file_offset = page_down(s->offset);
	out->file_bytes = s->filesz ? addr + s->filesz - out->start : 0;
	out->zero_page = page_up(out->start + out->file_bytes);
	out->prot = prot_of(s->flags);
}

/* AT_PHDR: PT_PHDR if present, else the load segment whose file bytes hold
 * the program header table (what Linux does since 5.18); 0 if none does. */
static uint64_t phdr_address(const struct elf_image *elf, uint64_t bias)
{
	uint64_t len = (uint64_t)elf->phdr_count * elf->phdr_size;

	if (elf->has_phdr_segment)
		return elf->phdr_vaddr + bias;
	for (size_t i = 0; i < elf->segment_count; i++) {
		const struct elf_segment *s = &elf->segments[i];
		if (s->offset <= elf->phdr_offset &&
		    elf->phdr_offset - s->offset <= s->filesz &&
		    len <= s->filesz - (elf->phdr_offset - s->offset))
			return s->vaddr + (elf->phdr_offset - s->offset) + bias;
	}
	return 0;
}

int elf_load_plan(const void *image, size_t size, uint64_t dyn_base,
		  struct elf_load_plan *plan)
{
	struct elf_image elf;
	int err;

	*plan = (struct elf_load_plan){ 0 };
	plan->parse_error = elf_parse(image, size, &elf);
	if (plan->parse_error != ELF_OK)
		return fail(plan, ELF_LOAD_PARSE);
	if (elf.has_interpreter)
		return fail(plan, ELF_LOAD_DYNAMIC);
	if ((err = check_segments(&elf, plan)) || (err = choose_bias(&elf, dyn_base, plan)) ||
	    (err = check_range(&elf, plan)))
		return err;

	plan->type = elf.type;
	plan->entry = elf.entry + plan->bias;
	plan->phdr = phdr_address(&elf, plan->bias);
	plan->phent = elf.phdr_size;
	plan->phnum = elf.phdr_count;
	plan->stack_executable = elf.has_stack_segment &&
				 (elf.stack_flags & ELF_SEGMENT_EXECUTE);
	for (size_t i = 0; i < elf.segment_count; i++)
		plan_segment(&elf.segments[i], plan->bias, &plan->segments[i]);
	plan->segment_count = elf.segment_count;
	plan->start = plan->segments[0].start;
	plan->end = plan->segments[elf.segment_count - 1].end;
	plan->brk = plan->end;
	return 0;
}

const char *elf_load_reason_string(const struct elf_load_plan *plan)
{
	switch (plan->reason) {
	case ELF_LOAD_OK: return "ok";
	case ELF_LOAD_PARSE: return elf_error_string(plan->parse_error);
	case ELF_LOAD_DYNAMIC: return "dynamically linked (PT_INTERP): not supported";
	case ELF_LOAD_UNSORTED: return "load segments not in ascending address order";
	case ELF_LOAD_OVERLAP: return "load segments overlap";
	case ELF_LOAD_MISALIGNED: return "segment offset and address differ modulo the page size";
	case ELF_LOAD_BAD_BASE: return "load base not page-aligned";
	case ELF_LOAD_OUT_OF_RANGE: return "segments or entry outside the user address range";
	}
	return "unknown error";
}
