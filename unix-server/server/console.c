/*
 * console.c: see console.h. The terminal's driver operations for the
 * VFS: reads and writes go through the line discipline; a read with no
 * input parks (-UX_EPARK) and is retried after each interrupt, and, when
 * VTIME gives it a deadline, as time passes (tty_read_timer).
 */
#include "console.h"
#include "dev/uart16550.h"
#include "server.h"
#include "tty/tty.h"
#include "tty/tty_ioctls.h"

#define TTYS_MAJOR 4
#define TTYS0_MINOR 64

static struct tty console_tty;
static bool owns_uart;
static mk_port_name_t irq_port;
static uint64_t last_input_ns;          /* when the last input interrupt came */

static void kernel_console_output(void *ctx, const uint8_t *buf, size_t len)
{
	(void)ctx;
	mk_console_write((const char *)buf, len);
}

static const struct tty_ops uart_ops = { uart_tty_output };
static const struct tty_ops kernel_ops = { kernel_console_output };

/*
 * A read VTIME times (tty_read.c): the timer runs from when the read
 * began or from the last input, whichever is later; Linux restarts it
 * as each byte comes. With no call behind the read (wait NULL) it just
 * waits for input.
 */
static int64_t console_read(void *dev, struct vfs_file *f, void *buf, size_t len,
			    struct vfs_wait *wait)
{
	(void)dev;
	if (f->flags & LINUX_O_NONBLOCK)
		return tty_read_nonblock(&console_tty, buf, len);
	int64_t r = tty_read(&console_tty, buf, len);
	uint32_t tenths = tty_read_timer(&console_tty);
	if (r != -UX_EPARK || !wait || !tenths)
		return r;
	uint64_t from = wait->since_ns > last_input_ns ? wait->since_ns : last_input_ns;
	if (ux_waited_ms(from, tenths * 100ull))
		return tty_read_expired(&console_tty, buf, len);
	wait->timed = true;
	return -UX_EPARK;
}

static int64_t console_write(void *dev, struct vfs_file *f, const void *buf, size_t len)
{
	(void)dev, (void)f;
	return tty_write(&console_tty, buf, len);
}

/* Pointer commands arrive in buf; value commands (TTY_ARG_INT) as arg. */
static int64_t console_ioctl(void *dev, struct vfs_file *f, unsigned cmd, uint64_t arg,
			     void *buf, size_t len)
{
	struct tty_ioctl_shape shape;
	int32_t value = (int32_t)arg;

	(void)dev, (void)f, (void)len;
	if (!tty_ioctl_shape(cmd, &shape))
		return -UX_ENOTTY;
	/* The process group calls are for the caller's controlling
	 * terminal, which nobody has yet: Linux answers ENOTTY (a shell
	 * run as init then turns job control off). */
	if (cmd == UX_TIOCGPGRP || cmd == UX_TIOCSPGRP || cmd == UX_TIOCGSID)
		return -UX_ENOTTY;
	long r = shape.arg == TTY_ARG_PTR ? tty_ioctl(&console_tty, cmd, buf, buf)
					  : tty_ioctl(&console_tty, cmd, &value, NULL);
	vfs_wake(&server.vfs);  /* a mode change may complete a parked read */
	return r;
}

static unsigned console_poll(void *dev, struct vfs_file *f)
{
	(void)dev, (void)f;
	return (tty_readable(&console_tty) ? LINUX_POLLIN : 0) |
	       (tty_writable(&console_tty) ? LINUX_POLLOUT : 0);
}

static const struct vfs_chardev_ops console_ops = {
	.read = console_read,
	.write = console_write,
	.ioctl = console_ioctl,
	.poll = console_poll,
};

/* /dev/tty is the caller's controlling terminal, and no process has one
 * until sessions own terminals: -ENXIO, as Linux answers a process
 * without one (init=/bin/sh on a console sees the same). */
static int no_controlling_tty(void *dev, struct vfs_file *f)
{
	(void)dev, (void)f;
	return -UX_ENXIO;
}

static const struct vfs_chardev_ops controlling_tty_ops = { .open = no_controlling_tty };

static bool take_uart(void)
{
	mk_port_name_t host = native_host_port();

	if (mk_io_port_grant(host, MK_PORT_NULL, UART_COM1, 8) != MK_SUCCESS)
		return false;           /* the kernel logs there */
	if (mk_port_allocate(MK_RIGHT_RECEIVE, &irq_port) != MK_SUCCESS)
		return false;
	if (mk_port_move_member(irq_port, server.port_set) != MK_SUCCESS ||
	    mk_interrupt_register(host, UART_COM1_IRQ, irq_port) != MK_SUCCESS) {
		mk_port_destroy(irq_port);
		return false;
	}
	uart_init(UART_COM1);
	return true;
}

int console_init(void)
{
	int r;

	owns_uart = take_uart();
	tty_init(&console_tty, owns_uart ? &uart_ops : &kernel_ops,
		 (void *)(uintptr_t)UART_COM1);
	if ((r = vfs_chardev_register(&server.vfs, DEV_TTYAUX_MAJOR, DEV_CONSOLE_MINOR,
				      &console_ops, NULL)) < 0 ||
	    (r = vfs_chardev_register(&server.vfs, DEV_TTYAUX_MAJOR, DEV_TTY_MINOR,
				      &controlling_tty_ops, NULL)) < 0 ||
	    (r = vfs_chardev_register(&server.vfs, TTYS_MAJOR, TTYS0_MINOR, &console_ops,
				      NULL)) < 0)
		return r;
	return 0;
}

void console_interrupt(const struct mk_interrupt_msg *m)
{
	uint8_t buf[64];
	size_t n;

	if (!owns_uart || m->header.local_port != irq_port || m->irq != UART_COM1_IRQ)
		return;         /* not the kernel's: anyone may send this id */
	while ((n = uart_read_available(UART_COM1, buf, sizeof(buf))) > 0) {
		tty_input(&console_tty, buf, n);
		last_input_ns = ux_now_ns();
	}
	mk_interrupt_ack(native_host_port(), UART_COM1_IRQ);
	vfs_wake(&server.vfs);
}
