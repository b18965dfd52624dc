/*
 * console.c: kprintf and panic.
 *
 * Output goes to the kernel's polled serial driver. A panic inside a panic
 * (a fault while dumping) stops at once rather than recursing.
 */
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/serial.h"
#include "kern/backtrace.h"
#include "kern/console.h"
#include "kern/platform.h"
#include "lib/fmt.h"

static void emit_serial(void *ctx, char c)
{
	(void)ctx;
	serial_putc(c);
}

int kvprintf(const char *fmt, va_list ap)
{
	return fmt_vformat(emit_serial, 0, fmt, ap);
}

int kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}

static int panicking;

_Noreturn void panic(const char *fmt, ...)
{
	va_list ap;

	cpu_disable_interrupts();
	if (panicking++) {
		kprintf("mk: panic while panicking; stopping\n");
		platform_exit(MK_EXIT_PANIC);
	}
	kprintf("mk: panic: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	backtrace_print((uint64_t)__builtin_frame_address(0));
	platform_exit(MK_EXIT_PANIC);
}
