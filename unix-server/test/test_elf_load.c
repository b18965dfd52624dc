/*
 * test_elf_load.c: load plans of real static binaries (checked against
 * `readelf -hlW` run on them, and against facts read by hand from readelf
 * on this toolchain), and of malformed images, each with its error.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "exec_fixture.h"
#include "lib/elf.c"
#include "exec/elf_load.c"

/* ---- what readelf says ---- */

struct readelf_segment {
	char type[32];
	uint64_t offset, vaddr, filesz, memsz;
	int prot;
};

struct readelf_facts {
	int is_dyn;
	uint64_t entry;
	struct readelf_segment ph[32];
	size_t count;
};

static int parse_prot(const char *flags)
{
	return (flags[0] == 'R' ? EXEC_PROT_READ : 0) | (flags[1] == 'W' ? EXEC_PROT_WRITE : 0) |
	       (flags[2] == 'E' ? EXEC_PROT_EXEC : 0);
}

static void readelf(const char *name, struct readelf_facts *r)
{
	char cmd[600], line[512];
	memset(r, 0, sizeof(*r));
	snprintf(cmd, sizeof(cmd), "readelf -hlW %s/%s", EXEC_FIXTURES, name);
	FILE *p = popen(cmd, "r");
	while (p && fgets(line, sizeof(line), p)) {
		struct readelf_segment s;
		uint64_t paddr;
		int n = 0;
		if (strstr(line, "  Type:"))
			r->is_dyn = strstr(line, "DYN") != NULL;
		if (strstr(line, "Entry point address:"))
			r->entry = strtoull(strchr(line, ':') + 1, NULL, 16);
		if (sscanf(line, " %31s 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx %n", s.type, &s.offset,
			   &s.vaddr, &paddr, &s.filesz, &s.memsz, &n) == 6 && n && r->count < 32) {
			s.prot = parse_prot(line + n);
			r->ph[r->count++] = s;
		}
	}
	if (!p || pclose(p) != 0) {
		fprintf(stderr, "readelf failed on %s\n", name);
		exit(2);
	}
}

static const struct readelf_segment *find(const struct readelf_facts *r, const char *type)
{
	for (size_t i = 0; i < r->count; i++)
		if (!strcmp(r->ph[i].type, type))
			return &r->ph[i];
	return NULL;
}

/* Every LOAD line, in order, against the plan; then entry, phdr, stack. */
static void check_against_readelf(const char *name, uint64_t base)
{
	struct fixture f = fixture_read(name);
	struct elf_load_plan plan;
	struct readelf_facts r;
	size_t k = 0;

	readelf(name, &r);
	UNIT_CHECK(elf_load_plan(f.data, f.size, base, &plan) == 0);
	UNIT_CHECK(plan.type == (r.is_dyn ? 3 : 2));
	UNIT_CHECK(plan.bias == (r.is_dyn ? base : 0));
	UNIT_CHECK(plan.entry == r.entry + plan.bias);
	for (size_t i = 0; i < r.count; i++) {
		const struct readelf_segment *s = &r.ph[i];
		if (strcmp(s->type, "LOAD"))
			continue;
		const struct exec_segment *g = &plan.segments[k++];
		uint64_t addr = s->vaddr + plan.bias;
		UNIT_CHECK(g->start == (addr & ~0xfffull));
		UNIT_CHECK(g->end == ((addr + s->memsz + 0xfff) & ~0xfffull));
		UNIT_CHECK(g->file_offset == (s->offset & ~0xfffull));
		UNIT_CHECK(g->start + g->file_bytes == addr + s->filesz);
		UNIT_CHECK(g->prot == s->prot);
	}
	UNIT_CHECK(k == plan.segment_count);
	const struct readelf_segment *ph = find(&r, "PHDR"), *st = find(&r, "GNU_STACK");
	if (ph)
		UNIT_CHECK(plan.phdr == ph->vaddr + plan.bias);
	UNIT_CHECK(st && plan.stack_executable == !!(st->prot & EXEC_PROT_EXEC));
	UNIT_CHECK(plan.phent == 56);
	free(f.data);
}

static void glibc_static_matches_readelf(void) { check_against_readelf("glibc-static", EXEC_DYN_BASE); }
static void glibc_static_pie_matches_readelf(void) { check_against_readelf("glibc-static-pie", EXEC_DYN_BASE); }
static void musl_static_matches_readelf(void) { check_against_readelf("musl-static", EXEC_DYN_BASE); }
static void static_pie_takes_any_page_base(void) { check_against_readelf("glibc-static-pie", 0x10000000); }

/*
 * Read by hand from `readelf -hlW` on this toolchain (gcc 12, binutils 2.40,
 * musl 1.2.3): four LOADs R, R E, R, RW from 0x400000 (0 for the pie), no
 * PT_PHDR in the static ones, so AT_PHDR is the first LOAD (offset 0)
 * plus e_phoff (64); GNU_STACK RW.
 */
static void check_hand_facts(const char *name, uint64_t low)
{
	struct fixture f = fixture_read(name);
	struct elf_load_plan plan;
	static const int prots[4] = { EXEC_PROT_READ, EXEC_PROT_READ | EXEC_PROT_EXEC,
				      EXEC_PROT_READ, EXEC_PROT_READ | EXEC_PROT_WRITE };

	UNIT_CHECK(elf_load_plan(f.data, f.size, EXEC_DYN_BASE, &plan) == 0);
	UNIT_CHECK(plan.segment_count == 4);
	for (size_t i = 0; i < 4 && i < plan.segment_count; i++)
		UNIT_CHECK(plan.segments[i].prot == prots[i]);
	UNIT_CHECK(plan.start == low && plan.segments[0].file_offset == 0);
	UNIT_CHECK(plan.phdr == low + 64);
	UNIT_CHECK(!plan.stack_executable);
	UNIT_CHECK(plan.brk == plan.segments[3].end);
	/* The RW segment ends in bss: its last file page is partly zeroed. */
	const struct exec_segment *rw = &plan.segments[3];
	UNIT_CHECK(rw->file_bytes % 4096 != 0 && rw->zero_page > rw->start + rw->file_bytes);
	free(f.data);
}

static void glibc_static_hand_facts(void) { check_hand_facts("glibc-static", 0x400000); }
static void glibc_static_pie_hand_facts(void) { check_hand_facts("glibc-static-pie", EXEC_DYN_BASE); }
static void musl_static_hand_facts(void) { check_hand_facts("musl-static", 0x400000); }

static void dynamic_executable_is_enoexec_dynamic(void)
{
	struct fixture f = fixture_read("glibc-dynamic");
	struct elf_load_plan plan;

	UNIT_CHECK(elf_load_plan(f.data, f.size, EXEC_DYN_BASE, &plan) == -ENOEXEC);
	UNIT_CHECK(plan.reason == ELF_LOAD_DYNAMIC);
	free(f.data);
}

static void truncated_real_binary_is_enoexec(void)
{
	struct fixture f = fixture_read("musl-static");
	struct elf_load_plan plan;
	UNIT_CHECK(elf_load_plan(f.data, f.size, EXEC_DYN_BASE, &plan) == 0);
	const struct exec_segment *last = &plan.segments[plan.segment_count - 1];
	size_t file_end = last->file_offset + last->file_bytes;
	size_t sizes[] = { 0, 1, 63, 64, 100, 0x1000, f.size / 2, file_end - 1 };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		UNIT_CHECK(elf_load_plan(f.data, sizes[i], EXEC_DYN_BASE, &plan) == -ENOEXEC);
	free(f.data);
}

/* ---- synthetic images ---- */

struct image {
	struct elf64_header h;
	struct elf64_phdr ph[20];
	char data[0x11000];
};

static struct image *image_new(uint16_t type, int nload)
{
	struct image *im = calloc(1, sizeof(*im));
	memcpy(im->h.ident, "\177ELF\2\1\1", 7);
	im->h.type = type;
	im->h.machine = EM_X86_64;
	im->h.version = 1;
	im->h.entry = 0x401000;
	im->h.phoff = offsetof(struct image, ph);
	im->h.ehsize = sizeof(im->h);
	im->h.phentsize = sizeof(struct elf64_phdr);
	im->h.phnum = nload;
	for (int i = 0; i < nload; i++)
		im->ph[i] = (struct elf64_phdr){ .type = PT_LOAD, .flags = 5,
			.offset = 0x1000 * i, .vaddr = 0x400000 + 0x1000 * i,
			.filesz = 0x100, .memsz = 0x100, .align = 0x1000 };
	return im;
}

static int plan_of(struct image *im, struct elf_load_plan *plan)
{
	int r = elf_load_plan(im, sizeof(*im), EXEC_DYN_BASE, plan);
	free(im);
	return r;
}

static void check_rejected(struct image *im, enum elf_load_reason reason)
{
	struct elf_load_plan plan;
	UNIT_CHECK(plan_of(im, &plan) == -ENOEXEC);
	UNIT_CHECK(plan.reason == reason);
}

static void synthetic_image_is_accepted(void)
{
	struct elf_load_plan plan;
	UNIT_CHECK(plan_of(image_new(ET_EXEC, 3), &plan) == 0);
	UNIT_CHECK(plan.segment_count == 3 && plan.entry == 0x401000);
	UNIT_CHECK(plan.phdr == 0x400000 + 64);
}

static void bss_partial_page_and_anonymous_pages(void)
{
	struct image *im = image_new(ET_EXEC, 2);
	struct elf_load_plan plan;
	im->ph[1] = (struct elf64_phdr){ .type = PT_LOAD, .flags = 6, .offset = 0x1234,
		.vaddr = 0x401234, .filesz = 0x100, .memsz = 0x3000 };
	UNIT_CHECK(plan_of(im, &plan) == 0);
	const struct exec_segment *s = &plan.segments[1];
	UNIT_CHECK(s->start == 0x401000 && s->end == 0x405000);
	UNIT_CHECK(s->file_offset == 0x1000 && s->file_bytes == 0x334);
	UNIT_CHECK(s->zero_page == 0x402000);
	UNIT_CHECK(s->prot == (EXEC_PROT_READ | EXEC_PROT_WRITE));
	UNIT_CHECK(plan.brk == 0x405000);
}

static void bss_only_segment_has_no_file_bytes(void)
{
	struct image *im = image_new(ET_EXEC, 2);
	struct elf_load_plan plan;
	im->ph[1].filesz = 0;
	im->ph[1].memsz = 0x2001;
	UNIT_CHECK(plan_of(im, &plan) == 0);
	UNIT_CHECK(plan.segments[1].file_bytes == 0);
	UNIT_CHECK(plan.segments[1].zero_page == plan.segments[1].start);
	UNIT_CHECK(plan.segments[1].end == 0x404000);
}

static void dyn_image_gets_the_base_as_bias(void)
{
	struct image *im = image_new(ET_DYN, 2);
	struct elf_load_plan plan;
	im->ph[0].vaddr = 0;
	im->ph[1].vaddr = 0x1000;
	im->h.entry = 0x1010;
	UNIT_CHECK(plan_of(im, &plan) == 0);
	UNIT_CHECK(plan.bias == EXEC_DYN_BASE && plan.entry == EXEC_DYN_BASE + 0x1010);
	UNIT_CHECK(plan.segments[1].start == EXEC_DYN_BASE + 0x1000);
}

static void pt_phdr_gives_at_phdr(void)
{
	struct image *im = image_new(ET_EXEC, 2);
	struct elf_load_plan plan;
	im->ph[2] = (struct elf64_phdr){ .type = PT_PHDR, .vaddr = 0x400040, .offset = 64 };
	im->h.phnum = 3;
	UNIT_CHECK(plan_of(im, &plan) == 0);
	UNIT_CHECK(plan.phdr == 0x400040 && plan.phnum == 3);
}

static void executable_gnu_stack_is_reported(void)
{
	struct image *im = image_new(ET_EXEC, 1);
	struct elf_load_plan plan;
	im->h.entry = 0x400010;
	im->ph[1] = (struct elf64_phdr){ .type = PT_GNU_STACK, .flags = 7 };
	im->h.phnum = 2;
	UNIT_CHECK(plan_of(im, &plan) == 0);
	UNIT_CHECK(plan.stack_executable);
}

static void misaligned_base_is_einval(void)
{
	struct image *im = image_new(ET_DYN, 1);
	struct elf_load_plan plan;
	im->ph[0].vaddr = 0;
	im->h.entry = 0;
	UNIT_CHECK(elf_load_plan(im, sizeof(*im), EXEC_DYN_BASE + 8, &plan) == -EINVAL);
	free(im);
}

static struct image *with(struct image *im, int i, uint64_t offset, uint64_t vaddr,
			  uint64_t filesz, uint64_t memsz)
{
	im->ph[i].offset = offset;
	im->ph[i].vaddr = vaddr;
	im->ph[i].filesz = filesz;
	im->ph[i].memsz = memsz;
	return im;
}

static void malformed_images_are_enoexec(void)
{
	struct image *im;

	im = image_new(ET_EXEC, 1); im->h.ident[0] = 0x7e; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.ident[4] = 1; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.ident[5] = 2; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.machine = 3; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(1 /* ET_REL */, 1); check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(4 /* ET_CORE */, 1); check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 0); check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.phentsize = 32; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.phoff = ~0ull - 8; check_rejected(im, ELF_LOAD_PARSE);
	im = image_new(ET_EXEC, 1); im->h.phnum = 0xffff; check_rejected(im, ELF_LOAD_PARSE);
	/* filesz > memsz, data past the file, huge offsets, address wrap: */
	im = with(image_new(ET_EXEC, 1), 0, 0, 0x400000, 0x200, 0x100); check_rejected(im, ELF_LOAD_PARSE);
	im = with(image_new(ET_EXEC, 1), 0, 0, 0x400000, 0x100000, 0x100000); check_rejected(im, ELF_LOAD_PARSE);
	im = with(image_new(ET_EXEC, 1), 0, ~0ull - 0xfff, 0x400000, 0x100, 0x100); check_rejected(im, ELF_LOAD_PARSE);
	im = with(image_new(ET_EXEC, 1), 0, 0, ~0ull - 0xfff, 0x100, 0x2000); check_rejected(im, ELF_LOAD_PARSE);
	/* Segment shape: */
	im = with(image_new(ET_EXEC, 2), 1, 0x1000, 0x400080, 0x100, 0x100); check_rejected(im, ELF_LOAD_MISALIGNED);
	im = with(image_new(ET_EXEC, 2), 1, 0x80, 0x400080, 0x100, 0x100); check_rejected(im, ELF_LOAD_OVERLAP);
	im = with(image_new(ET_EXEC, 2), 1, 0x1000, 0x3ff000, 0x100, 0x100); check_rejected(im, ELF_LOAD_UNSORTED);
	im = with(image_new(ET_EXEC, 1), 0, 0, 0x800000000000, 0x100, 0x100); im->h.entry = 0x800000000000;
	check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
	im = with(image_new(ET_EXEC, 1), 0, 0, 0x7ffffffff000, 0x100, 0x100); im->h.entry = 0x7ffffffff000;
	check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
	im = with(image_new(ET_EXEC, 1), 0, 0, 0, 0x100, 0x7fffffffffffffff); im->h.entry = 0;
	check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
	im = image_new(ET_EXEC, 1); im->h.entry = 0x500000; check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
	im = with(image_new(ET_EXEC, 1), 0, 0, 0xf000, 0x100, 0x100); im->h.entry = 0xf000;
	check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
	im = image_new(ET_DYN, 1); im->ph[0].vaddr = 0x7ffffffff000; im->h.entry = 0x7ffffffff000;
	check_rejected(im, ELF_LOAD_OUT_OF_RANGE);
}

static void interpreter_is_enoexec_dynamic(void)
{
	struct image *im = image_new(ET_EXEC, 1);
	im->ph[1] = (struct elf64_phdr){ .type = PT_INTERP, .offset = 0x200, .filesz = 10 };
	im->h.phnum = 2;
	check_rejected(im, ELF_LOAD_DYNAMIC);
}

static void too_many_segments_is_enoexec(void)
{
	check_rejected(image_new(ET_EXEC, ELF_MAX_SEGMENTS + 1), ELF_LOAD_PARSE);
	struct elf_load_plan plan;
	UNIT_CHECK(plan_of(image_new(ET_EXEC, ELF_MAX_SEGMENTS), &plan) == 0);
}

static void every_reason_has_text(void)
{
	struct elf_load_plan plan = { .reason = ELF_LOAD_DYNAMIC };
	UNIT_CHECK(strstr(elf_load_reason_string(&plan), "PT_INTERP") != NULL);
	plan.reason = ELF_LOAD_PARSE;
	plan.parse_error = ELF_NOT_ELF;
	UNIT_CHECK_STR(elf_load_reason_string(&plan), "not an ELF file");
}

int main(void)
{
	static const struct unit_case cases[] = {
		UNIT_CASE(glibc_static_matches_readelf),
		UNIT_CASE(glibc_static_pie_matches_readelf),
		UNIT_CASE(musl_static_matches_readelf),
		UNIT_CASE(static_pie_takes_any_page_base),
		UNIT_CASE(glibc_static_hand_facts),
		UNIT_CASE(glibc_static_pie_hand_facts),
		UNIT_CASE(musl_static_hand_facts),
		UNIT_CASE(dynamic_executable_is_enoexec_dynamic),
		UNIT_CASE(truncated_real_binary_is_enoexec),
		UNIT_CASE(synthetic_image_is_accepted),
		UNIT_CASE(bss_partial_page_and_anonymous_pages),
		UNIT_CASE(bss_only_segment_has_no_file_bytes),
		UNIT_CASE(dyn_image_gets_the_base_as_bias),
		UNIT_CASE(pt_phdr_gives_at_phdr),
		UNIT_CASE(executable_gnu_stack_is_reported),
		UNIT_CASE(misaligned_base_is_einval),
		UNIT_CASE(malformed_images_are_enoexec),
		UNIT_CASE(interpreter_is_enoexec_dynamic),
		UNIT_CASE(too_many_segments_is_enoexec),
		UNIT_CASE(every_reason_has_text),
	};
	return unit_main("elf_load", cases, sizeof(cases) / sizeof(cases[0]));
}
