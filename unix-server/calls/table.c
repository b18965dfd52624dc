/*
 * table.c: the server's dispatch table, an expansion of UX_SERVER_CALLS
 * (ux/rpc.h), the same list the emulator marshals from.
 */
#include <stddef.h>

#include "call.h"
#include "linux_syscalls.h"

struct row {
	ux_handler handler;
	struct ux_call_marshal m;
};

#define TABLE_ROW(name, in0, in1, out, rep) \
	[LINUX_SYS_##name] = { ux_sys_##name, { { in0, in1 }, out, rep } },
static const struct row rows[] = { UX_SERVER_CALLS(TABLE_ROW) };
#undef TABLE_ROW

ux_handler call_handler(uint64_t number, const struct ux_call_marshal **row)
{
	if (number >= sizeof(rows) / sizeof(rows[0]) || !rows[number].handler)
		return NULL;
	*row = &rows[number].m;
	return rows[number].handler;
}
