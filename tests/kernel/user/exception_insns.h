/* exception_insns.h: the faulting instructions of exception_insns.S. */
#ifndef MK_TESTS_EXCEPTION_INSNS_H
#define MK_TESTS_EXCEPTION_INSNS_H

#include <stdint.h>

uint64_t exc_read(uint64_t address);
uint64_t exc_divide(uint64_t n, uint64_t d);
uint64_t exc_invalid_opcode(void);
uint64_t exc_breakpoint(uint64_t value);
int64_t exc_linux_syscall(uint64_t number);
uint64_t exc_read_fs0(void);

extern const char exc_read_insn[], exc_read_next[];
extern const char exc_divide_insn[], exc_divide_next[];
extern const char exc_invalid_opcode_insn[], exc_invalid_opcode_next[];
extern const char exc_breakpoint_next[];
extern const char exc_linux_syscall_next[];

#endif
