/*
 * io_port.c: the io_port_grant trap. A holder of the host port lets a
 * task use a range of I/O ports with in/out; any other port still faults
 * (#GP, a user exception) and never reaches the kernel's devices. Ports
 * the kernel drives itself are never granted. Grants are per task
 * (task->io_bitmap), not inherited, and last as long as the task.
 */
#include "arch/x86_64/io_bitmap.h"
#include "arch/x86_64/serial.h"
#include "kern/host.h"
#include "kern/task.h"
#include "kern/task_port.h"
#include "mk/traps.h"

/* The kernel's own devices: first port, count. */
static const struct {
	uint32_t first, count;
} kernel_ports[] = {
	{ 0x20, 2 },            /* master PIC (arch/x86_64/pic.c) */
	{ 0xa0, 2 },            /* slave PIC */
	{ 0x40, 4 },            /* PIT, the scheduler's clock */
	{ 0xf4, 4 },            /* QEMU's exit device (platform.c) */
};

static bool overlaps(uint32_t first, uint32_t count, uint32_t kfirst, uint32_t kcount)
{
	return first < kfirst + kcount && kfirst < first + count;
}

static bool overlaps_kernel_ports(uint32_t first, uint32_t count)
{
	if (overlaps(first, count, serial_log_port(), 8))     /* the kernel's log UART */
		return true;
	for (size_t i = 0; i < sizeof(kernel_ports) / sizeof(kernel_ports[0]); i++)
		if (overlaps(first, count, kernel_ports[i].first, kernel_ports[i].count))
			return true;
	return false;
}

/* task's bitmap, created on the first grant. */
static struct io_bitmap *bitmap_of(struct task *task)
{
	struct io_bitmap *fresh = task->io_bitmap ? NULL : io_bitmap_create();

	spin_lock(&task->lock);
	if (!task->io_bitmap)
		task->io_bitmap = fresh, fresh = NULL;
	struct io_bitmap *b = task->io_bitmap;
	spin_unlock(&task->lock);
	if (fresh)
		io_bitmap_destroy(fresh);
	return b;
}

int64_t trap_io_port_grant(const struct trap_args *a)
{
	uint64_t first = a->arg[2], count = a->arg[3];
	mk_return_t ret = host_check((mk_port_name_t)a->arg[0]);

	if (ret != MK_SUCCESS)
		return ret;
	if (count == 0 || first >= MK_IO_PORT_COUNT || count > MK_IO_PORT_COUNT - first)
		return MK_INVALID_ARGUMENT;
	if (overlaps_kernel_ports(first, count))
		return MK_INVALID_VALUE;
	struct task *task = task_from_name((mk_port_name_t)a->arg[1]);
	if (!task)
		return MK_INVALID_TASK;
	struct io_bitmap *b = bitmap_of(task);
	if (b) {
		spin_lock(&task->lock);
		io_bitmap_allow(b, first, count);
		spin_unlock(&task->lock);
		if (task == current_task())
			io_bitmap_activate(b);  /* no switch before we return to user mode */
	}
	task_release(task);
	return b ? MK_SUCCESS : MK_RESOURCE_SHORTAGE;
}
