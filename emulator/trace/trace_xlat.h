/*
 * trace_xlat.h: printing the argument formats that are named constants or
 * flag sets (O_*, AT_*, PROT_*, MAP_*, SIG*, CLOCK_*, F_*, ...). Internal
 * to emulator/trace.
 */
#ifndef EMULATOR_TRACE_XLAT_H
#define EMULATOR_TRACE_XLAT_H

#include "../linux_syscalls.h"
#include "trace_out.h"

/* Linux's values that decide how other arguments are printed. */
#define LX_O_CREAT     0100
#define LX_O_TMPFILE   020200000
#define LX_AT_FDCWD    (-100)
#define LX_F_GETFD     1
#define LX_F_GETFL     3
#define LX_MREMAP_FIXED 2

/* Prints v as fmt wants; false if fmt is not a named-constant format. */
bool out_named(struct trace_out *o, enum linux_arg fmt, uint64_t v);

/* The flags F_GETFD and F_GETFL return: "FD_CLOEXEC", "O_RDONLY|O_APPEND". */
void out_fd_flags_result(struct trace_out *o, uint64_t v);
void out_open_flags(struct trace_out *o, uint64_t v);

/* Whether an ioctl command has a name (its argument is then an address). */
bool ioctl_is_known(uint32_t cmd);

/* fcntl's third argument for command cmd; false if cmd takes none. */
bool fcntl_has_arg(uint32_t cmd);
void out_fcntl_arg(struct trace_out *o, uint32_t cmd, uint64_t v);

#endif
