/*
 * idt.c: the interrupt descriptor table. Installs the exception stubs from
 * trap_entry.S (with IST stacks for #DF, NMI and #MC); device interrupt
 * vectors are added by the interrupt code as it arrives.
 */
#include <stdint.h>

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_high;
	uint32_t reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct idt_gate) == 16, "IDT gate layout is fixed by the CPU");

#define GATE_INTERRUPT 0x8e             /* present, DPL 0, 64-bit interrupt gate */
#define GATE_DPL3      0x60

static struct idt_gate idt[256];
extern const uint64_t trap_stub_table[IDT_STUB_COUNT];

void idt_set_gate(unsigned vector, uint64_t handler, unsigned ist, int user_callable)
{
	idt[vector] = (struct idt_gate){
		.offset_low = handler & 0xffff,
		.selector = GDT_KERNEL_CODE,
		.ist = ist,
		.type_attr = GATE_INTERRUPT | (user_callable ? GATE_DPL3 : 0),
		.offset_mid = (handler >> 16) & 0xffff,
		.offset_high = handler >> 32,
	};
}

static unsigned exception_ist(unsigned vector)
{
	switch (vector) {
	case 2: return IST_NMI;
	case 8: return IST_DOUBLE_FAULT;
	case 18: return IST_MACHINE_CHECK;
	default: return 0;
	}
}

void idt_init(void)
{
	for (unsigned v = 0; v < IDT_STUB_COUNT; v++)
		idt_set_gate(v, trap_stub_table[v], exception_ist(v), v == 3 || v == 4);

	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) ptr = { sizeof(idt) - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(ptr));
}
